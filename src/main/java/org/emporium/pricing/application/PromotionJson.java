package org.emporium.pricing.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.pricing.domain.Conditions;
import org.emporium.pricing.domain.CouponCodes;
import org.emporium.pricing.domain.DiscountKind;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.PromotionDefinition;
import org.emporium.pricing.domain.PromotionRejection;
import org.emporium.pricing.domain.UsageLimits;
import org.emporium.pricing.domain.Validity;
import org.emporium.pricing.domain.Violation;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Promotions as JSON: the definition an administrator sends (validated field by field) and the stored promotion. */
public final class PromotionJson {

  /** The largest amount in minor units a JSON client reads exactly (2^53 - 1). */
  static final long MAX_AMOUNT = 9_007_199_254_740_991L;
  private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
  private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");
  private static final Set<String> TOP = Set.of("name", "description", "kind", "percent", "amountOff", "conditions",
      "validity", "limits", "codes", "active");

  private PromotionJson() {
  }

  /** The definition in {@code body}; a {@link PromotionRejected} with every offending field otherwise. */
  public static PromotionDefinition read(JsonObject body) {
    List<Violation> violations = new ArrayList<>();
    JsonReader in = new JsonReader(body, "", TOP, violations);
    DiscountKind kind = kind(in);
    String percentText = in.string("percent");
    BigDecimal percent = null;
    if (percentText != null && PERCENT.matcher(percentText).matches()) {
      percent = new BigDecimal(percentText);
    } else if (percentText != null) {
      in.violation("percent", "must be a decimal string such as \"12.5\"");
    }
    JsonReader when = in.object("conditions", Set.of("minSubtotal", "categoryIds", "skus", "firstOrder"));
    Conditions conditions = new Conditions(when.amounts("minSubtotal", MAX_AMOUNT),
        Set.copyOf(when.strings("categoryIds", PromotionDefinition.MAX_CATEGORIES)),
        Set.copyOf(when.strings("skus", PromotionDefinition.MAX_SKUS)), Boolean.TRUE.equals(when.bool("firstOrder")));
    JsonReader limitsIn = in.object("limits", Set.of("total", "perCustomer"));
    UsageLimits limits = new UsageLimits(toInt(limitsIn.whole("total", 1, Integer.MAX_VALUE)),
        toInt(limitsIn.whole("perCustomer", 1, Integer.MAX_VALUE)));
    List<String> codes = in.strings("codes", PromotionDefinition.MAX_CODES).stream().map(CouponCodes::normalise).toList();
    PromotionDefinition definition = new PromotionDefinition(in.string("name"), in.string("description"), kind,
        percent, in.amounts("amountOff", MAX_AMOUNT), conditions,
        validity(in.object("validity", Set.of("from", "until", "timeZone"))), limits, codes,
        !Boolean.FALSE.equals(in.bool("active")));
    violations.addAll(definition.violations());
    if (!violations.isEmpty()) {
      throw new PromotionRejected(new PromotionRejection.Invalid(violations));
    }
    return definition;
  }

  /** The stored promotion; members without a value are left out, so what is read can be sent back. */
  public static JsonObject write(Promotion promotion) {
    PromotionDefinition d = promotion.definition();
    JsonObject conditions = new JsonObject().put("minSubtotal", new JsonObject(new LinkedHashMap<>(
            d.conditions().minSubtotal())))
        .put("categoryIds", new JsonArray(List.copyOf(new TreeSet<>(d.conditions().categoryIds()))))
        .put("skus", new JsonArray(List.copyOf(new TreeSet<>(d.conditions().skus()))))
        .put("firstOrder", d.conditions().firstOrder());
    JsonObject json = new JsonObject().put("id", promotion.id().toString()).put("name", d.name())
        .put("description", d.description()).put("kind", kind(d.kind()))
        .put("percent", d.percent() == null ? null : d.percent().stripTrailingZeros().toPlainString())
        .put("amountOff", d.amountOff().isEmpty() ? null : new JsonObject(new LinkedHashMap<>(d.amountOff())))
        .put("conditions", conditions)
        .put("validity", new JsonObject().put("from", text(d.validity().from())).put("until", text(d.validity().until()))
            .put("timeZone", d.validity().zone().getId()))
        .put("limits", new JsonObject().put("total", d.limits().total()).put("perCustomer", d.limits().perCustomer()))
        .put("codes", new JsonArray(List.copyOf(new TreeSet<>(d.codes())))).put("active", d.active())
        .put("used", promotion.used()).put("version", promotion.version())
        .put("createdAt", promotion.createdAt().toString()).put("updatedAt", promotion.updatedAt().toString());
    return withoutNulls(json);
  }

  /** {@code percent_off}, {@code fixed_amount}, {@code free_shipping}. */
  public static String kind(DiscountKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** The kind named, or null (the rules report a missing or unknown kind). */
  private static DiscountKind kind(JsonReader in) {
    String text = in.string("kind");
    for (DiscountKind kind : DiscountKind.values()) {
      if (kind(kind).equals(text)) {
        return kind;
      }
    }
    return null;
  }

  private static Validity validity(JsonReader in) {
    LocalDateTime from = localTime(in, "from");
    LocalDateTime until = localTime(in, "until");
    String zone = in.string("timeZone");
    if (zone == null) {
      if (from != null || until != null) {
        in.violation("timeZone", "is required with from or until (an IANA zone such as Asia/Bangkok)");
      }
      return new Validity(from, until, Validity.ALWAYS.zone());
    }
    if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      in.violation("timeZone", "must be an IANA time zone such as Asia/Bangkok");
      return new Validity(from, until, Validity.ALWAYS.zone());
    }
    return new Validity(from, until, ZoneId.of(zone));
  }

  private static LocalDateTime localTime(JsonReader in, String name) {
    String text = in.string(name);
    if (text == null) {
      return null;
    }
    try {
      if (LOCAL_TIME.matcher(text).matches()) {
        return LocalDateTime.parse(text);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    in.violation(name, "must be a local date-time without offset, such as 2026-12-31T23:59:59");
    return null;
  }

  private static JsonObject withoutNulls(JsonObject json) {
    json.getMap().values().removeIf(Objects::isNull);
    json.forEach(entry -> {
      if (entry.getValue() instanceof JsonObject nested) {
        withoutNulls(nested);
      }
    });
    return json;
  }

  private static String text(LocalDateTime time) {
    return time == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
  }

  private static Integer toInt(Long value) {
    return value == null ? null : value.intValue();
  }
}
