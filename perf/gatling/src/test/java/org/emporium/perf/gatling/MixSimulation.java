package org.emporium.perf.gatling;

/**
 * Browsers, shoppers and a flash sale together ({@code perf.rate}: 20/s, smoke 3/s, split by
 * {@code perf.mix}). Browsers and shoppers arrive steadily; the flash share of the measured
 * window's arrivals comes as a burst of {@code perf.flash.seconds}, a third into the window.
 */
public class MixSimulation extends EmporiumSimulation {

  public MixSimulation() {
    Mix mix = config.mix();
    double rate = config.rate(20, 3);
    browsers(rate * mix.browse());
    shoppers(rate * mix.shop());
    long flashShoppers = Math.round(rate * mix.flash() * config.seconds());
    if (flashShoppers > 0) {
      double burst = Math.min(config.flashSeconds(), config.seconds());
      flashSale(flashShoppers / burst, config.warmupSeconds() + config.seconds() / 3.0, burst, false);
    }
    launch();
  }
}
