package org.emporium.customer.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A change of a profile's name and preferences; a null member keeps its value.
 *
 * @param name the new name, or null
 * @param preferences the preferences to change (null members keep theirs)
 */
public record ProfileChange(String name, Preferences preferences) {

  public ProfileChange {
    preferences = preferences == null ? Preferences.NONE : preferences;
  }

  /** What is wrong with the change; empty when it may be applied. */
  public List<Violation> violations() {
    List<Violation> violations = new ArrayList<>();
    if (name == null && preferences.isEmpty()) {
      violations.add(new Violation("/", "name or preferences is required"));
    }
    if (name != null) {
      FieldRules.text("/name", name, 200, violations);
    }
    if (preferences.currency() != null) {
      FieldRules.currency("/preferences/currency", preferences.currency(), violations);
    }
    if (preferences.locale() != null) {
      FieldRules.locale("/preferences/locale", preferences.locale(), violations);
    }
    if (preferences.timeZone() != null) {
      FieldRules.timeZone("/preferences/timeZone", preferences.timeZone(), violations);
    }
    if (preferences.homeRegion() != null) {
      FieldRules.region("/preferences/homeRegion", preferences.homeRegion(), violations);
    }
    return violations;
  }

  /** The profile after this (valid) change, and the names of the members whose value changed. */
  public Applied applyTo(Profile profile) {
    List<String> changed = new ArrayList<>();
    String newName = pick("name", profile.name(), name == null ? null : name.strip(), changed);
    Preferences old = profile.preferences();
    Preferences next = new Preferences(
        pick("currency", old.currency(), preferences.currency(), changed),
        pick("locale", old.locale(),
            preferences.locale() == null ? null : FieldRules.canonicalLocale(preferences.locale()), changed),
        pick("timeZone", old.timeZone(), preferences.timeZone(), changed),
        pick("homeRegion", old.homeRegion(), preferences.homeRegion(), changed));
    return new Applied(profile.withNameAndPreferences(newName, next), List.copyOf(changed));
  }

  private static String pick(String member, String current, String wanted, List<String> changed) {
    if (wanted == null || wanted.equals(current)) {
      return current;
    }
    changed.add(member);
    return wanted;
  }

  /** A profile after a change; {@code changed} is empty when every value was already so. */
  public record Applied(Profile profile, List<String> changed) {
  }
}
