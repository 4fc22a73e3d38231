package org.emporium.customer.domain;

import java.util.ArrayList;
import java.util.List;

/** The lines of a postal address, as the customer typed them; optional members may be null. */
public record AddressLines(String name, String line1, String line2, String city, String region,
    String postalCode, String country, String phone) {

  /** What is wrong with the address, with fields named as in the request body. */
  public List<Violation> violations() {
    List<Violation> violations = new ArrayList<>();
    FieldRules.text("/name", name, 200, violations);
    FieldRules.text("/line1", line1, 200, violations);
    FieldRules.optionalText("/line2", line2, 200, violations);
    FieldRules.text("/city", city, 200, violations);
    FieldRules.optionalText("/region", region, 200, violations);
    FieldRules.postalCode("/postalCode", postalCode, violations);
    FieldRules.country("/country", country, violations);
    FieldRules.phone("/phone", phone, violations);
    return violations;
  }
}
