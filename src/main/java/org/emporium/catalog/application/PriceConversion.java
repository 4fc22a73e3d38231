package org.emporium.catalog.application;

import java.util.OptionalLong;

/**
 * Converts a base-currency amount for a currency without its own price (the FX rates of the
 * pricing context); empty when there is no usable rate.
 */
public interface PriceConversion {

  PriceConversion NONE = (amount, from, to) -> OptionalLong.empty();

  OptionalLong convert(long amount, String from, String to);
}
