package org.emporium.pricing.infra;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.pricing.domain.Conditions;
import org.emporium.pricing.domain.DiscountKind;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.PromotionDefinition;
import org.emporium.pricing.domain.UsageLimits;
import org.emporium.pricing.domain.Validity;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Promotions to and from rows of {@code pricing.promotion}: the one place columns meet fields. */
final class PromotionRows {

  private PromotionRows() {
  }

  /** Parameters $1 to $15 of an insert or a replace, in column order. */
  static Tuple definition(PromotionDefinition d) {
    return Tuple.tuple().addString(d.name()).addString(d.description())
        .addString(d.kind().name().toLowerCase(Locale.ROOT)).addBigDecimal(d.percent())
        .addValue(json(d.amountOff())).addValue(json(d.conditions().minSubtotal()))
        .addArrayOfString(d.conditions().categoryIds().stream().sorted().toArray(String[]::new))
        .addArrayOfString(d.conditions().skus().stream().sorted().toArray(String[]::new))
        .addBoolean(d.conditions().firstOrder()).addLocalDateTime(d.validity().from())
        .addLocalDateTime(d.validity().until()).addString(d.validity().zone().getId())
        .addInteger(d.limits().total()).addInteger(d.limits().perCustomer()).addBoolean(d.active());
  }

  static Promotion promotion(Row row) {
    Conditions conditions = new Conditions(amounts(row.getJsonObject("min_subtotal")),
        Set.of(row.getArrayOfStrings("category_ids")), Set.of(row.getArrayOfStrings("skus")),
        row.getBoolean("first_order"));
    PromotionDefinition definition = new PromotionDefinition(row.getString("name"), row.getString("description"),
        DiscountKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)), row.getBigDecimal("percent"),
        amounts(row.getJsonObject("amount_off")), conditions,
        new Validity(row.getLocalDateTime("valid_from"), row.getLocalDateTime("valid_until"),
            ZoneId.of(row.getString("time_zone"))),
        new UsageLimits(row.getInteger("usage_limit"), row.getInteger("per_customer_limit")),
        List.of(row.getArrayOfStrings("codes")), row.getBoolean("active"));
    return new Promotion(row.getUUID("id"), definition, row.getInteger("used"), row.getInteger("version"),
        row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
  }

  private static JsonObject json(Map<String, Long> amounts) {
    return new JsonObject(new LinkedHashMap<>(amounts));
  }

  private static Map<String, Long> amounts(JsonObject json) {
    Map<String, Long> amounts = new LinkedHashMap<>();
    json.forEach(entry -> amounts.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
    return amounts;
  }
}
