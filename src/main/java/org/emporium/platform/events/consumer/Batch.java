package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.events.consumer.RecordProcessor.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One polled batch: each partition's records in order, the partitions side by side. A partition
 * stops early on a pause, a stop or a failure of the infrastructure; it is then sought back to its
 * first record not handled, so that the next poll returns it again.
 */
final class Batch {

  private static final Logger LOG = LoggerFactory.getLogger(Batch.class);

  /** Where a partition stopped; {@code troubled} when a failure, not a pause or stop, stopped it. */
  private record Halt(TopicPartition partition, long offset, boolean troubled) {
  }

  private final KafkaReadStream<String, String> stream;
  private final RecordProcessor processor;
  private final PendingOffsets handled;
  private final BooleanSupplier halting;
  private final long timeoutMs;

  /** {@code handled} learns of every record taken to an end. */
  Batch(KafkaReadStream<String, String> stream, RecordProcessor processor, PendingOffsets handled, BooleanSupplier halting, long timeoutMs) {
    this.stream = stream;
    this.processor = processor;
    this.handled = handled;
    this.halting = halting;
    this.timeoutMs = timeoutMs;
  }

  /** Handles the records; true when a failure stopped a partition and the next poll should wait. */
  Future<Boolean> handle(ConsumerRecords<String, String> records) {
    if (records.isEmpty()) {
      return Future.succeededFuture(false);
    }
    List<Future<Halt>> partitions = new ArrayList<>();
    for (TopicPartition partition : records.partitions()) {
      partitions.add(handle(partition, records.records(partition), 0));
    }
    return Future.all(partitions).compose(all -> {
      List<Halt> halts = all.<Halt>list().stream().filter(Objects::nonNull).toList();
      List<Future<Void>> seeks = halts.stream()
          .map(halt -> stream.seek(halt.partition(), halt.offset()).timeout(timeoutMs, TimeUnit.MILLISECONDS)
              // a partition revoked meanwhile cannot be sought; its new owner starts from the commit
              .otherwiseEmpty())
          .toList();
      return Future.join(seeks).map(sought -> halts.stream().anyMatch(Halt::troubled));
    });
  }

  private Future<Halt> handle(TopicPartition partition, List<ConsumerRecord<String, String>> records, int index) {
    if (index == records.size()) {
      return Future.succeededFuture();
    }
    ConsumerRecord<String, String> record = records.get(index);
    if (halting.getAsBoolean()) {
      return Future.succeededFuture(new Halt(partition, record.offset(), false));
    }
    return processor.process(record).otherwise(e -> {
      LOG.error("Unexpected failure on {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
      return Outcome.LATER;
    }).compose(outcome -> {
      if (outcome == Outcome.LATER) {
        return Future.succeededFuture(new Halt(partition, record.offset(), true));
      }
      handled.handled(partition, record.offset());
      return handle(partition, records, index + 1);
    });
  }
}
