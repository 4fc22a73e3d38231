package org.emporium.edge.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Verifies tokens against one issuer's published keys with vertx-auth-oauth2. The issuer is
 * discovered on first use (one discovery shared by the requests that wait for it, tried again
 * after a failure); a token with an unknown {@code kid} re-fetches the JWKS at most once per
 * {@code auth.jwksMinRefreshIntervalMs}. Use from one Vert.x context (one edge verticle).
 */
final class IssuerVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(IssuerVerifier.class);

  private final Vertx vertx;
  private final TrustedIssuer issuer;
  private final AuthSettings settings;
  private final Clock clock;
  private final Runnable keysRefreshed;
  private OAuth2Auth provider;
  private Future<OAuth2Auth> discovery;
  private Future<Void> keyRefresh;
  private long keysFetchedAtMs;

  IssuerVerifier(Vertx vertx, TrustedIssuer issuer, AuthSettings settings, Clock clock, Runnable keysRefreshed) {
    this.vertx = vertx;
    this.issuer = issuer;
    this.settings = settings;
    this.clock = clock;
    this.keysRefreshed = keysRefreshed;
  }

  /** The verified claims, or a failed {@link AuthFailure.Rejected}. */
  Future<JsonObject> verify(String token) {
    return provider()
        .compose(auth -> validate(auth, token)
            .recover(failure -> failure instanceof NoSuchKeyIdException
                ? refreshKeys(auth).compose(refreshed -> validate(auth, token))
                : Future.failedFuture(failure)))
        .recover(failure -> Future.failedFuture(rejection(failure)));
  }

  void close() {
    if (provider != null) {
      provider.close();
    }
  }

  private static Future<JsonObject> validate(OAuth2Auth auth, String token) {
    return auth.authenticate(new TokenCredentials(token))
        .map(user -> user.attributes().getJsonObject("accessToken"));
  }

  private Future<OAuth2Auth> provider() {
    if (provider != null) {
      return Future.succeededFuture(provider);
    }
    if (discovery == null) {
      Future<OAuth2Auth> started = discover().timeout(settings.discoveryTimeoutMs(), TimeUnit.MILLISECONDS);
      discovery = started;
      started.onComplete(done -> {
        discovery = null;
        if (done.succeeded()) {
          provider = done.result();
          keysFetchedAtMs = clock.millis();
        } else {
          LOG.warn("Discovery of token issuer {} failed: {}", issuer.url(), done.cause().getMessage());
        }
      });
    }
    return discovery.recover(failure -> Future.failedFuture(AuthFailure.ISSUER_UNAVAILABLE.rejected()));
  }

  private Future<OAuth2Auth> discover() {
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, settings.discoveryTimeoutMs());
    OAuth2Options options = new OAuth2Options()
        .setSite(issuer.url())
        .setClientId(issuer.clientId())
        .setHttpClientOptions(new HttpClientOptions().setConnectTimeout(timeoutMs)
            .setIdleTimeout(timeoutMs).setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
        .setJWTOptions(new JWTOptions()
            .setLeeway(settings.clockSkewSeconds())
            .setIssuer(issuer.url())
            .setAudience(List.of(issuer.audience())));
    return OpenIDConnectAuth.discover(vertx, options).compose(discovered -> {
      discovered.close();
      // validate locally only: a token that fails here must never be sent on to the issuer's
      // introspection or userinfo endpoint, which the discovered provider would fall back to
      OAuth2Auth local = OAuth2Auth.create(vertx,
          new OAuth2Options(options).setIntrospectionPath(null).setUserInfoPath(null));
      return local.jWKSet().map(local);
    });
  }

  private Future<Void> refreshKeys(OAuth2Auth auth) {
    if (keyRefresh != null) {
      return keyRefresh;
    }
    long now = clock.millis();
    if (now - keysFetchedAtMs < settings.jwksMinRefreshIntervalMs()) {
      return Future.failedFuture(AuthFailure.UNKNOWN_KEY.rejected());
    }
    keysFetchedAtMs = now;
    Future<Void> started = auth.jWKSet().timeout(settings.discoveryTimeoutMs(), TimeUnit.MILLISECONDS);
    keyRefresh = started;
    started.onComplete(done -> {
      keyRefresh = null;
      if (done.succeeded()) {
        keysRefreshed.run();
      } else {
        LOG.warn("Fetching the keys of token issuer {} failed: {}", issuer.url(), done.cause().getMessage());
      }
    });
    return started.recover(failure -> Future.failedFuture(AuthFailure.UNKNOWN_KEY.rejected()));
  }

  private static AuthFailure.Rejected rejection(Throwable failure) {
    if (failure instanceof AuthFailure.Rejected rejected) {
      return rejected;
    }
    if (failure instanceof NoSuchKeyIdException) {
      return AuthFailure.UNKNOWN_KEY.rejected();
    }
    LOG.debug("Token refused by the issuer's keys: {}", failure.getMessage());
    return AuthFailure.SIGNATURE.rejected();
  }
}
