package org.emporium.platform.eventbus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Builds the reply a context sends back to the edge: {@code {status, headers, body}}. */
public final class ForwardedReply {

  /** The member carrying a body's JSON bytes, when the replier has them. */
  public static final String ENCODED = "encodedBody";

  private ForwardedReply() {
  }

  public static JsonObject ok(Object body) {
    return of(200, body);
  }

  /**
   * A 200 whose body the replier already holds encoded as JSON (a cached, unchanging object): the
   * edge writes those bytes instead of encoding the body again; other callers read {@code body}.
   */
  public static JsonObject ok(JsonObject body, Buffer encoded) {
    JsonObject reply = of(200, body);
    return encoded == null ? reply : reply.put(ENCODED, encoded);
  }

  public static JsonObject created(Object body, String location) {
    JsonObject reply = of(201, body);
    if (location != null) {
      reply.getJsonObject("headers").put("Location", location);
    }
    return reply;
  }

  public static JsonObject noContent() {
    return new JsonObject().put("status", 204).put("headers", new JsonObject());
  }

  public static JsonObject of(int status, Object body) {
    JsonObject reply = new JsonObject().put("status", status).put("headers", new JsonObject());
    if (body != null) {
      reply.put("body", body);
    }
    return reply;
  }

  /** Adds a response header to a reply built here. */
  public static JsonObject withHeader(JsonObject reply, String name, String value) {
    reply.getJsonObject("headers").put(name, value);
    return reply;
  }
}
