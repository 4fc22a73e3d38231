package org.emporium.customer.domain;

/**
 * A customer's preferences; each may be null (not chosen). In a change, null means "keep".
 *
 * @param currency ISO 4217 code
 * @param locale BCP 47 language tag
 * @param timeZone IANA time zone id
 * @param homeRegion the Emporium region the customer belongs to
 */
public record Preferences(String currency, String locale, String timeZone, String homeRegion) {

  public static final Preferences NONE = new Preferences(null, null, null, null);

  public boolean isEmpty() {
    return currency == null && locale == null && timeZone == null && homeRegion == null;
  }
}
