package org.emporium.identity.application;

import org.emporium.identity.domain.AttemptCount.AttemptLimit;
import org.emporium.identity.domain.HashCost;
import org.emporium.identity.domain.PasswordPolicy;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

import java.time.Duration;

/**
 * The issuer's settings, read from {@code identity.*} (and {@code auth.clockSkewSeconds},
 * {@code adminPassword}, {@code eventBus.requestTimeoutMs}); errors name the full key.
 *
 * @param issuer {@code identity.issuerUrl}, or {@code http://localhost:<http.port>} when unset
 * @param keyOverlap how long a retired key stays published: access-token lifetime plus clock skew
 * @param homeRegion this node's region, where the accounts it signs tokens for are stored
 */
public record IdentitySettings(String profile, String issuer, String audience, Duration accessTokenTtl,
    Duration refreshTokenTtl, Duration keyRotation, Duration keyOverlap, String keyEncryptionSecret,
    String adminEmail, String adminPassword, PasswordPolicy passwordPolicy, HashCost hashCost,
    AttemptLimit perAccount, AttemptLimit perIp, long eventBusTimeoutMs, String homeRegion) {

  public static IdentitySettings from(NodeConfig config) {
    Settings root = Settings.of(config);
    Settings identity = root.child("identity");
    Settings password = identity.child("password");
    Settings limits = identity.child("loginLimits");
    String issuerUrl = identity.optionalString("issuerUrl");
    String issuer = issuerUrl == null || issuerUrl.isBlank() ? "http://localhost:" + config.http().port() : issuerUrl;
    Duration accessTtl = Duration.ofSeconds(identity.positive("accessTokenTtlSeconds"));
    Duration skew = Duration.ofSeconds(root.child("auth").nonNegative("clockSkewSeconds"));
    try {
      return new IdentitySettings(config.profile(), issuer, identity.string("audience"), accessTtl,
          Duration.ofSeconds(identity.positive("refreshTokenTtlSeconds")),
          Duration.ofSeconds(identity.positive("signingKeyRotationSeconds")),
          accessTtl.plus(skew), identity.optionalString("keyEncryptionSecret"), identity.optionalString("adminEmail"),
          root.optionalString("adminPassword"),
          new PasswordPolicy((int) password.positive("minLength")),
          new HashCost((int) password.positive("memoryKib"), (int) password.positive("iterations"),
              (int) password.positive("parallelism")),
          limit(limits.child("perAccount")), limit(limits.child("perIp")), config.eventBusTimeoutMs(),
          config.region());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("identity: " + e.getMessage());
    }
  }

  /** Where the issuer's documents live: {@code issuer} without a trailing slash. */
  public String issuerBase() {
    return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  private static AttemptLimit limit(Settings limit) {
    return new AttemptLimit((int) limit.positive("attempts"), (int) limit.positive("windowSeconds"));
  }

  @Override
  public String toString() {
    return "IdentitySettings[issuer=" + issuer + ", profile=" + profile + ", " + hashCost + "]";
  }
}
