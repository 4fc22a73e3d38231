package org.emporium.edge.region;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Base64;

/**
 * Reads the {@code home_region} claim of a bearer token without verifying it. The claim only
 * chooses which region's edge answers; that edge verifies the token as usual, so a forged claim
 * gains nothing that {@code X-Region} would not (docs/regions.md).
 */
final class HomeRegionClaim {

  static final String CLAIM = "home_region";
  private static final int MAX_TOKEN_LENGTH = 8192;

  private HomeRegionClaim() {
  }

  /** The claim, or null when there is no readable bearer token or no such string claim. */
  static String of(String authorization) {
    if (authorization == null || authorization.length() > MAX_TOKEN_LENGTH
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String[] parts = authorization.substring(7).trim().split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      JsonObject claims = new JsonObject(Buffer.buffer(Base64.getUrlDecoder().decode(parts[1])));
      return claims.getValue(CLAIM) instanceof String region ? region : null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
