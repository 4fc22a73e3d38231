package org.emporium.perf.gatling;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of a run, from system properties ({@code -Dperf.rate=20}); with
 * {@code perf.smoke=true} the defaults become short and gentle. README.md lists them all.
 */
public final class PerfConfig {

  private final boolean smoke = Boolean.parseBoolean(System.getProperty("perf.smoke", "false"));

  private String text(String name, String full, String smokeValue) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? (smoke ? smokeValue : full) : value.trim();
  }

  private int integer(String name, int full, int smokeValue) {
    return Integer.parseInt(text(name, String.valueOf(full), String.valueOf(smokeValue)));
  }

  private double decimal(String name, double full, double smokeValue) {
    return Double.parseDouble(text(name, String.valueOf(full), String.valueOf(smokeValue)));
  }

  public boolean smoke() {
    return smoke;
  }

  public String baseUrl() {
    String url = text("baseUrl", "http://localhost:8080", "http://localhost:8080");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public int warmupSeconds() {
    return integer("perf.warmupSeconds", 30, 5);
  }

  public int seconds() {
    return integer("perf.seconds", 120, 25);
  }

  /** Arrivals per second of the whole simulation; each simulation has its own default. */
  public double rate(double full, double smokeValue) {
    return decimal("perf.rate", full, smokeValue);
  }

  public long seed() {
    return Long.parseLong(text("perf.seed", "42", "42"));
  }

  public Duration thinkMin() {
    return Duration.ofMillis(integer("perf.thinkMinMs", 500, 100));
  }

  public Duration thinkMax() {
    return Duration.ofMillis(Math.max(integer("perf.thinkMaxMs", 2000, 300), (int) thinkMin().toMillis()));
  }

  public String adminEmail() {
    return text("perf.adminEmail", "admin@emporium.local", "admin@emporium.local");
  }

  public String adminPassword() {
    return text("perf.adminPassword", "admin", "admin");
  }

  public Mix mix() {
    return Mix.parse(text("perf.mix", "browse=70,shop=25,flash=5", "browse=70,shop=25,flash=5"));
  }

  public double maxFailedPercent() {
    return decimal("perf.maxFailedPercent", 1.0, 1.0);
  }

  public int settleSeconds() {
    return integer("perf.settleSeconds", 60, 30);
  }

  public Path outDir() {
    String projectDir = System.getProperty("perf.projectDir", ".");
    return Path.of(text("perf.outDir", projectDir + "/target", projectDir + "/target"));
  }

  public boolean checkOutcomes() {
    return Boolean.parseBoolean(text("perf.outcomes", "true", "true"));
  }

  public String pgUrl() {
    return text("perf.pg.url", "jdbc:postgresql://127.0.0.1:15432/postgres", "jdbc:postgresql://127.0.0.1:15432/postgres");
  }

  public String pgUser() {
    return text("perf.pg.user", "postgres", "postgres");
  }

  public String pgPassword() {
    return text("perf.pg.password", "postgres", "postgres");
  }

  public double guestShare() {
    return decimal("perf.shop.guestShare", 0.4, 0.4);
  }

  public double newCustomerShare() {
    return decimal("perf.shop.newCustomerShare", 0.1, 0.1);
  }

  public double passwordSignInShare() {
    return decimal("perf.shop.passwordSignInShare", 0.3, 0.3);
  }

  public double abandonShare() {
    return decimal("perf.shop.abandonShare", 0.2, 0.2);
  }

  public int accounts() {
    return integer("perf.shop.accounts", 20, 4);
  }

  public int shopProducts() {
    return integer("perf.shop.products", 200, 20);
  }

  public int minStock() {
    return integer("perf.shop.minStock", 1000, 50);
  }

  public int maxLines() {
    return integer("perf.shop.maxLines", 3, 3);
  }

  public int checkoutAttempts() {
    return integer("perf.checkout.maxAttempts", 6, 6);
  }

  public String flashSku() {
    return text("perf.flash.sku", "DEMO-00999-1", "DEMO-00999-1");
  }

  public int flashUnits() {
    return integer("perf.flash.units", 50, 2);
  }

  public double flashRate() {
    return decimal("perf.flash.rate", 50, 2);
  }

  public int flashSeconds() {
    return integer("perf.flash.seconds", 10, 5);
  }
}
