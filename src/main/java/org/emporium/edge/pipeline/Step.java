package org.emporium.edge.pipeline;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * One stage of a forwarded REST operation at the edge (region routing, authentication, rate limit,
 * validation, forwarding): it calls {@code next} to hand the request on, or answers or fails it.
 *
 * <p>The stages of an operation run as one route handler. Vert.x Web matches the route's path
 * pattern again, path parameters included, each time a handler calls {@code rc.next()}; chained
 * here, a request is matched once.
 */
@FunctionalInterface
public interface Step {

  void handle(RoutingContext rc, Runnable next);

  /** The steps in order as one handler; after the last step the router goes on. */
  static Handler<RoutingContext> chain(List<Step> steps) {
    Step[] stages = steps.toArray(Step[]::new);
    return rc -> run(stages, 0, rc);
  }

  private static void run(Step[] stages, int index, RoutingContext rc) {
    if (index == stages.length) {
      rc.next();
      return;
    }
    try {
      stages[index].handle(rc, () -> run(stages, index + 1, rc));
    } catch (RuntimeException e) {
      // as the router does for its own handlers: a stage that throws fails the request (problem
      // JSON), also when it runs later, from a callback, where nothing else would catch it
      if (!rc.response().ended()) {
        rc.fail(e);
      }
    }
  }
}
