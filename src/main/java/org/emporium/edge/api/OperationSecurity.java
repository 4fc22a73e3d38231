package org.emporium.edge.api;

import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.SecurityRequirement;

import java.util.List;

/**
 * What an operation of the contract asks of the caller: its {@code security} (inherited from the
 * contract when the operation has none) and its {@code x-emporium-permission}.
 *
 * @param tokenRequired {@code security} lists only bearer requirements
 * @param tokenAccepted {@code security} lists a bearer requirement (maybe next to {@code {}})
 * @param permission the permission a caller needs, or null
 */
record OperationSecurity(boolean tokenRequired, boolean tokenAccepted, String permission) {

  static OperationSecurity of(Operation operation) {
    List<SecurityRequirement> requirements = operation.getSecurityRequirements();
    boolean anonymous = requirements == null || requirements.isEmpty()
        || requirements.stream().anyMatch(SecurityRequirement::isEmpty);
    boolean bearer = requirements != null && requirements.stream().anyMatch(r -> !r.isEmpty());
    Object permission = operation.getExtensions().get("x-emporium-permission");
    return new OperationSecurity(bearer && !anonymous, bearer, permission == null ? null : String.valueOf(permission));
  }
}
