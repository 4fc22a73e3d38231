package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.config.EventsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Takes one record to an end: its effect applied exactly once (the event id is inserted in the
 * effect's transaction, a known id skips the effect), or parked on the dead-letter topic after the
 * last attempt; or hands it back for later when the infrastructure, not the record, failed.
 */
final class RecordProcessor {

  enum Outcome { DONE, LATER }

  private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);

  private final String group;
  private final Pool pool;
  private final Outbox outbox;
  private final EventHandler handler;
  private final EventsSettings.Consumer settings;
  private final DeadLetters deadLetters;
  private final Delays delays;
  private final Clock clock;
  private final long handlerTimeoutMs;
  private final String markProcessed;

  RecordProcessor(EventConsumerBuilder builder, Pool pool, DeadLetters deadLetters, Delays delays) {
    this.group = builder.groupId();
    this.pool = pool;
    this.outbox = new Outbox(builder.context, builder.config.region(), builder.ids, builder.clock);
    this.handler = builder.handler;
    this.settings = builder.settings;
    this.deadLetters = deadLetters;
    this.delays = delays;
    this.clock = builder.clock;
    this.handlerTimeoutMs = builder.handlerTimeout.toMillis();
    this.markProcessed = "INSERT INTO " + builder.context + ".processed_event (consumer, event_id, topic, processed_at) "
        + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
  }

  Future<Outcome> process(ConsumerRecord<String, String> record) {
    CloudEvent event;
    UUID id;
    try {
      if (record.value() == null) {
        throw new IllegalArgumentException("record has no value");
      }
      event = CloudEvent.fromJson(record.value());
      id = UUID.fromString(event.id());
    } catch (RuntimeException notAnEvent) {
      // retrying cannot make bytes parse: park it at once
      return park(record, notAnEvent, 1);
    }
    return attempt(record, event, id, 1);
  }

  private Future<Outcome> attempt(ConsumerRecord<String, String> record, CloudEvent event, UUID id, int attempt) {
    return applyOnce(record, event, id).transform(result -> {
      if (result.succeeded()) {
        return Future.succeededFuture(Outcome.DONE);
      }
      Throwable failure = result.cause();
      if (Failures.isInfrastructure(failure)) {
        LOG.warn("Event {} at {}-{}@{} waits for the database: {}", event.id(), record.topic(), record.partition(),
            record.offset(), failure.toString());
        return Future.succeededFuture(Outcome.LATER);
      }
      if (attempt >= settings.maxAttempts()) {
        return park(record, failure, attempt);
      }
      long backoff = Delays.backoff(settings.initialBackoffMs(), settings.maxBackoffMs(), attempt);
      LOG.info("Event {} failed attempt {} of {} in {}, retrying in {} ms: {}", event.id(), attempt,
          settings.maxAttempts(), group, backoff, failure.toString());
      return delays.sleep(backoff)
          .compose(slept -> slept ? attempt(record, event, id, attempt + 1) : Future.succeededFuture(Outcome.LATER));
    });
  }

  private Future<Void> applyOnce(ConsumerRecord<String, String> record, CloudEvent event, UUID id) {
    Tuple mark = Tuple.of(group, id, record.topic(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    // the insert comes first: a concurrent duplicate waits on its key lock, then finds it taken
    return Transaction.<Void>run(pool, outbox, tx -> tx.connection().preparedQuery(markProcessed).execute(mark)
            .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture() : effect(event, tx)))
        .timeout(handlerTimeoutMs, TimeUnit.MILLISECONDS);
  }

  private Future<Void> effect(CloudEvent event, Transaction tx) {
    try {
      Future<Void> effect = handler.handle(event, tx);
      return effect == null ? Future.failedFuture(new IllegalStateException("handler returned no future")) : effect;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Outcome> park(ConsumerRecord<String, String> record, Throwable failure, int attempts) {
    LOG.warn("Parking {}-{}@{} of {} on the dead-letter topic after {} attempt(s): {}", record.topic(),
        record.partition(), record.offset(), group, attempts, failure.toString());
    return deadLetters.park(record, failure, attempts)
        .map(Outcome.DONE)
        .otherwise(e -> {
          // not parked, not handled: the record stays where it is and is tried again after a pause
          LOG.warn("Cannot park {}-{}@{} on the dead-letter topic: {}", record.topic(), record.partition(),
              record.offset(), e.toString());
          return Outcome.LATER;
        });
  }
}
