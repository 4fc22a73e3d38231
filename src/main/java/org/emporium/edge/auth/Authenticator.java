package org.emporium.edge.auth;

import io.vertx.core.Future;
import org.emporium.platform.auth.Principal;

/**
 * Turns the {@code Authorization} value of a request (REST header or gRPC metadata) into the
 * caller's {@link Principal}. Every transport of the edge authenticates through this one path.
 */
public interface Authenticator {

  /**
   * Validates {@code Bearer <access token>}; fails with a 401 {@code ProblemException} when the
   * value is missing, malformed, or the token is not valid for a trusted issuer, and with a 503
   * one when the token's issuer cannot be reached for its keys.
   */
  Future<Principal> authenticate(String authorization);
}
