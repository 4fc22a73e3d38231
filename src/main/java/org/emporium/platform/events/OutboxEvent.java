package org.emporium.platform.events;

import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An event a use case records with its state change: {@code aggregate} names the topic
 * ({@code <context>.<aggregate>.v1}), {@code aggregateId} is the record key and CloudEvents
 * subject, {@code name} the event ({@code product.created} becomes type
 * {@code emporium.<context>.product.created.v1}).
 */
public record OutboxEvent(String aggregate, String aggregateId, String name, JsonObject data, int schemaVersion) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

  public OutboxEvent {
    Objects.requireNonNull(aggregateId, "aggregateId");
    if (aggregate == null || !NAME.matcher(aggregate).matches() || aggregate.contains(".")) {
      throw new IllegalArgumentException("aggregate must be one lower-case word: " + aggregate);
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("event name must be dotted lower-case words: " + name);
    }
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("schemaVersion starts at 1");
    }
    data = data == null ? new JsonObject() : data;
  }

  public static OutboxEvent of(String aggregate, String aggregateId, String name, JsonObject data) {
    return new OutboxEvent(aggregate, aggregateId, name, data, 1);
  }
}
