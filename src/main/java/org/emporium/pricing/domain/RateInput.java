package org.emporium.pricing.domain;

import org.emporium.platform.money.FxRate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One exchange rate as an administrator or an import sends it: 1 {@code base} = {@code rate}
 * {@code quote}. The rate is a plain decimal string (at most 12 digits before and 12 after the point)
 * so no digit is lost on the way; {@code asOf} defaults to now and may not lie in the future.
 */
public record RateInput(String base, String quote, String rate, String source, String asOf) {

  public static final int MAX_SOURCE = 64;
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,12})?");
  private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  /** What is wrong with this input, each named under {@code pointer}; empty when it is a valid rate. */
  public List<Violation> violations(String pointer, Instant now) {
    List<Violation> found = new ArrayList<>();
    if (!Currencies.isUsable(base)) {
      found.add(new Violation(pointer + "/base", "must be an ISO 4217 currency code with a minor unit"));
    }
    if (!Currencies.isUsable(quote)) {
      found.add(new Violation(pointer + "/quote", "must be an ISO 4217 currency code with a minor unit"));
    } else if (quote.equals(base)) {
      found.add(new Violation(pointer + "/quote", "must differ from base"));
    }
    if (rate == null || !DECIMAL.matcher(rate).matches() || new BigDecimal(rate).signum() <= 0) {
      found.add(new Violation(pointer + "/rate",
          "must be a positive decimal string with at most 12 digits before and after the point"));
    }
    if (source != null && (source.isBlank() || source.length() > MAX_SOURCE)) {
      found.add(new Violation(pointer + "/source", "must be 1 to " + MAX_SOURCE + " characters"));
    }
    if (asOf != null) {
      Instant time = instant(asOf);
      if (time == null) {
        found.add(new Violation(pointer + "/asOf", "must be an RFC 3339 time such as 2026-11-21T16:00:00Z"));
      } else if (time.isAfter(now.plus(FUTURE_TOLERANCE))) {
        found.add(new Violation(pointer + "/asOf", "must not lie in the future"));
      }
    }
    return found;
  }

  /** The rate; call only when {@link #violations} is empty. */
  public FxRate toRate(String defaultSource, Instant now) {
    return new FxRate(Currency.getInstance(base), Currency.getInstance(quote), new BigDecimal(rate),
        source == null ? defaultSource : source, asOf == null ? now : instant(asOf));
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
