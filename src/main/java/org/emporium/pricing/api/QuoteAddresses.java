package org.emporium.pricing.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.config.Settings;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.money.FxRatesCache;
import org.emporium.platform.node.Platform;
import org.emporium.pricing.application.Converting;
import org.emporium.pricing.application.Discounting;
import org.emporium.pricing.application.ImportingRates;
import org.emporium.pricing.application.ManagingTax;
import org.emporium.pricing.application.QuoteSettings;
import org.emporium.pricing.application.Quoting;
import org.emporium.pricing.application.SettingRates;
import org.emporium.pricing.application.TaxRules;
import org.emporium.pricing.infra.BusCatalog;
import org.emporium.pricing.infra.PgTaxTables;

/**
 * Wires quotes, conversions, rate imports and tax tables: this verticle's rate cache and tax tables
 * (both refreshed on every node after a change), the use cases, and their addresses
 * ({@code pricing.quote}, {@code pricing.convert}, {@code pricing.createQuote}, {@code pricing.importRates},
 * {@code pricing.listTaxRates}, {@code pricing.putTaxRates}). Start it once {@code pricing.fxRates} answers.
 */
final class QuoteAddresses {

  private final FxRatesCache rates;
  private final TaxRules tax;

  private QuoteAddresses(FxRatesCache rates, TaxRules tax) {
    this.rates = rates;
    this.tax = tax;
  }

  static Future<QuoteAddresses> start(Vertx vertx, Platform platform, Pool pool, SettingRates setting,
      Discounting discounting) {
    QuoteSettings settings = QuoteSettings.from(platform);
    long refreshMs = Settings.of(platform.config()).child("pricing").child("fx").positive("refreshIntervalMs");
    PgTaxTables tables = new PgTaxTables(platform.clock());
    TaxRules tax = new TaxRules(vertx, pool, tables);
    return Future.all(FxRatesCache.start(vertx, platform), tax.start(refreshMs)).compose(started -> {
      FxRatesCache rates = started.resultAt(0);
      Quoting quoting = new Quoting(new BusCatalog(vertx, settings.catalogTimeoutMs()), discounting, tax,
          rates::current, settings, platform.clock(), platform.ids());
      QuoteEndpoints quotes = new QuoteEndpoints(quoting, new Converting(rates::current, platform.clock()));
      PricingAdminEndpoints admin = new PricingAdminEndpoints(new ImportingRates(setting, platform.clock()),
          new ManagingTax(pool, tables, tax));
      return new BusEndpoints(vertx, RejectionProblems::of)
          .serve("pricing.quote", quotes::quote)
          .serve("pricing.convert", quotes::convert)
          .forwarded("pricing.createQuote", quotes::createQuote)
          .forwarded("pricing.importRates", admin::importRates)
          .forwarded("pricing.listTaxRates", admin::listTaxRates)
          .forwarded("pricing.putTaxRates", admin::putTaxRates)
          .registered().map(registered -> new QuoteAddresses(rates, tax));
    });
  }

  Future<Void> stop() {
    return Future.all(rates.close(), tax.stop()).mapEmpty();
  }
}
