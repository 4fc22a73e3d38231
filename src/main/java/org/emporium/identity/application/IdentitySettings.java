package org.emporium.identity.application;

import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.AttemptCount.AttemptLimit;
import org.emporium.identity.domain.HashCost;
import org.emporium.identity.domain.PasswordPolicy;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;

import java.time.Duration;

/**
 * The issuer's settings, read from {@code identity.*} (and {@code auth.clockSkewSeconds},
 * {@code adminPassword}, {@code eventBus.requestTimeoutMs}); errors name the full key.
 *
 * @param issuer {@code identity.issuerUrl}, or {@code http://localhost:<http.port>} when unset
 * @param keyOverlap how long a retired key stays published: access-token lifetime plus clock skew
 */
public record IdentitySettings(String profile, String issuer, String audience, Duration accessTokenTtl,
    Duration refreshTokenTtl, Duration keyRotation, Duration keyOverlap, String keyEncryptionSecret,
    String adminEmail, String adminPassword, PasswordPolicy passwordPolicy, HashCost hashCost,
    AttemptLimit perAccount, AttemptLimit perIp, long eventBusTimeoutMs) {

  public static IdentitySettings from(NodeConfig config) {
    JsonObject root = config.json();
    JsonObject identity = object(root, "identity");
    JsonObject password = object(identity, "identity.password");
    JsonObject limits = object(identity, "identity.loginLimits");
    String issuerUrl = identity.getString("issuerUrl");
    String issuer = issuerUrl == null || issuerUrl.isBlank() ? "http://localhost:" + config.http().port() : issuerUrl;
    String audience = identity.getString("audience");
    if (audience == null || audience.isBlank()) {
      throw new ConfigException("identity.audience is required");
    }
    Duration accessTtl = Duration.ofSeconds(positive(identity, "identity", "accessTokenTtlSeconds"));
    Duration skew = Duration.ofSeconds(positive(object(root, "auth"), "auth", "clockSkewSeconds", true));
    try {
      return new IdentitySettings(config.profile(), issuer, audience, accessTtl,
          Duration.ofSeconds(positive(identity, "identity", "refreshTokenTtlSeconds")),
          Duration.ofSeconds(positive(identity, "identity", "signingKeyRotationSeconds")),
          accessTtl.plus(skew), identity.getString("keyEncryptionSecret"), identity.getString("adminEmail"),
          root.getString("adminPassword"),
          new PasswordPolicy((int) positive(password, "identity.password", "minLength")),
          new HashCost((int) positive(password, "identity.password", "memoryKib"),
              (int) positive(password, "identity.password", "iterations"),
              (int) positive(password, "identity.password", "parallelism")),
          limit(limits, "perAccount"), limit(limits, "perIp"), config.eventBusTimeoutMs());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("identity: " + e.getMessage());
    }
  }

  /** Where the issuer's documents live: {@code issuer} without a trailing slash. */
  public String issuerBase() {
    return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  private static AttemptLimit limit(JsonObject limits, String name) {
    JsonObject limit = object(limits, "identity.loginLimits." + name);
    String path = "identity.loginLimits." + name;
    return new AttemptLimit((int) positive(limit, path, "attempts"), (int) positive(limit, path, "windowSeconds"));
  }

  private static JsonObject object(JsonObject parent, String path) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    Object value = parent.getValue(key);
    if (!(value instanceof JsonObject json)) {
      throw new ConfigException(path + " must be an object");
    }
    return json;
  }

  private static long positive(JsonObject section, String path, String key) {
    return positive(section, path, key, false);
  }

  private static long positive(JsonObject section, String path, String key, boolean zeroAllowed) {
    Object value = section.getValue(key);
    if (value instanceof Number n && (n.longValue() > 0 || zeroAllowed && n.longValue() == 0)) {
      return n.longValue();
    }
    throw new ConfigException(path + "." + key + " must be a " + (zeroAllowed ? "non-negative" : "positive")
        + " whole number, not " + value);
  }

  @Override
  public String toString() {
    return "IdentitySettings[issuer=" + issuer + ", profile=" + profile + ", " + hashCost + "]";
  }
}
