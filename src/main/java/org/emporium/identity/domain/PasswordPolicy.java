package org.emporium.identity.domain;

import java.util.Optional;

/**
 * What a new password must be: at least {@code minLength} characters (code points), at most
 * {@link #MAX_LENGTH}, which also bounds the work one hash costs.
 */
public record PasswordPolicy(int minLength) {

  public static final int MAX_LENGTH = 128;

  public PasswordPolicy {
    if (minLength < 1 || minLength > MAX_LENGTH) {
      throw new IllegalArgumentException("minimum password length must be 1-" + MAX_LENGTH + ", not " + minLength);
    }
  }

  /** What is wrong with {@code password}, if anything. */
  public Optional<String> problem(String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < minLength) {
      return Optional.of("must be at least " + minLength + " characters");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    return Optional.empty();
  }
}
