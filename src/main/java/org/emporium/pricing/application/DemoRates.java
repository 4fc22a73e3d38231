package org.emporium.pricing.application;

import io.vertx.core.Future;
import org.emporium.platform.money.FxRate;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;

/**
 * The local profile's demonstration rates ({@code pricing.fx.demoRates}), stored fresh at every start
 * with source {@code demo} so converted prices keep working on a laptop node that runs for days.
 */
public final class DemoRates {

  private final SettingRates setting;
  private final PricingSettings settings;
  private final Clock clock;

  public DemoRates(SettingRates setting, PricingSettings settings, Clock clock) {
    this.setting = setting;
    this.settings = settings;
    this.clock = clock;
  }

  public Future<Void> store() {
    if (settings.demoRates().isEmpty()) {
      return Future.succeededFuture();
    }
    List<FxRate> rates = settings.demoRates().entrySet().stream().map(entry -> new FxRate(settings.pivot(),
        Currency.getInstance(entry.getKey()), new BigDecimal(entry.getValue()), "demo", clock.instant())).toList();
    return setting.set("system", rates).mapEmpty();
  }
}
