package org.emporium.edge.api;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import org.emporium.edge.pipeline.Step;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.eventbus.SameLoop;
import org.emporium.platform.eventbus.SharedJson;

import java.util.Map;

/**
 * Forwards a validated REST request to the owning context over the event bus, with a timeout,
 * and writes its reply. The request and reply formats are described in {@code docs/edge.md}.
 */
final class BusForwarder implements Step {

  private final Vertx vertx;
  private final String operationId;
  private final String address;
  private final long timeoutMs;

  BusForwarder(Vertx vertx, String operationId, String address, long timeoutMs) {
    this.vertx = vertx;
    this.operationId = operationId;
    this.address = address;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public void handle(RoutingContext rc, Runnable next) {
    // the last step: it answers the request
    ValidatedRequest request = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    RequestParameter body = request.getBody();
    Object value = body == null || body.isNull() ? null : body.get();
    JsonObject headers = values(request.getHeaders(), true);
    if (value instanceof String) {
      // a raw text body (a file upload): the context needs its media type to read it
      headers.put("content-type", rc.request().getHeader("Content-Type"));
    }
    JsonObject envelope = ForwardedRequest.envelope(operationId,
        values(request.getPathParameters(), false), values(request.getQuery(), false), headers, value,
        BearerAuthentication.principal(rc), rc.request().remoteAddress().hostAddress());
    SameLoop.<JsonObject>request(vertx.eventBus(), address, envelope,
        SharedJson.use(RequestIds.deliveryOptions(timeoutMs)))
        .map(Message::body)
        .onSuccess(reply -> {
          try {
            respond(rc, reply);
          } catch (RuntimeException e) {
            rc.fail(e); // a reply the edge cannot read: a 500, not a request left hanging
          }
        })
        .onFailure(rc::fail);
  }

  private static void respond(RoutingContext rc, JsonObject reply) {
    int status = reply.getInteger("status", 200);
    JsonObject headers = reply.getJsonObject("headers", new JsonObject());
    rc.response().setStatusCode(status);
    headers.forEach(header -> rc.response().putHeader(header.getKey(), String.valueOf(header.getValue())));
    Object body = reply.getValue("body");
    if (body == null) {
      rc.response().end();
    } else {
      if (!rc.response().headers().contains("Content-Type")) {
        rc.response().putHeader("Content-Type", "application/json");
      }
      // bytes the replier encoded once (base64 text when they came from another node)
      Buffer encoded = reply.getBuffer(ForwardedReply.ENCODED);
      rc.response().end(encoded != null ? encoded : io.vertx.core.json.Json.encodeToBuffer(body));
    }
  }

  private static JsonObject values(Map<String, RequestParameter> parameters, boolean lowerCaseNames) {
    JsonObject values = new JsonObject();
    if (parameters != null) {
      parameters.forEach((name, value) -> {
        if (value != null && !value.isNull()) {
          values.put(lowerCaseNames ? name.toLowerCase() : name, value.get());
        }
      });
    }
    return values;
  }
}
