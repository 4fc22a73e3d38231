package org.emporium.platform.money;

/**
 * Rounds an amount to a cash increment (for example CHF 0.05 or SEK 1 at the till). This is only
 * the extension point: no rule is implemented yet, see {@link Money#rounded(CashRounding)}.
 */
@FunctionalInterface
public interface CashRounding {

  /** The rounded amount, in the same currency as {@code amount}. */
  Money round(Money amount);
}
