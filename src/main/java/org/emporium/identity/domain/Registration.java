package org.emporium.identity.domain;

import java.util.ArrayList;
import java.util.List;

/** A validated sign-up: normalised email, a password that meets the policy, a trimmed name. */
public record Registration(String email, String password, String name) {

  public static final int MAX_NAME_LENGTH = 200;

  /** The registration, or a {@link Rejection.Invalid} naming every offending field. */
  public static Registration validate(String email, String password, String name, PasswordPolicy policy) {
    List<Rejection.FieldProblem> problems = new ArrayList<>();
    String normalised = Emails.normalise(email);
    if (normalised == null || normalised.isEmpty()) {
      problems.add(new Rejection.FieldProblem("/email", "is required"));
    } else if (!Emails.isValid(normalised)) {
      problems.add(new Rejection.FieldProblem("/email", "is not a valid email address"));
    }
    policy.problem(password).ifPresent(p -> problems.add(new Rejection.FieldProblem("/password", p)));
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      problems.add(new Rejection.FieldProblem("/name", "is required"));
    } else if (trimmed.length() > MAX_NAME_LENGTH) {
      problems.add(new Rejection.FieldProblem("/name", "must be at most " + MAX_NAME_LENGTH + " characters"));
    } else if (trimmed.chars().anyMatch(Character::isISOControl)) {
      problems.add(new Rejection.FieldProblem("/name", "must not contain control characters"));
    }
    if (!problems.isEmpty()) {
      throw new Rejection.Invalid(problems).toException();
    }
    return new Registration(normalised, password, trimmed);
  }

  @Override
  public String toString() {
    return "Registration[email=" + email + ", name=" + name + "]";
  }
}
