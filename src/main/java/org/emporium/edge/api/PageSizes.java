package org.emporium.edge.api;

import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Parameter;

/**
 * A list operation's {@code limit} above the contract's {@code maximum} is served as the maximum
 * (clamped before validation), so a client asking for a huge page gets the largest page there is,
 * not an error; below {@code minimum} it is still a 400.
 */
final class PageSizes {

  static final String LIMIT = "limit";

  private PageSizes() {
  }

  static Object clamp(Parameter parameter, Object value) {
    if (parameter.getIn() != Location.QUERY || !LIMIT.equals(parameter.getName())
        || !(value instanceof Number requested)) {
      return value;
    }
    Object maximum = parameter.getSchema().get("maximum");
    if (maximum instanceof Number max && requested.doubleValue() > max.doubleValue()) {
      return max.longValue();
    }
    return value;
  }
}
