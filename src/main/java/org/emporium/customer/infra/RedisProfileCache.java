package org.emporium.customer.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import org.emporium.customer.application.CustomerJson;
import org.emporium.customer.application.ProfileCache;
import org.emporium.customer.domain.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Profiles in Redis under {@code customer:profile:<id>}, as the contract's JSON, for
 * {@code customer.cacheTtlSeconds}. Redis trouble is logged and read as a miss: reads fall back to
 * PostgreSQL. A failed eviction leaves the old entry until its TTL ends.
 */
public final class RedisProfileCache implements ProfileCache {

  private static final Logger LOG = LoggerFactory.getLogger(RedisProfileCache.class);

  private final RedisAPI redis;
  private final String ttlSeconds;

  public RedisProfileCache(RedisAPI redis, long ttlSeconds) {
    this.redis = redis;
    this.ttlSeconds = String.valueOf(ttlSeconds);
  }

  public static String key(UUID customerId) {
    return "customer:profile:" + customerId;
  }

  @Override
  public Future<Optional<Profile>> get(UUID customerId) {
    return redis.get(key(customerId))
        .map(value -> value == null ? Optional.<Profile>empty()
            : Optional.of(CustomerJson.profileFrom(new JsonObject(value.toString()))))
        .recover(failure -> {
          LOG.warn("Profile cache read failed, reading PostgreSQL: {}", failure.toString());
          return Future.succeededFuture(Optional.empty());
        });
  }

  @Override
  public Future<Void> put(Profile profile) {
    return redis.setex(key(profile.customerId()), ttlSeconds, CustomerJson.profile(profile).encode())
        .<Void>mapEmpty()
        .recover(failure -> {
          LOG.warn("Profile cache write failed: {}", failure.toString());
          return Future.succeededFuture();
        });
  }

  @Override
  public Future<Void> evict(UUID customerId) {
    return redis.del(List.of(key(customerId))).<Void>mapEmpty().recover(failure -> {
      LOG.warn("Profile cache eviction failed; the entry lives until its TTL: {}", failure.toString());
      return Future.succeededFuture();
    });
  }
}
