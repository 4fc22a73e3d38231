package org.emporium.platform.error;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One error, in the shape of RFC 9457 problem details. It travels as problem JSON over HTTP, as the
 * message of an event-bus failure (failure code = HTTP status) and as a gRPC status.
 */
public record Problem(ErrorCode code, String detail, List<FieldError> errors, Long retryAfterSeconds,
    Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors",
      "retryAfter", "requestId");

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  public Problem(ErrorCode code, String detail, List<FieldError> errors, Long retryAfterSeconds) {
    this(code, detail, errors, retryAfterSeconds, Map.of());
  }

  public Problem(ErrorCode code, String detail, List<FieldError> errors) {
    this(code, detail, errors, null);
  }

  /**
   * This problem with an extension member (RFC 9457, section 3.2) that tells a client what to do,
   * for example a declined payment's {@code reason}; a string, number or boolean.
   */
  public Problem with(String member, Object value) {
    if (MEMBERS.contains(member)) {
      throw new IllegalArgumentException(member + " is a member of every problem");
    }
    Map<String, Object> more = new HashMap<>(extensions);
    more.put(member, value);
    return new Problem(code, detail, errors, retryAfterSeconds, more);
  }

  public static Problem of(ErrorCode code, String detail) {
    return new Problem(code, detail, List.of());
  }

  public static Problem invalid(String detail, List<FieldError> errors) {
    return new Problem(ErrorCode.BAD_REQUEST, detail, errors);
  }

  /** A 429 that tells the client when to try again (the edge writes it as {@code Retry-After}). */
  public static Problem tooManyRequests(String detail, long retryAfterSeconds) {
    return new Problem(ErrorCode.TOO_MANY_REQUESTS, detail, List.of(), Math.max(1, retryAfterSeconds));
  }

  public int status() {
    return code.status();
  }

  public ProblemException toException() {
    return new ProblemException(this);
  }

  /** Problem JSON; {@code instance} and {@code requestId} are added when known. */
  public JsonObject toJson(String instance, String requestId) {
    JsonObject json = new JsonObject()
        .put("type", code.type())
        .put("title", code.title())
        .put("status", code.status());
    if (detail != null) {
      json.put("detail", detail);
    }
    if (instance != null) {
      json.put("instance", instance);
    }
    if (!errors.isEmpty()) {
      JsonArray list = new JsonArray();
      errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("message", e.message())));
      json.put("errors", list);
    }
    if (retryAfterSeconds != null) {
      json.put("retryAfter", retryAfterSeconds);
    }
    if (requestId != null) {
      json.put("requestId", requestId);
    }
    extensions.forEach(json::put);
    return json;
  }

  public JsonObject toJson() {
    return toJson(null, null);
  }

  /** Reads problem JSON back, as sent by another node in an event-bus failure. */
  public static Problem fromJson(int status, JsonObject json) {
    ErrorCode code = ErrorCode.ofStatus(json.getInteger("status", status));
    JsonArray list = json.getJsonArray("errors", new JsonArray());
    List<FieldError> errors = list.stream()
        .filter(JsonObject.class::isInstance)
        .map(JsonObject.class::cast)
        .map(e -> new FieldError(e.getString("field"), e.getString("message")))
        .toList();
    Map<String, Object> extensions = new HashMap<>();
    json.forEach(member -> {
      if (!MEMBERS.contains(member.getKey()) && member.getValue() != null
          && !(member.getValue() instanceof JsonObject) && !(member.getValue() instanceof JsonArray)) {
        extensions.put(member.getKey(), member.getValue());
      }
    });
    return new Problem(code, json.getString("detail"), errors, json.getLong("retryAfter"), extensions);
  }

  /** A problem with one field of the request. */
  public record FieldError(String field, String message) {
  }
}
