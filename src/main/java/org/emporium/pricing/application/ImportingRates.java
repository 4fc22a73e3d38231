package org.emporium.pricing.application;

import io.vertx.core.Future;
import org.emporium.platform.money.FxRate;
import org.emporium.pricing.domain.CsvRates;
import org.emporium.pricing.domain.EcbRates;
import org.emporium.pricing.domain.ImportedRates;

import java.time.Clock;
import java.util.List;

/**
 * A rates file (CSV, or the ECB's reference-rate XML) imported all or nothing: one bad line refuses the
 * whole file with an error per offending line, otherwise its rates are stored like an administrator's,
 * with source {@code csv} or {@code ecb}, and one {@code fx.updated} event.
 */
public final class ImportingRates {

  /** The file formats, by the media type they are sent as. */
  public enum Format {
    CSV, ECB_XML
  }

  private final SettingRates setting;
  private final Clock clock;

  public ImportingRates(SettingRates setting, Clock clock) {
    this.setting = setting;
    this.clock = clock;
  }

  public Future<List<FxRate>> importFile(String actor, Format format, String text) {
    ImportedRates read = format == Format.CSV ? CsvRates.read(text, clock.instant())
        : EcbRates.read(text, clock.instant());
    if (!read.accepted()) {
      return Future.failedFuture(Rejected.invalid("The file is not valid; no rate was imported.", read.violations()));
    }
    return setting.set(actor, read.rates());
  }
}
