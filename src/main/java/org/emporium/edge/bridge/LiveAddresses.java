package org.emporium.edge.bridge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only event-bus addresses browsers may listen on: a customer's order updates and a SKU's
 * stock. The patterns are anchored so that no service address (or suffix of one) can match.
 */
final class LiveAddresses {

  static final String ORDERS = "^emporium\\.orders\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$";
  static final String STOCK = "^emporium\\.stock\\.[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

  private static final Pattern ORDERS_PATTERN = Pattern.compile(ORDERS);
  private static final Pattern STOCK_PATTERN = Pattern.compile(STOCK);

  private LiveAddresses() {
  }

  /** The customer id of an orders address, if {@code address} is one. */
  static Optional<String> ordersOwner(String address) {
    if (address == null) {
      return Optional.empty();
    }
    Matcher matcher = ORDERS_PATTERN.matcher(address);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  static boolean isStock(String address) {
    return address != null && STOCK_PATTERN.matcher(address).matches();
  }
}
