package org.emporium.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationRulesTest {

  final PasswordPolicy policy = new PasswordPolicy(8);

  @Test
  void normalisesTheEmailAndTheName() {
    Registration registration = Registration.validate(" Ada@Example.COM ", "12345678", "  Ada  ", policy);
    assertThat(registration.email()).isEqualTo("ada@example.com");
    assertThat(registration.name()).isEqualTo("Ada");
    assertThat(registration.toString()).doesNotContain("12345678");
  }

  @Test
  void acceptsOnlyPlausibleAddresses() {
    assertThat(Emails.isValid("a@b.example")).isTrue();
    assertThat(Emails.isValid("admin@emporium.local")).isTrue();
    assertThat(Emails.isValid("first.last+tag@mail.example.co.uk")).isTrue();
    assertThat(Emails.isValid("no-at-sign.example")).isFalse();
    assertThat(Emails.isValid("two@@example.com")).isFalse();
    assertThat(Emails.isValid("a@nodot")).isFalse();
    assertThat(Emails.isValid("a b@example.com")).isFalse();
    assertThat(Emails.isValid("a@-bad-.example")).isFalse();
    assertThat(Emails.isValid("a".repeat(65) + "@example.com")).isFalse();
  }

  @Test
  void countsCharactersNotBytesAndCapsTheLength() {
    assertThat(policy.problem("🔑🔑🔑🔑🔑🔑🔑🔑")).isEmpty();
    assertThat(policy.problem("🔑🔑🔑🔑🔑🔑🔑")).contains("must be at least 8 characters");
    assertThat(policy.problem("x".repeat(129))).contains("must be at most 128 characters");
  }

  @Test
  void namesEveryOffendingField() {
    assertThatThrownBy(() -> Registration.validate(null, null, "a\u0000b", policy))
        .isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(((Rejection.Invalid) rejected.rejection())
            .fields()).extracting(Rejection.FieldProblem::pointer).containsExactly("/email", "/password", "/name"));
  }
}
