package org.emporium.platform.events.relay;

import io.vertx.sqlclient.Row;

import java.util.UUID;

/** One unpublished outbox row as the relay claims it. */
public record OutboxRow(UUID id, String topic, String aggregateId, String eventType, String envelope) {

  static final String COLUMNS = "id, topic, aggregate_id, event_type, envelope";

  static OutboxRow from(Row row) {
    return new OutboxRow(row.getUUID("id"), row.getString("topic"), row.getString("aggregate_id"),
        row.getString("event_type"), row.getString("envelope"));
  }
}
