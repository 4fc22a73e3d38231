package org.emporium.platform.health;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.emporium.platform.clients.KafkaFutures;
import org.emporium.platform.node.Platform;

import java.util.concurrent.TimeUnit;

/**
 * Readiness probes of what a node depends on: PostgreSQL, Redis, Kafka and the cluster. Each
 * probe has a timeout and reports DOWN with a short reason, never a stack trace.
 */
public final class DependencyChecks {

  private DependencyChecks() {
  }

  public static HealthChecks create(Vertx vertx, Platform platform, Pool postgres, Redis redis) {
    long timeout = platform.config().healthCheckTimeoutMs();
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register("postgres", timeout, promise -> report(promise,
        postgres.query("SELECT 1").execute().timeout(timeout, TimeUnit.MILLISECONDS).mapEmpty()));
    checks.register("redis", timeout, promise -> report(promise,
        redis.send(Request.cmd(Command.PING)).timeout(timeout, TimeUnit.MILLISECONDS).mapEmpty()));
    checks.register("kafka", timeout, promise -> report(promise, kafka(platform, timeout)));
    checks.register("cluster", timeout, promise -> {
      boolean member = platform.cluster().getNodes().contains(platform.nodeId());
      promise.complete(member
          ? Status.OK(new JsonObject().put("members", platform.cluster().getNodes().size()))
          : Status.KO(new JsonObject().put("reason", "not a cluster member")));
    });
    return checks;
  }

  private static Future<Void> kafka(Platform platform, long timeout) {
    return KafkaFutures.onContext(platform.kafkaAdmin()
        .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
        .clusterId(), Vertx.currentContext()).mapEmpty();
  }

  private static void report(Promise<Status> promise, Future<Void> probe) {
    probe.onComplete(done -> promise.complete(done.succeeded()
        ? Status.OK()
        : Status.KO(new JsonObject().put("reason", reason(done.cause())))));
  }

  private static String reason(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
  }
}
