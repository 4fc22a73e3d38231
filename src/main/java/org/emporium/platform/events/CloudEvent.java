package org.emporium.platform.events;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope of every event Emporium publishes: CloudEvents 1.0 in structured JSON mode, with the
 * extensions {@code region}, {@code schemaversion} and {@code traceparent}.
 */
public record CloudEvent(
    String id,
    String source,
    String type,
    Instant time,
    String subject,
    JsonObject data,
    String region,
    int schemaVersion,
    String traceparent) {

  public static final String SPEC_VERSION = "1.0";
  public static final String DATA_CONTENT_TYPE = "application/json";
  /** Content type of a Kafka record whose value is a whole CloudEvent. */
  public static final String MEDIA_TYPE = "application/cloudevents+json";

  public CloudEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    data = data == null ? new JsonObject() : data;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("specversion", SPEC_VERSION)
        .put("id", id)
        .put("source", source)
        .put("type", type)
        .put("time", time.toString())
        .put("datacontenttype", DATA_CONTENT_TYPE);
    if (subject != null) {
      json.put("subject", subject);
    }
    if (region != null) {
      json.put("region", region);
    }
    json.put("schemaversion", schemaVersion);
    if (traceparent != null) {
      json.put("traceparent", traceparent);
    }
    return json.put("data", data);
  }

  /** Reads an envelope; a value that is not a CloudEvents 1.0 JSON object is refused. */
  public static CloudEvent fromJson(JsonObject json) {
    if (!SPEC_VERSION.equals(json.getString("specversion"))) {
      throw new IllegalArgumentException("not a CloudEvents 1.0 envelope (specversion "
          + json.getValue("specversion") + ")");
    }
    Object data = json.getValue("data");
    if (data != null && !(data instanceof JsonObject)) {
      throw new IllegalArgumentException("event data must be a JSON object");
    }
    return new CloudEvent(json.getString("id"), json.getString("source"), json.getString("type"),
        Instant.parse(json.getString("time")), json.getString("subject"), (JsonObject) data,
        json.getString("region"), json.getInteger("schemaversion", 1), json.getString("traceparent"));
  }

  public static CloudEvent fromJson(String text) {
    return fromJson(new JsonObject(text));
  }
}
