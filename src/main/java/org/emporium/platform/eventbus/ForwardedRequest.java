package org.emporium.platform.eventbus;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.auth.PrincipalJson;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

import java.util.Optional;

/**
 * A request the edge forwarded to a context (REST or gRPC), as the context reads it: operation,
 * path and query parameters, declared headers (lower case), the validated body, the caller's
 * {@link Principal} when a valid token came with it, and the client's address. The format is in
 * {@code docs/edge.md}.
 */
public final class ForwardedRequest {

  private final JsonObject envelope;
  private final Principal principal;

  private ForwardedRequest(JsonObject envelope) {
    this.envelope = envelope;
    JsonObject principalJson = envelope.getJsonObject("principal");
    this.principal = principalJson == null ? null : PrincipalJson.fromJson(principalJson);
  }

  public static ForwardedRequest of(JsonObject envelope) {
    return new ForwardedRequest(envelope);
  }

  /**
   * The envelope the edge sends for one request, whatever its transport.
   *
   * @param body the validated body, or null
   * @param principal the authenticated caller, or null for an anonymous request
   * @param clientIp the client's address, or null
   */
  public static JsonObject envelope(String operation, JsonObject path, JsonObject query, JsonObject headers,
      Object body, Principal principal, String clientIp) {
    JsonObject envelope = new JsonObject()
        .put("operation", operation)
        .put("path", path)
        .put("query", query)
        .put("headers", headers);
    if (body != null) {
      envelope.put("body", body);
    }
    if (principal != null) {
      envelope.put("principal", PrincipalJson.toJson(principal));
    }
    envelope.put("client", new JsonObject().put("ip", clientIp));
    return envelope;
  }

  public String operation() {
    return envelope.getString("operation");
  }

  public String path(String name) {
    return section("path").getString(name);
  }

  public Object query(String name) {
    return section("query").getValue(name);
  }

  public String header(String lowerCaseName) {
    Object value = section("headers").getValue(lowerCaseName);
    return value == null ? null : String.valueOf(value);
  }

  /** The validated JSON body, or an empty object when the request had none. */
  public JsonObject body() {
    Object body = envelope.getValue("body");
    return body instanceof JsonObject json ? json : new JsonObject();
  }

  public boolean hasBody() {
    return envelope.getValue("body") != null;
  }

  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  /** The caller, or a 401 problem for an anonymous request. */
  public Principal requirePrincipal() {
    if (principal == null) {
      throw Problem.of(ErrorCode.UNAUTHENTICATED, "Sign in to do this.").toException();
    }
    return principal;
  }

  /** The caller when it holds {@code permission}; 401 when anonymous, 403 otherwise. */
  public Principal requirePermission(String permission) {
    Principal caller = requirePrincipal();
    if (!caller.has(permission)) {
      throw Problem.of(ErrorCode.FORBIDDEN, "You are not allowed to do this.").toException();
    }
    return caller;
  }

  /** The client's IP address as the edge saw it, or null. */
  public String clientIp() {
    return section("client").getString("ip");
  }

  public JsonObject toJson() {
    return envelope;
  }

  private JsonObject section(String name) {
    JsonObject section = envelope.getJsonObject(name);
    return section == null ? new JsonObject() : section;
  }
}
