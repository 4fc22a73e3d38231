package org.emporium.perf.gatling;

/**
 * A flash sale: shoppers watch the product during the warm-up, then {@code perf.flash.rate} racing
 * shoppers per second for {@code perf.flash.seconds} try to buy one of {@code perf.flash.units} units.
 */
public class FlashSaleSimulation extends EmporiumSimulation {

  public FlashSaleSimulation() {
    flashSale(config.flashRate(), config.warmupSeconds(), config.flashSeconds(), true);
    launch();
  }
}
