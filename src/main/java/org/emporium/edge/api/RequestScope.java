package org.emporium.edge.api;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.emporium.platform.eventbus.RequestIds;

/** First handler of every request (a platform handler, so it runs before the body handler): request id (echoed, logged, propagated) and safe defaults. */
final class RequestScope implements PlatformHandler {

  @Override
  public void handle(RoutingContext rc) {
    String requestId = RequestIds.accept(rc.request().getHeader(RequestIds.HTTP_HEADER));
    // each HTTP request runs on its own duplicated context, so the id stays with this request
    RequestIds.bind(io.vertx.core.Vertx.currentContext(), requestId);
    rc.put(RequestIds.BUS_HEADER, requestId);
    // the security headers are already on (SecurityHeaders, for every answer of the port)
    rc.response()
        .putHeader(RequestIds.HTTP_HEADER, requestId)
        .putHeader("Cache-Control", "no-store");
    rc.next();
  }
}
