package org.emporium.edge.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.RoutingContext;
import org.emporium.platform.node.Platform;

/**
 * {@code /health/live}: the event loop answers. {@code /health/ready}: the node is deployed, not
 * draining, and reaches PostgreSQL, Redis, Kafka and its cluster (503 otherwise).
 */
final class HealthEndpoints {

  private final Platform platform;
  private final HealthChecks checks;

  HealthEndpoints(Platform platform, HealthChecks checks) {
    this.platform = platform;
    this.checks = checks;
  }

  void live(RoutingContext rc) {
    rc.json(new JsonObject().put("status", "UP"));
  }

  void ready(RoutingContext rc) {
    checks.checkStatus().onComplete(done -> {
      boolean dependenciesUp = done.succeeded() && done.result().getUp();
      boolean up = dependenciesUp && platform.readiness().isReady();
      JsonArray list = new JsonArray();
      if (done.succeeded()) {
        for (CheckResult check : done.result().getChecks()) {
          JsonObject entry = new JsonObject().put("id", check.getId()).put("status", check.getUp() ? "UP" : "DOWN");
          if (check.getStatus() != null && check.getStatus().getData() != null) {
            entry.put("data", check.getStatus().getData());
          }
          list.add(entry);
        }
      }
      rc.response().setStatusCode(up ? 200 : 503);
      rc.json(new JsonObject()
          .put("status", up ? "UP" : "DOWN")
          .put("state", platform.readiness().state().name())
          .put("node", platform.nodeId())
          .put("region", platform.region())
          .put("checks", list));
    });
  }
}
