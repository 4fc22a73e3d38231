package org.emporium.platform.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.testing.BackboneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events are written with the state change, in the same transaction, or not at all. */
class TransactionTest {

  @TempDir
  static Path dir;
  static BackboneFixture fixture;
  static Vertx vertx;
  static Pool pool;
  static Outbox outbox;

  @BeforeAll
  static void start() throws Exception {
    fixture = BackboneFixture.start(dir, "txtest");
    vertx = Vertx.vertx();
    pool = fixture.clients().postgres(vertx, "txtest");
    pool.query("CREATE TABLE txtest.thing (id text PRIMARY KEY)").execute().await(10, TimeUnit.SECONDS);
    outbox = new Outbox("txtest", "eu-1", new TimeOrderedIds(Clock.systemUTC()), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    fixture.close();
  }

  private static List<Row> outboxRows(String aggregateId) throws Exception {
    List<Row> rows = new ArrayList<>();
    pool.preparedQuery("SELECT * FROM txtest.outbox WHERE aggregate_id = $1 ORDER BY id")
        .execute(io.vertx.sqlclient.Tuple.of(aggregateId)).await(10, TimeUnit.SECONDS).forEach(rows::add);
    return rows;
  }

  @Test
  void committedWorkWritesItsEventsAsCloudEvents() throws Exception {
    Transaction.run(pool, outbox, tx -> tx.connection().query("INSERT INTO txtest.thing VALUES ('a-1')").execute()
        .onSuccess(v -> tx.publish(OutboxEvent.of("thing", "a-1", "thing.created", new JsonObject().put("n", 1)))
            .publish(OutboxEvent.of("thing", "a-1", "thing.renamed", new JsonObject().put("n", 2))))
        .mapEmpty()).await(10, TimeUnit.SECONDS);

    List<Row> rows = outboxRows("a-1");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString("topic")).isEqualTo("txtest.thing.v1");
    assertThat(rows.get(0).getValue("published_at")).isNull();
    CloudEvent first = CloudEvent.fromJson(rows.get(0).getString("envelope"));
    CloudEvent second = CloudEvent.fromJson(rows.get(1).getString("envelope"));
    assertThat(first.type()).isEqualTo("emporium.txtest.thing.created.v1");
    assertThat(second.type()).isEqualTo("emporium.txtest.thing.renamed.v1");
    assertThat(first.subject()).isEqualTo("a-1");
    assertThat(first.source()).isEqualTo("/emporium/eu-1/txtest");
    assertThat(first.region()).isEqualTo("eu-1");
    assertThat(first.schemaVersion()).isEqualTo(1);
    assertThat(first.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(first.data().getInteger("n")).isEqualTo(1);
    assertThat(first.id()).isEqualTo(rows.get(0).getUUID("id").toString());
    assertThat(first.id().compareTo(second.id())).as("time-ordered ids").isNegative();
  }

  @Test
  void failedWorkRollsBackItsEventsWithIt() throws Exception {
    Future<Object> failed = Transaction.run(pool, outbox, tx -> tx.connection()
        .query("INSERT INTO txtest.thing VALUES ('b-1')").execute()
        .compose(v -> {
          tx.publish(OutboxEvent.of("thing", "b-1", "thing.created", new JsonObject()));
          return Future.failedFuture(new IllegalStateException("rule broken"));
        }));
    assertThatThrownBy(() -> failed.await(10, TimeUnit.SECONDS)).hasMessageContaining("rule broken");
    assertThat(outboxRows("b-1")).isEmpty();
    assertThat(pool.query("SELECT count(*) FROM txtest.thing WHERE id = 'b-1'").execute()
        .await(10, TimeUnit.SECONDS).iterator().next().getLong(0)).isZero();
  }

  @Test
  void aFailingStatementAfterPublishingRollsBackToo() throws Exception {
    pool.query("INSERT INTO txtest.thing VALUES ('c-1')").execute().await(10, TimeUnit.SECONDS);
    Future<Void> duplicate = Transaction.run(pool, outbox, tx -> {
      tx.publish(OutboxEvent.of("thing", "c-1", "thing.created", new JsonObject()));
      return tx.connection().query("INSERT INTO txtest.thing VALUES ('c-1')").execute().mapEmpty();
    });
    assertThatThrownBy(() -> duplicate.await(10, TimeUnit.SECONDS)).hasMessageContaining("duplicate key");
    assertThat(outboxRows("c-1")).isEmpty();
  }

  @Test
  void badEventNamesAreRefusedBeforeAnythingIsWritten() {
    assertThatThrownBy(() -> OutboxEvent.of("Thing Two", "x", "thing.created", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutboxEvent.of("thing", "x", "Created!", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
