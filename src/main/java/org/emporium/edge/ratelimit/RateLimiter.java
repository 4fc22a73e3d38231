package org.emporium.edge.ratelimit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Checks a request against its class's buckets in Redis: one {@code EVALSHA} of
 * {@code edge/ratelimit/token-bucket.lua} per request, atomic, taking a token from the client IP's
 * bucket and (when signed in) the customer's bucket together. A Redis that does not know the script
 * gets its source once with {@code EVAL}. Fails when Redis does not answer within
 * {@code rateLimits.timeoutMs}; the caller decides what that means.
 */
public final class RateLimiter {

  static final String SCRIPT = "edge/ratelimit/token-bucket.lua";

  private final Vertx vertx;
  private final Redis redis;
  private final RateLimitSettings settings;
  private Future<String[]> script;

  public RateLimiter(Vertx vertx, Redis redis, RateLimitSettings settings) {
    this.vertx = vertx;
    this.redis = redis;
    this.settings = settings;
  }

  public Future<Decision> check(RouteClass routeClass, String ip, UUID customer) {
    RateLimitSettings.Limits limits = settings.of(routeClass);
    List<String> keys = new ArrayList<>();
    List<RateLimitSettings.Bucket> buckets = new ArrayList<>();
    keys.add("ratelimit:" + routeClass.key() + ":ip:" + ip);
    buckets.add(limits.perIp());
    if (customer != null) {
      keys.add("ratelimit:" + routeClass.key() + ":customer:" + customer);
      buckets.add(limits.perCustomer());
    }
    List<String> args = new ArrayList<>();
    buckets.forEach(b -> {
      args.add(String.valueOf(b.capacity()));
      args.add(String.valueOf(b.refillPerSecond()));
    });
    return source().compose(sha -> eval(Command.EVALSHA, sha[1], keys, args).recover(failure -> {
      String message = failure.getMessage();
      return message != null && message.startsWith("NOSCRIPT")
          ? eval(Command.EVAL, sha[0], keys, args) : Future.failedFuture(failure);
    })).map(answer -> decide(answer, buckets));
  }

  private Future<Response> eval(Command command, String script, List<String> keys, List<String> args) {
    Request request = Request.cmd(command).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    args.forEach(request::arg);
    return redis.send(request).timeout(settings.timeoutMs(), TimeUnit.MILLISECONDS);
  }

  /** The bucket that refused (the longest wait), else the one with the fewest requests left. */
  private static Decision decide(Response answer, List<RateLimitSettings.Bucket> buckets) {
    boolean allowed = answer.get(0).toLong() == 1;
    Decision chosen = null;
    for (int i = 0; i < buckets.size(); i++) {
      long remaining = answer.get(1 + 3 * i).toLong();
      long oneMs = answer.get(2 + 3 * i).toLong();
      long fullMs = answer.get(3 + 3 * i).toLong();
      Decision bucket = new Decision(allowed, buckets.get(i).capacity(), Math.max(0, remaining), seconds(fullMs),
          allowed ? 0 : Math.max(1, seconds(oneMs)));
      boolean better = chosen == null || (allowed ? bucket.remaining() < chosen.remaining()
          : bucket.retryAfterSeconds() > chosen.retryAfterSeconds());
      if (better) {
        chosen = bucket;
      }
    }
    return chosen;
  }

  private static long seconds(long ms) {
    return (ms + 999) / 1000;
  }

  /** Loads the script into Redis (SCRIPT LOAD), which also opens a pooled connection. */
  Future<Void> load() {
    return source().compose(sha -> redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(sha[0]))
        .timeout(5, TimeUnit.SECONDS)).mapEmpty();
  }

  /** The script's source and SHA-1, read once without blocking. */
  private Future<String[]> source() {
    if (script == null || script.failed()) {
      script = vertx.fileSystem().readFile(SCRIPT).map(text -> new String[] {text.toString(), sha1(text.toString())});
    }
    return script;
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }
}
