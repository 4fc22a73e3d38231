package org.emporium.platform.events.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.consumer.TestTopics;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.testing.BackboneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.platform.events.consumer.TestTopics.await;

/** Selected events reach the event-bus address their route names; the others stay off the bus. */
class LiveEventsTest {

  private static final String TOPIC = "ordering.order.v1";
  private static final String PLACED = "emporium.ordering.order.placed.v1";

  @TempDir
  static Path dir;
  static BackboneFixture fixture;
  static Vertx vertx;
  static TestTopics kafka;
  static Outbox ordering;

  @BeforeAll
  static void start() throws Exception {
    fixture = BackboneFixture.start(dir, Map.of("events.consumer.pollTimeoutMs", "100"), "livetest");
    vertx = Vertx.vertx();
    kafka = new TestTopics(fixture.kafkaBootstrapServers());
    kafka.create(TOPIC, 1);
    ordering = new Outbox("ordering", "eu-1", new TimeOrderedIds(Clock.systemUTC()), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
    vertx.close().await(10, TimeUnit.SECONDS);
    fixture.close();
  }

  private static CloudEvent order(String name, String orderId, String customerId) {
    return ordering.envelope(OutboxEvent.of("order", orderId, name, new JsonObject().put("customerId", customerId)));
  }

  @Test
  void aSelectedEventIsPublishedOnItsAddressAndOthersAreNot() throws Exception {
    List<JsonObject> customer1 = new CopyOnWriteArrayList<>();
    List<JsonObject> customer2 = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer("emporium.orders.c-1", message -> customer1.add(message.body()))
        .completion().await(10, TimeUnit.SECONDS);
    vertx.eventBus().<JsonObject>consumer("emporium.orders.c-2", message -> customer2.add(message.body()))
        .completion().await(10, TimeUnit.SECONDS);
    LiveEvents live = LiveEvents.builder(vertx, fixture.config(), fixture.clients())
        .name("orders").topics(TOPIC)
        .route(LiveRoute.forTypes(Set.of(PLACED), event -> "emporium.orders." + event.data().getString("customerId")))
        .build();
    live.start().await(20, TimeUnit.SECONDS);

    // a new group starts at the newest event: publish until the feed is there to see one
    AtomicInteger checks = new AtomicInteger();
    await("the feed is live", () -> {
      if (checks.getAndIncrement() % 25 == 0) {
        kafka.publish(TOPIC, order("order.placed", "o-warm", "c-1"));
      }
      return !customer1.isEmpty();
    });
    CloudEvent unselected = order("order.noted", "o-2", "c-2");
    CloudEvent selected = order("order.placed", "o-1", "c-1");
    kafka.publish(TOPIC, unselected);
    kafka.publish(TOPIC, selected);
    await("the selected event arrives", () -> customer1.stream().anyMatch(m -> m.getString("id").equals(selected.id())));
    long end = kafka.endOffset(new TopicPartition(TOPIC, 0));
    await("the offsets are committed", () -> kafka.committed("live.orders", new TopicPartition(TOPIC, 0)) == end);
    live.stop().await(20, TimeUnit.SECONDS);

    JsonObject message = customer1.get(customer1.size() - 1);
    assertThat(message).isEqualTo(selected.toJson());
    assertThat(message.getString("type")).isEqualTo(PLACED);
    assertThat(message.getString("subject")).isEqualTo("o-1");
    assertThat(customer2).as("an unselected event, though read before the selected one").isEmpty();
  }
}
