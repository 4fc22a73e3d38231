package org.emporium.customer.domain;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of single fields, the same as the contract's schemas plus what a pattern cannot say
 * (a currency Java knows, a locale that survives a round trip, an IANA zone). Each check adds a
 * {@link Violation} to {@code into} and returns whether the value passed.
 */
public final class FieldRules {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
  private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,19}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]*");
  private static final List<String> COUNTRIES = List.of(Locale.getISOCountries());

  private FieldRules() {
  }

  /** A required text of 1 to {@code max} characters, not only blanks. */
  public static boolean text(String field, String value, int max, List<Violation> into) {
    if (value == null || value.isBlank()) {
      return fail(into, field, "is required and must not be blank");
    }
    return value.length() <= max || fail(into, field, "must be at most " + max + " characters");
  }

  /** An optional text of at most {@code max} characters. */
  public static boolean optionalText(String field, String value, int max, List<Violation> into) {
    return value == null || value.length() <= max || fail(into, field, "must be at most " + max + " characters");
  }

  public static boolean currency(String field, String code, List<Violation> into) {
    if (code == null || !CURRENCY.matcher(code).matches()) {
      return fail(into, field, "must be an ISO 4217 code such as EUR");
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return fail(into, field, "is not a known ISO 4217 currency");
    }
  }

  /** A BCP 47 tag that Java reads back unchanged (case aside); {@code en_US} or {@code und} are not. */
  public static boolean locale(String field, String tag, List<Violation> into) {
    if (tag == null || tag.length() > 35 || !LOCALE.matcher(tag).matches()) {
      return fail(into, field, "must be a BCP 47 language tag such as en-US");
    }
    String canonical = Locale.forLanguageTag(tag).toLanguageTag();
    if (!canonical.equalsIgnoreCase(tag) || canonical.equals("und")) {
      return fail(into, field, "is not a valid BCP 47 language tag");
    }
    return true;
  }

  /** The canonical form of a valid tag ({@code EN-us} becomes {@code en-US}). */
  public static String canonicalLocale(String tag) {
    return Locale.forLanguageTag(tag).toLanguageTag();
  }

  /** An IANA zone id; offsets ({@code +03:00}, {@code UTC+3}) are refused, they do not follow daylight saving. */
  public static boolean timeZone(String field, String zone, List<Violation> into) {
    if (zone == null || zone.isEmpty() || zone.length() > 64 || !ZoneId.getAvailableZoneIds().contains(zone)) {
      return fail(into, field, "must be an IANA time zone such as Europe/Paris");
    }
    return true;
  }

  public static boolean region(String field, String region, List<Violation> into) {
    return region != null && REGION.matcher(region).matches()
        || fail(into, field, "must be a region name such as eu-west-1");
  }

  public static boolean postalCode(String field, String code, List<Violation> into) {
    return code != null && POSTAL_CODE.matcher(code).matches()
        || fail(into, field, "must be 1-20 letters, digits, spaces or dashes");
  }

  public static boolean country(String field, String code, List<Violation> into) {
    return code != null && COUNTRY.matcher(code).matches() && COUNTRIES.contains(code)
        || fail(into, field, "must be an ISO 3166-1 alpha-2 country code such as FR");
  }

  public static boolean phone(String field, String phone, List<Violation> into) {
    return phone == null || phone.length() >= 3 && phone.length() <= 32 && PHONE.matcher(phone).matches()
        || fail(into, field, "must be a phone number such as +14155550100");
  }

  private static boolean fail(List<Violation> into, String field, String message) {
    into.add(new Violation(field, message));
    return false;
  }
}
