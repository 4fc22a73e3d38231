package org.emporium.perf.gatling;

/** Guests and customers filling carts and checking out ({@code perf.rate}: 3/s, smoke 0.7/s). */
public class ShopSimulation extends EmporiumSimulation {

  public ShopSimulation() {
    shoppers(config.rate(3, 0.7));
    launch();
  }
}
