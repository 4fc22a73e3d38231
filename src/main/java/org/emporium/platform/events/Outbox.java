package org.emporium.platform.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.id.TimeOrderedIds;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The outbox of one context: turns {@link OutboxEvent}s into CloudEvents and writes them into
 * {@code <context>.outbox} on the caller's connection, inside the caller's transaction; after the
 * commit, {@link #committed} wakes the relays.
 */
public final class Outbox {

  /** The channel relays {@code LISTEN} on; the payload is the schema with new events. */
  public static final String CHANNEL = "emporium_outbox";
  private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final String context;
  private final String region;
  private final TimeOrderedIds ids;
  private final Clock clock;
  private final String insert;
  private final OutboxWakeup wakeup;

  public Outbox(String context, String region, TimeOrderedIds ids, Clock clock) {
    if (!SCHEMA.matcher(context).matches()) {
      throw new IllegalArgumentException("not a context schema name: " + context);
    }
    this.context = context;
    this.region = region;
    this.ids = ids;
    this.clock = clock;
    this.insert = "INSERT INTO " + context + ".outbox (id, topic, aggregate_id, event_type, envelope, created_at) "
        + "VALUES ($1, $2, $3, $4, $5, $6)";
    this.wakeup = new OutboxWakeup(context);
  }

  public String context() {
    return context;
  }

  /** The envelope an event will be published in. */
  public CloudEvent envelope(OutboxEvent event) {
    return new CloudEvent(ids.next().toString(), "/emporium/" + region + "/" + context,
        Topics.eventType(context, event.name()), clock.instant(), event.aggregateId(), event.data(),
        region, event.schemaVersion(), newTraceparent());
  }

  /** Writes the events on this connection, which must be in a transaction. */
  public Future<List<CloudEvent>> append(SqlConnection connection, List<OutboxEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<CloudEvent> envelopes = new ArrayList<>(events.size());
    List<Tuple> rows = new ArrayList<>(events.size());
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (OutboxEvent event : events) {
      CloudEvent envelope = envelope(event);
      envelopes.add(envelope);
      rows.add(Tuple.of(java.util.UUID.fromString(envelope.id()), Topics.topic(context, event.aggregate()),
          event.aggregateId(), envelope.type(), envelope.toJson().encode(), now));
    }
    return connection.preparedQuery(insert).executeBatch(rows).map(done -> envelopes);
  }

  /**
   * Tells the relays (channel {@link #CHANNEL}, payload the context) that events were committed;
   * coalesced, outside the transaction (see {@link OutboxWakeup}).
   */
  public void committed(SqlClient client) {
    wakeup.committed(client);
  }

  /** A W3C trace context for the event; becomes the caller's once tracing is wired in. */
  private static String newTraceparent() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("00-%016x%016x-%016x-01", random.nextLong(), random.nextLong(), random.nextLong() | 1L);
  }
}
