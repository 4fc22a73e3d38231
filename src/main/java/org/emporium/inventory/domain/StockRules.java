package org.emporium.inventory.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The limits a request must keep, from {@code inventory.*}; each check lists every violation. */
public record StockRules(int maxLineQuantity, int maxLines, long maxTtlSeconds) {

  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  public static final int MAX_REFERENCE = 128;

  public static boolean validSku(String sku) {
    return sku != null && SKU.matcher(sku).matches();
  }

  public List<Violation> check(ReservationRequest request) {
    List<Violation> violations = new ArrayList<>();
    if (request.reference() == null || request.reference().isBlank()
        || request.reference().length() > MAX_REFERENCE) {
      violations.add(new Violation("/reference", "must be 1 to " + MAX_REFERENCE + " characters"));
    }
    if (request.ttlSeconds() < 1 || request.ttlSeconds() > maxTtlSeconds) {
      violations.add(new Violation("/ttlSeconds", "must be from 1 to " + maxTtlSeconds));
    }
    List<ReservationLine> lines = request.lines();
    if (lines.isEmpty() || lines.size() > maxLines) {
      violations.add(new Violation("/lines", "must hold 1 to " + maxLines + " lines"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      ReservationLine line = lines.get(i);
      if (!validSku(line.sku())) {
        violations.add(new Violation("/lines/" + i + "/sku", "must be a SKU (letters, digits, '.', '_', '-', up to 64)"));
      } else if (!seen.add(line.sku())) {
        violations.add(new Violation("/lines/" + i + "/sku", "repeats SKU " + line.sku() + ": one line per SKU"));
      }
      violations.addAll(quantity("/lines/" + i + "/quantity", line.quantity()));
    }
    return violations;
  }

  public List<Violation> quantity(String field, long quantity) {
    if (quantity < 1 || quantity > maxLineQuantity) {
      return List.of(new Violation(field, "must be from 1 to " + maxLineQuantity));
    }
    return List.of();
  }
}
