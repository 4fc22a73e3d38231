package org.emporium.checkout.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Flash-sale purchase caps: at most {@code cap(sku)} units of a SKU per buyer over all their
 * checkouts (0: no cap). A buyer is a customer by id, a guest by lower-cased email.
 */
public record PurchaseCaps(Map<String, Integer> caps, int defaultCap) {

  public PurchaseCaps {
    caps = Map.copyOf(caps);
  }

  public static PurchaseCaps none() {
    return new PurchaseCaps(Map.of(), 0);
  }

  public int cap(String sku) {
    return caps.getOrDefault(sku, defaultCap);
  }

  /** The lines the caps apply to, each with the index of its line in the cart view. */
  public List<Claim> claims(List<Line> lines) {
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int cap = cap(lines.get(i).sku());
      if (cap > 0) {
        claims.add(new Claim(i, lines.get(i).sku(), lines.get(i).quantity(), cap));
      }
    }
    return claims;
  }

  public static String buyer(UUID customerId, String email) {
    return customerId != null ? "customer:" + customerId : "email:" + email.toLowerCase(Locale.ROOT);
  }

  public record Line(String sku, int quantity) {
  }

  /** {@code units} of {@code sku} wanted by line {@code line}, against {@code cap}. */
  public record Claim(int line, String sku, int units, int cap) {
  }
}
