package org.emporium.edge.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edge's one authentication path for every trusted issuer (the built-in one and an external
 * OIDC provider): cheap checks on the decoded token first (algorithm, issuer by exact {@code iss},
 * audience, {@code exp}, {@code nbf}, subject), then the signature against the issuer's JWKS. A
 * token verified once is remembered until it expires ({@link VerifiedTokens}). One instance per
 * edge verticle, used from its event loop.
 */
public final class OidcAuthenticator implements Authenticator {

  private static final String SCHEME = "Bearer ";
  /** About 1-2 KiB each: a few MiB per edge verticle at most. */
  private static final int REMEMBERED_TOKENS = 4096;

  private final AuthSettings settings;
  private final Clock clock;
  private final AuthMetrics metrics;
  private final Map<String, IssuerVerifier> verifiers = new LinkedHashMap<>();
  private final VerifiedTokens verified = new VerifiedTokens(REMEMBERED_TOKENS);

  public OidcAuthenticator(Vertx vertx, AuthSettings settings, Clock clock, AuthMetrics metrics) {
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    settings.issuers().forEach(issuer -> verifiers.put(issuer.url(),
        new IssuerVerifier(vertx, issuer, settings, clock, verified::clear)));
  }

  @Override
  public Future<Principal> authenticate(String authorization) {
    try {
      String compact = bearerToken(authorization);
      Principal known = verified.get(compact, clock.millis() / 1000, settings.clockSkewSeconds());
      if (known != null) {
        return Future.succeededFuture(known);
      }
      UnverifiedToken token = UnverifiedToken.parse(compact);
      TrustedIssuer issuer = check(token);
      return verifiers.get(issuer.url()).verify(compact)
          .map(claims -> {
            Principal principal = issuer.principal(claims, settings.permissions());
            verified.put(compact, principal, claims.getLong("exp"));
            return principal;
          })
          .recover(this::refuse);
    } catch (AuthFailure.Rejected rejected) {
      return refuse(rejected);
    }
  }

  /** Stops the issuers' key refresh timers. */
  public void close() {
    verifiers.values().forEach(IssuerVerifier::close);
  }

  /** A rejection becomes its problem; anything else is a defect and stays what it is (a 500). */
  private <T> Future<T> refuse(Throwable failure) {
    if (!(failure instanceof AuthFailure.Rejected rejected)) {
      return Future.failedFuture(failure);
    }
    metrics.failed(rejected.reason());
    return Future.failedFuture(rejected.reason().toException());
  }

  private static String bearerToken(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw AuthFailure.MISSING_TOKEN.rejected();
    }
    if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw AuthFailure.MALFORMED_HEADER.rejected();
    }
    String token = authorization.substring(SCHEME.length()).trim();
    if (token.isEmpty() || token.indexOf(' ') >= 0) {
      throw AuthFailure.MALFORMED_HEADER.rejected();
    }
    return token;
  }

  /** The checks that need no key; the claims they pass are the signed ones once the signature verifies. */
  private TrustedIssuer check(UnverifiedToken token) {
    String algorithm = token.algorithm();
    if (algorithm == null || !settings.algorithms().contains(algorithm)) {
      throw AuthFailure.ALGORITHM.rejected();
    }
    // critical header extensions would change how the token must be read; none are supported
    if (!token.signed() || token.header().containsKey("crit")) {
      throw AuthFailure.MALFORMED_TOKEN.rejected();
    }
    String iss = token.issuer();
    TrustedIssuer issuer = iss == null ? null : settings.issuers().stream()
        .filter(candidate -> candidate.url().equals(iss)).findFirst().orElse(null);
    if (issuer == null) {
      throw AuthFailure.ISSUER.rejected();
    }
    JsonObject claims = token.claims();
    if (!audiences(claims.getValue("aud")).contains(issuer.audience())) {
      throw AuthFailure.AUDIENCE.rejected();
    }
    long now = clock.millis() / 1000;
    int skew = settings.clockSkewSeconds();
    if (!(claims.getValue("exp") instanceof Number exp) || TrustedIssuer.text(claims, "sub") == null
        || (claims.containsKey("nbf") && !(claims.getValue("nbf") instanceof Number))) {
      throw AuthFailure.CLAIMS.rejected();
    }
    if (now - skew >= exp.longValue()) {
      throw AuthFailure.EXPIRED.rejected();
    }
    if (claims.getValue("nbf") instanceof Number nbf && nbf.longValue() > now + skew) {
      throw AuthFailure.NOT_YET_VALID.rejected();
    }
    return issuer;
  }

  private static JsonArray audiences(Object aud) {
    if (aud instanceof String single) {
      return new JsonArray().add(single);
    }
    return aud instanceof JsonArray list ? list : new JsonArray();
  }
}
