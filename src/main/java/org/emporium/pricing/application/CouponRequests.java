package org.emporium.pricing.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.id.Uuids;
import org.emporium.pricing.domain.Currencies;
import org.emporium.pricing.domain.DiscountLine;
import org.emporium.pricing.domain.PromotionRejection;
import org.emporium.pricing.domain.Violation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The coupon requests other contexts send on the event bus, read field by field (400 with every offending field). */
public final class CouponRequests {

  public static final int MAX_CODES = 10;
  public static final int MAX_LINES = 500;

  private CouponRequests() {
  }

  /** A code to check on its own: {@code {code, currency, customerId?}}. */
  public record CodeCheck(String code, Currency currency, Optional<UUID> customerId) {
  }

  public static CodeCheck validate(JsonObject body) {
    List<Violation> violations = new ArrayList<>();
    JsonReader in = new JsonReader(body, "", Set.of("code", "currency", "customerId"), violations);
    String code = in.string("code");
    if (code == null || code.isBlank()) {
      in.violation("code", "is required");
    }
    CodeCheck check = new CodeCheck(code, currency(in), uuid(in, "customerId", false));
    return valid(check, violations);
  }

  /** {@code {orderId, customerId|null, currency, codes, lines: [{sku, categoryIds, quantity, amount}]}}. */
  public static RedeemCommand redeem(JsonObject body) {
    List<Violation> violations = new ArrayList<>();
    JsonReader in = new JsonReader(body, "", Set.of("orderId", "customerId", "currency", "codes", "lines"), violations);
    UUID orderId = uuid(in, "orderId", true).orElse(null);
    Optional<UUID> customer = uuid(in, "customerId", false);
    Currency currency = currency(in);
    List<String> codes = in.strings("codes", MAX_CODES);
    List<DiscountLine> lines = new ArrayList<>();
    Object items = body == null ? null : body.getValue("lines");
    if (items != null && !(items instanceof JsonArray array && array.size() <= MAX_LINES)) {
      in.violation("lines", "must be an array of at most " + MAX_LINES + " lines");
    } else if (items != null) {
      JsonArray array = (JsonArray) items;
      for (int i = 0; i < array.size(); i++) {
        line(array.getValue(i), "/lines/" + i, violations).ifPresent(lines::add);
      }
    }
    return valid(new RedeemCommand(orderId, customer, currency, codes, lines), violations);
  }

  /** {@code {orderId}}. */
  public static UUID release(JsonObject body) {
    List<Violation> violations = new ArrayList<>();
    UUID orderId = uuid(new JsonReader(body, "", Set.of("orderId"), violations), "orderId", true).orElse(null);
    return valid(orderId, violations);
  }

  private static Optional<DiscountLine> line(Object value, String pointer, List<Violation> violations) {
    if (!(value instanceof JsonObject item)) {
      violations.add(new Violation(pointer, "must be an object"));
      return Optional.empty();
    }
    int before = violations.size();
    JsonReader in = new JsonReader(item, pointer, Set.of("sku", "categoryIds", "quantity", "amount"), violations);
    String sku = in.string("sku");
    if (sku == null || sku.isBlank() || sku.length() > 64) {
      in.violation("sku", "must be a SKU of 1 to 64 characters");
    }
    List<String> categories = in.strings("categoryIds", 20);
    Long quantity = in.whole("quantity", 1, Integer.MAX_VALUE);
    Long amount = in.whole("amount", 0, PromotionJson.MAX_AMOUNT);
    if (quantity == null && item.getValue("quantity") == null) {
      in.violation("quantity", "is required");
    }
    if (amount == null && item.getValue("amount") == null) {
      in.violation("amount", "is required");
    }
    return violations.size() > before ? Optional.empty()
        : Optional.of(new DiscountLine(sku, categories, quantity.intValue(), amount));
  }

  private static Currency currency(JsonReader in) {
    String code = in.string("currency");
    if (!Currencies.isUsable(code)) {
      in.violation("currency", "must be an ISO 4217 currency code with a minor unit");
      return null;
    }
    return Currency.getInstance(code);
  }

  private static Optional<UUID> uuid(JsonReader in, String name, boolean required) {
    String text = in.string(name);
    if (text == null) {
      if (required) {
        in.violation(name, "is required");
      }
      return Optional.empty();
    }
    UUID id = Uuids.parse(text);
    if (id == null) {
      in.violation(name, "must be a UUID");
    }
    return Optional.ofNullable(id);
  }

  private static <T> T valid(T value, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new PromotionRejected(new PromotionRejection.Invalid(violations));
    }
    return value;
  }
}
