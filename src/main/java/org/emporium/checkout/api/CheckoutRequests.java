package org.emporium.checkout.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.checkout.application.Rejected;
import org.emporium.checkout.domain.CheckoutCommand;
import org.emporium.checkout.domain.Luhn;
import org.emporium.checkout.domain.Rejection;
import org.emporium.checkout.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.id.Uuids;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A forwarded {@code POST /api/v1/checkout} (REST or gRPC) read into a {@link CheckoutCommand}:
 * who the caller is and every field checked as the contract says (gRPC calls are not checked by
 * the contract), all violations named at once.
 */
final class CheckoutRequests {

  static final String PERMISSION = "checkout:place";
  private static final Pattern KEY = Pattern.compile("[!-~]{8,128}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern POSTAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,19}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{2,31}");
  private static final Pattern CARD = Pattern.compile("[0-9]{12,19}");
  private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])/[0-9]{2}");
  private static final Pattern COUPON = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Set<String> FIELDS = Set.of("cartId", "email", "currency", "shippingAddress", "payment",
      "couponCodes");
  private static final Set<String> ADDRESS = Set.of("name", "line1", "line2", "city", "region", "postalCode",
      "country", "phone");
  private static final Set<String> PAYMENT = Set.of("method", "cardNumber", "expiry", "holder");

  private final List<Violation> violations = new ArrayList<>();

  private CheckoutRequests() {
  }

  static CheckoutCommand read(ForwardedRequest request) {
    return new CheckoutRequests().command(request);
  }

  private CheckoutCommand command(ForwardedRequest request) {
    String token = request.header("x-cart-token");
    Optional<Principal> principal = request.principal();
    UUID customer = principal.filter(p -> p.has(PERMISSION)).map(Principal::customerId).orElse(null);
    if (customer == null && token == null) {
      throw new Rejected(principal.isPresent() ? new Rejection.Forbidden() : new Rejection.NotYourCart());
    }
    String key = request.header("idempotency-key");
    if (key == null || !KEY.matcher(key).matches()) {
      violations.add(new Violation("Idempotency-Key", "is required: 8 to 128 visible ASCII characters"));
    }
    JsonObject body = request.body();
    unknown(body, FIELDS, "");
    UUID cartId = Uuids.parse(body.getValue("cartId"));
    if (cartId == null) {
      violations.add(new Violation("/cartId", "must be a UUID"));
    }
    String email = text(body, "email", "/email", EMAIL, 254, false);
    if (email == null && customer == null) {
      violations.add(new Violation("/email", "is required for a guest checkout"));
    }
    if (email == null && customer != null) {
      email = principal.get().email();
      if (email == null) {
        violations.add(new Violation("/email", "is required: the account has no email"));
      }
    }
    String currency = text(body, "currency", "/currency", CURRENCY, 3, false);
    Map<String, String> address = address(body.getValue("shippingAddress"));
    CheckoutCommand.Card card = card(body.getValue("payment"));
    List<String> coupons = coupons(body.getValue("couponCodes"));
    if (!violations.isEmpty()) {
      throw new Rejected(new Rejection.Invalid(List.copyOf(violations)));
    }
    return new CheckoutCommand(key, cartId, customer, token, email, currency, address, card, coupons);
  }

  private Map<String, String> address(Object value) {
    if (!(value instanceof JsonObject json)) {
      violations.add(new Violation("/shippingAddress", "is required: an address object"));
      return Map.of();
    }
    unknown(json, ADDRESS, "/shippingAddress");
    Map<String, String> address = new LinkedHashMap<>();
    put(address, "name", text(json, "name", "/shippingAddress/name", null, 200, true));
    put(address, "line1", text(json, "line1", "/shippingAddress/line1", null, 200, true));
    put(address, "line2", text(json, "line2", "/shippingAddress/line2", null, 200, false));
    put(address, "city", text(json, "city", "/shippingAddress/city", null, 200, true));
    put(address, "region", text(json, "region", "/shippingAddress/region", null, 200, false));
    put(address, "postalCode", text(json, "postalCode", "/shippingAddress/postalCode", POSTAL, 20, true));
    put(address, "country", text(json, "country", "/shippingAddress/country", COUNTRY, 2, true));
    put(address, "phone", text(json, "phone", "/shippingAddress/phone", PHONE, 32, false));
    return address;
  }

  private CheckoutCommand.Card card(Object value) {
    if (!(value instanceof JsonObject json)) {
      violations.add(new Violation("/payment", "is required: {method: \"card\", cardNumber}"));
      return null;
    }
    unknown(json, PAYMENT, "/payment");
    if (!"card".equals(json.getValue("method"))) {
      violations.add(new Violation("/payment/method", "must be \"card\""));
    }
    String number = text(json, "cardNumber", "/payment/cardNumber", CARD, 19, true);
    if (number != null && !Luhn.valid(number)) {
      violations.add(new Violation("/payment/cardNumber", "is not a valid card number"));
    }
    String expiry = text(json, "expiry", "/payment/expiry", EXPIRY, 5, false);
    String holder = text(json, "holder", "/payment/holder", null, 200, false);
    return number == null ? null : new CheckoutCommand.Card(number, expiry, holder);
  }

  private List<String> coupons(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array) || array.size() > 5) {
      violations.add(new Violation("/couponCodes", "must be an array of at most 5 codes"));
      return null;
    }
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object code = array.getValue(i);
      if (!(code instanceof String s) || !COUPON.matcher(s).matches()) {
        violations.add(new Violation("/couponCodes/" + i, "must be a code of 1 to 32 letters, digits, _ or -"));
      } else if (codes.stream().anyMatch(s::equalsIgnoreCase)) {
        violations.add(new Violation("/couponCodes/" + i, "is entered twice"));
      } else {
        codes.add(s);
      }
    }
    return codes;
  }

  private String text(JsonObject json, String name, String field, Pattern pattern, int max, boolean required) {
    Object value = json.getValue(name);
    if (value == null) {
      if (required) {
        violations.add(new Violation(field, "is required"));
      }
      return null;
    }
    if (!(value instanceof String s) || s.isBlank() || s.length() > max
        || (pattern != null && !pattern.matcher(s).matches())) {
      violations.add(new Violation(field, "is not valid" + (pattern == null ? ": 1 to " + max + " characters" : "")));
      return null;
    }
    return s;
  }

  private void unknown(JsonObject json, Set<String> known, String at) {
    json.fieldNames().stream().filter(name -> !known.contains(name)).sorted()
        .forEach(name -> violations.add(new Violation(at + "/" + name, "is not a known member")));
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
