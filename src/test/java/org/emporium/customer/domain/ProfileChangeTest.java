package org.emporium.customer.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileChangeTest {

  private final Profile profile = new Profile(UUID.randomUUID(), "a@example.com", "Ada",
      new Preferences("EUR", "fr-FR", "Europe/Paris", null), List.of("customer"), null, null,
      Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void onlyMembersWhoseValueChangesAreReported() {
    ProfileChange change = new ProfileChange(" Ada ", new Preferences("EUR", "EN-gb", null, "eu-west-1"));
    assertThat(change.violations()).isEmpty();
    ProfileChange.Applied applied = change.applyTo(profile);
    assertThat(applied.changed()).containsExactly("locale", "homeRegion");
    assertThat(applied.profile().name()).isEqualTo("Ada");
    assertThat(applied.profile().preferences())
        .isEqualTo(new Preferences("EUR", "en-GB", "Europe/Paris", "eu-west-1"));
    assertThat(applied.profile().email()).isEqualTo(profile.email());
  }

  @Test
  void anEmptyChangeOrBadValuesAreViolations() {
    assertThat(new ProfileChange(null, null).violations()).extracting(Violation::field).containsExactly("/");
    assertThat(new ProfileChange("", new Preferences("XYZ", "en_GB", "UTC+1", "Bad Region")).violations())
        .extracting(Violation::field).containsExactly("/name", "/preferences/currency", "/preferences/locale",
            "/preferences/timeZone", "/preferences/homeRegion");
    assertThat(new ProfileChange("x".repeat(201), null).violations()).extracting(Violation::field)
        .containsExactly("/name");
  }

  @Test
  void aNewProfileWithoutNameTakesTheEmailLocalPartAndKnownRolesOnly() {
    NewProfile made = NewProfile.fromClaims(UUID.randomUUID(), "grace@example.com", " ", List.of("admin", "pirate"));
    assertThat(made.name()).isEqualTo("grace");
    assertThat(made.roles()).containsExactly("admin");
    assertThat(made.violations()).isEmpty();
    assertThat(NewProfile.fromClaims(UUID.randomUUID(), "not-an-email", null, null).violations())
        .extracting(Violation::field).containsExactly("/email");
    assertThat(NewProfile.fromClaims(UUID.randomUUID(), null, "Name", List.of()).roles()).containsExactly("customer");
  }
}
