package org.emporium.identity.infra;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.emporium.identity.application.LoginCounters;
import org.emporium.identity.domain.AttemptCount;
import org.emporium.identity.domain.AttemptCount.AttemptLimit;

/**
 * Fixed-window counters in Redis: one script increments, starts the window's expiry on the first
 * attempt and returns the count and the milliseconds left, atomically.
 */
public final class RedisLoginCounters implements LoginCounters {

  private static final String INCREMENT = """
      local count = redis.call('INCR', KEYS[1])
      if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      local left = redis.call('PTTL', KEYS[1])
      if left < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        left = tonumber(ARGV[1])
      end
      return {count, left}""";

  private final Redis redis;

  public RedisLoginCounters(Redis redis) {
    this.redis = redis;
  }

  @Override
  public Future<AttemptCount> increment(String key, AttemptLimit limit) {
    return redis.send(Request.cmd(Command.EVAL).arg(INCREMENT).arg(1).arg(key).arg(limit.windowSeconds() * 1000L))
        .map(RedisLoginCounters::count);
  }

  @Override
  public Future<Void> clear(String key) {
    return redis.send(Request.cmd(Command.DEL).arg(key)).mapEmpty();
  }

  private static AttemptCount count(Response reply) {
    return new AttemptCount(reply.get(0).toLong(), reply.get(1).toLong());
  }
}
