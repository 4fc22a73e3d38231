package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.Account;
import org.emporium.identity.domain.RefreshToken;
import org.emporium.identity.domain.RoleRules;
import org.emporium.platform.id.TimeOrderedIds;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues token pairs: an RS256 access token whose claims are read from the account at this moment
 * (so a refresh carries new roles), and an opaque refresh token.
 */
public final class Tokens {

  /** The claim naming the region that owns the caller's data (see docs/regions.md). */
  public static final String HOME_REGION_CLAIM = "home_region";

  private final IdentitySettings settings;
  private final SigningKeys keys;
  private final Sessions sessions;
  private final Clock clock;
  private final TimeOrderedIds ids;
  private final SecureRandom random;

  public Tokens(IdentitySettings settings, SigningKeys keys, Sessions sessions, Clock clock, TimeOrderedIds ids,
      SecureRandom random) {
    this.settings = settings;
    this.keys = keys;
    this.sessions = sessions;
    this.clock = clock;
    this.ids = ids;
    this.random = random;
  }

  /** A new session (token family) for the account, with its first pair. */
  public Future<JsonObject> startSession(Account account) {
    UUID sessionId = ids.next();
    RefreshToken refresh = newRefreshToken();
    Instant now = clock.instant();
    return sessions.start(sessionId, account.id(), refresh, now, now.plus(settings.refreshTokenTtl()))
        .map(started -> pair(account, sessionId, refresh));
  }

  public RefreshToken newRefreshToken() {
    return RefreshToken.generate(random);
  }

  /** The {@code TokenPair} of the contract. */
  public JsonObject pair(Account account, UUID sessionId, RefreshToken refresh) {
    return new JsonObject()
        .put("access_token", accessToken(account, sessionId))
        .put("refresh_token", refresh.value())
        .put("token_type", "Bearer")
        .put("expires_in", settings.accessTokenTtl().toSeconds());
  }

  String accessToken(Account account, UUID sessionId) {
    long now = clock.instant().getEpochSecond();
    JsonObject claims = new JsonObject()
        .put("iss", settings.issuer())
        .put("sub", account.id().toString())
        .put("aud", settings.audience())
        .put("iat", now)
        .put("nbf", now)
        .put("exp", now + settings.accessTokenTtl().toSeconds())
        .put("jti", ids.next().toString())
        .put("sid", sessionId.toString())
        .put("email", account.email())
        .put("name", account.name())
        .put("realm_access", new JsonObject().put("roles", new JsonArray(account.roles())))
        // the region that stores the account and its customer data: the edge routes by it
        .put(HOME_REGION_CLAIM, settings.homeRegion());
    if (account.roles().contains(RoleRules.SELLER) && account.shopId() != null) {
      claims.put("shop_id", account.shopId().toString());
    }
    return Jws.sign(keys.signingKey(), claims);
  }
}
