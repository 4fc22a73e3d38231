package org.emporium.identity.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as accounts key them: trimmed, lower-case, plausibly deliverable. */
public final class Emails {

  public static final int MAX_LENGTH = 254;
  // a local part without spaces or @, a domain of letter/digit/hyphen labels with at least one dot
  private static final Pattern SHAPE = Pattern.compile(
      "[^@\\s\\p{Cntrl}]{1,64}@(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");

  private Emails() {
  }

  /** The form stored and compared; null stays null. */
  public static String normalise(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  /** Whether a normalised address has an acceptable shape. */
  public static boolean isValid(String normalised) {
    return normalised != null && normalised.length() <= MAX_LENGTH && SHAPE.matcher(normalised).matches();
  }
}
