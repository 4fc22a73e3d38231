package org.emporium.customer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a profile starts from: an account's or a token's id, email and name. */
public record NewProfile(UUID customerId, String email, String name, List<String> roles) {

  public NewProfile {
    roles = roles == null ? ProfileRoles.DEFAULT : ProfileRoles.of(roles);
  }

  /** A profile from claims: without a name, the local part of the email stands in. */
  public static NewProfile fromClaims(UUID customerId, String email, String name, List<String> roles) {
    String shown = name == null || name.isBlank() ? localPart(email) : atMost200(name.strip());
    return new NewProfile(customerId, email == null ? null : email.strip(), shown, roles);
  }

  public List<Violation> violations() {
    List<Violation> violations = new ArrayList<>();
    if (customerId == null) {
      violations.add(new Violation("/customerId", "must be a UUID"));
    }
    if (FieldRules.text("/email", email, 254, violations) && (email.length() < 3 || !email.contains("@"))) {
      violations.add(new Violation("/email", "must be an email address"));
    }
    FieldRules.text("/name", name, 200, violations);
    return violations;
  }

  private static String localPart(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return atMost200(at > 0 ? email.substring(0, at) : email);
  }

  private static String atMost200(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
