package org.emporium.pricing.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.Problem;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.money.FxRate;
import org.emporium.platform.money.FxTableJson;
import org.emporium.pricing.application.ReadingRates;
import org.emporium.pricing.application.SettingRates;
import org.emporium.pricing.domain.RateInput;
import org.emporium.pricing.domain.Violation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The operations behind the {@code pricing.*} addresses: request in, use case, reply out. */
final class PricingEndpoints {

  static final String MANAGE = "pricing:manage";
  static final int MAX_RATES = 500;

  private final ReadingRates reading;
  private final SettingRates setting;
  private final Clock clock;

  PricingEndpoints(ReadingRates reading, SettingRates setting, Clock clock) {
    this.reading = reading;
    this.setting = setting;
    this.clock = clock;
  }

  /** Internal: the whole table for every node's {@code FxRatesCache}. */
  Future<JsonObject> fxRates(JsonObject ignored) {
    return reading.table().map(FxTableJson::of);
  }

  Future<JsonObject> listRates(ForwardedRequest request) {
    return reading.table().map(table -> ForwardedReply.ok(page(table.pivot().getCurrencyCode(),
        table.maxAge().toSeconds(), table.rates())));
  }

  Future<JsonObject> putRates(ForwardedRequest request) {
    Principal caller = request.requirePermission(MANAGE);
    List<FxRate> rates = rates(request.body().getValue("rates"), clock.instant());
    return setting.set(caller.subject(), rates).compose(stored -> reading.table()).map(table ->
        ForwardedReply.ok(page(table.pivot().getCurrencyCode(), table.maxAge().toSeconds(), table.rates())));
  }

  /** Validated rates from a request body's {@code rates} array; a 400 with every offending field otherwise. */
  static List<FxRate> rates(Object value, Instant now) {
    if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_RATES) {
      throw invalid(List.of(new Violation("/rates", "must be an array of 1 to " + MAX_RATES + " rates")));
    }
    List<Violation> violations = new ArrayList<>();
    List<RateInput> inputs = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String pointer = "/rates/" + i;
      if (!(array.getValue(i) instanceof JsonObject item)) {
        violations.add(new Violation(pointer, "must be an object"));
        continue;
      }
      RateInput input = new RateInput(text(item, "base"), text(item, "quote"), text(item, "rate"),
          text(item, "source"), text(item, "asOf"));
      violations.addAll(input.violations(pointer, now));
      if (!pairs.add(input.base() + "/" + input.quote())) {
        violations.add(new Violation(pointer, "repeats the pair " + input.base() + "/" + input.quote()));
      }
      inputs.add(input);
    }
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    return inputs.stream().map(input -> input.toRate("manual", now)).toList();
  }

  private static JsonObject page(String pivot, long maxAgeSeconds, Iterable<FxRate> rates) {
    JsonArray items = new JsonArray();
    rates.forEach(rate -> items.add(FxTableJson.of(rate)));
    return new JsonObject().put("pivot", pivot).put("maxAgeSeconds", maxAgeSeconds).put("items", items);
  }

  private static String text(JsonObject item, String key) {
    Object value = item.getValue(key);
    return value == null ? null : String.valueOf(value);
  }

  private static RuntimeException invalid(List<Violation> violations) {
    return Problem.invalid("The rates are not valid.", violations.stream()
        .map(v -> new Problem.FieldError(v.field(), v.message())).toList()).toException();
  }
}
