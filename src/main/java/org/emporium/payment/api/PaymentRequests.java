package org.emporium.payment.api;

import io.vertx.core.json.JsonObject;
import org.emporium.payment.application.Authorising;
import org.emporium.payment.application.Rejected;
import org.emporium.payment.application.Refunding;
import org.emporium.payment.domain.Card;
import org.emporium.payment.domain.CardNumbers;
import org.emporium.payment.domain.Rejection;
import org.emporium.payment.domain.Violation;
import org.emporium.platform.id.Uuids;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns bus and REST requests into commands; a bad request throws a 400 rejection naming its fields. */
final class PaymentRequests {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int MAX_TEXT = 255;

  private final List<Violation> violations = new ArrayList<>();
  private final JsonObject body;

  private PaymentRequests(JsonObject body) {
    this.body = body;
  }

  static Authorising.Command authorise(JsonObject body) {
    PaymentRequests r = new PaymentRequests(body);
    UUID paymentId = r.uuid("paymentId", true);
    String reference = r.text(body, "/reference", "reference", true);
    UUID customerId = r.uuid("customerId", false);
    JsonObject amount = r.object(body, "/amount", "amount", true);
    long minor = amount == null ? 0 : r.minor(amount, "/amount/amount", true);
    String currency = amount == null ? null : r.currency(amount);
    JsonObject card = r.object(body, "/card", "card", true);
    String number = card == null ? null : digits(card.getValue("number"));
    Card kept = null;
    if (card != null) {
      kept = CardNumbers.card(number).orElse(null);
      if (kept == null) {
        r.violations.add(new Violation("/card/number", "is not a valid card number"));
      }
    }
    r.check();
    return new Authorising.Command(paymentId, reference, customerId, currency, minor, number, kept);
  }

  static Refunding.Command refund(JsonObject body) {
    PaymentRequests r = new PaymentRequests(body);
    UUID paymentId = r.uuid("paymentId", true);
    String refundId = r.text(body, "/refundId", "refundId", true);
    return r.refund(paymentId, refundId);
  }

  /** The REST refund: path id, {@code Idempotency-Key} as refund id, body {@code {amount?, reason?}}. */
  static Refunding.Command refund(UUID paymentId, String idempotencyKey, JsonObject body) {
    PaymentRequests r = new PaymentRequests(body);
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      r.violations.add(new Violation("Idempotency-Key", "is required: it names the refund"));
    }
    return r.refund(paymentId, idempotencyKey);
  }

  static UUID id(JsonObject body, String member) {
    PaymentRequests r = new PaymentRequests(body);
    UUID id = r.uuid(member, true);
    r.check();
    return id;
  }

  static UUID pathId(String value) {
    UUID id = Uuids.parse(value);
    if (id == null) {
      throw new Rejected(new Rejection.Invalid(List.of(new Violation("paymentId", "must be a UUID"))));
    }
    return id;
  }

  private Refunding.Command refund(UUID paymentId, String refundId) {
    Long amount = null;
    String currency = null;
    Object value = body.getValue("amount");
    if (value instanceof JsonObject money) {
      amount = minor(money, "/amount/amount", true);
      currency = currency(money);
    } else if (value != null) {
      violations.add(new Violation("/amount", "must be money: {amount, currency}"));
    }
    String reason = text(body, "/reason", "reason", false);
    check();
    return new Refunding.Command(paymentId, refundId, amount, currency, reason);
  }

  private UUID uuid(String member, boolean required) {
    Object value = body.getValue(member);
    UUID id = Uuids.parse(value);
    if (id == null && (value != null || required)) {
      violations.add(new Violation("/" + member, "must be a UUID"));
    }
    return id;
  }

  private String text(JsonObject json, String field, String member, boolean required) {
    Object value = json.getValue(member);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String s) || s.isBlank() || s.length() > MAX_TEXT) {
      violations.add(new Violation(field, "must be a text of 1 to " + MAX_TEXT + " characters"));
      return null;
    }
    return s;
  }

  private JsonObject object(JsonObject json, String field, String member, boolean required) {
    Object value = json.getValue(member);
    if (value instanceof JsonObject object) {
      return object;
    }
    if (value != null || required) {
      violations.add(new Violation(field, "must be an object"));
    }
    return null;
  }

  private long minor(JsonObject money, String field, boolean positive) {
    Object value = money.getValue("amount");
    if (value instanceof Number n && n.doubleValue() == n.longValue() && (!positive || n.longValue() > 0)) {
      return n.longValue();
    }
    violations.add(new Violation(field, "must be a positive whole number of minor units"));
    return 0;
  }

  private String currency(JsonObject money) {
    Object value = money.getValue("currency");
    if (value instanceof String s && CURRENCY.matcher(s).matches()) {
      return s;
    }
    violations.add(new Violation("/amount/currency", "must be an ISO 4217 code such as USD"));
    return null;
  }

  private static String digits(Object number) {
    return number instanceof String s ? s.replace(" ", "").replace("-", "") : null;
  }

  private void check() {
    if (!violations.isEmpty()) {
      throw new Rejected(new Rejection.Invalid(List.copyOf(violations)));
    }
  }
}
