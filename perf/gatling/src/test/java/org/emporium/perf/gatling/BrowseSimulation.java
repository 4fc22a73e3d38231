package org.emporium.perf.gatling;

/** Visitors browsing categories, product pages, search and suggestions ({@code perf.rate}: 20/s, smoke 2/s). */
public class BrowseSimulation extends EmporiumSimulation {

  public BrowseSimulation() {
    browsers(config.rate(20, 2));
    launch();
  }
}
