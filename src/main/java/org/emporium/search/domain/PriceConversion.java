package org.emporium.search.domain;

import java.util.Currency;
import java.util.OptionalDouble;

/**
 * Exchange rates as search needs them: how many minor units of {@code target} one minor unit of
 * {@code from} is worth now, or empty when there is no usable rate (products without an explicit
 * price in the requested currency then have no price in it).
 */
public interface PriceConversion {

  PriceConversion NONE = (from, target) -> OptionalDouble.empty();

  OptionalDouble rate(Currency from, Currency target);
}
