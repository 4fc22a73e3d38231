package org.emporium.platform.clients;

import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.producer.RecordMetadata;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.embedded.EmbeddedServers;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's client factories against real PostgreSQL, Redis and Kafka servers. */
class ClientsTest {

  @TempDir
  static Path dir;
  static EmbeddedServers servers;
  static Vertx vertx;
  static Clients clients;

  @BeforeAll
  static void start() {
    servers = EmbeddedServers.start(new EmbeddedServers.Settings(dir, 0, 0, 0));
    EmbeddedServers.Endpoints e = servers.endpoints();
    // no password: the embedded server trusts loopback connections
    NodeConfig config = TestNode.config("external", dir, Map.of(
        "postgres.host", e.postgresHost(), "postgres.port", String.valueOf(e.postgresPort()),
        "postgres.user", e.postgresUser(), "postgres.database", e.postgresDatabase(),
        "redis.host", e.redisHost(), "redis.port", String.valueOf(e.redisPort()),
        "kafka.bootstrapServers", e.kafkaBootstrapServers()));
    assertThat(config.postgres().shared().password()).isNull();
    clients = new Clients(config);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    servers.stop();
  }

  @Test
  void postgresPoolRunsPipelinedPreparedStatements() throws Exception {
    Pool pool = clients.postgres(vertx, "platform");
    var statements = new java.util.ArrayList<io.vertx.core.Future<Integer>>();
    for (int i = 0; i < 50; i++) {
      statements.add(pool.preparedQuery("SELECT $1::int * 2 AS twice").execute(Tuple.of(i))
          .map(rows -> rows.iterator().next().getInteger("twice")));
    }
    List<Integer> results = io.vertx.core.Future.all(statements).await(10, TimeUnit.SECONDS).list();
    assertThat(results).hasSize(50).element(21).isEqualTo(42);
    Row app = pool.query("SELECT current_setting('application_name') AS name").execute()
        .await(5, TimeUnit.SECONDS).iterator().next();
    assertThat(app.getString("name")).isEqualTo("emporium-platform");
    pool.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void redisClientAnswers() throws Exception {
    Redis redis = clients.redis(vertx);
    redis.send(Request.cmd(Command.SET).arg("clients-test").arg("42")).await(5, TimeUnit.SECONDS);
    assertThat(redis.send(Request.cmd(Command.INCR).arg("clients-test")).await(5, TimeUnit.SECONDS).toInteger())
        .isEqualTo(43);
    redis.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void kafkaProducerAndConsumerRoundTripWithAcksAll() throws Exception {
    KafkaAdminClient admin = KafkaAdminClient.create(vertx, clients.kafkaCommon("clients-test-admin"));
    admin.createTopics(List.of(new NewTopic("clients.test.v1", 2, (short) 1))).await(10, TimeUnit.SECONDS);
    KafkaProducer<String, String> producer = clients.kafkaProducer(vertx, "clients-test-producer");
    RecordMetadata sent = producer.send(KafkaProducerRecord.create("clients.test.v1", "order-1", "{\"n\":1}"))
        .await(10, TimeUnit.SECONDS);
    assertThat(sent.getOffset()).isGreaterThanOrEqualTo(0);

    KafkaConsumer<String, String> consumer = clients.kafkaConsumer(vertx, "clients-test-consumer", "clients-test");
    CompletableFuture<KafkaConsumerRecord<String, String>> received = new CompletableFuture<>();
    consumer.handler(received::complete);
    consumer.subscribe("clients.test.v1").await(10, TimeUnit.SECONDS);
    KafkaConsumerRecord<String, String> record = received.get(30, TimeUnit.SECONDS);
    assertThat(record.key()).isEqualTo("order-1");
    assertThat(record.value()).isEqualTo("{\"n\":1}");
    assertThat(clients.kafkaProducerSettings("x")).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
    assertThat(clients.kafkaConsumerSettings("x", "g")).containsEntry("enable.auto.commit", "false");
    consumer.close().await(10, TimeUnit.SECONDS);
    producer.close().await(10, TimeUnit.SECONDS);
    admin.close().await(10, TimeUnit.SECONDS);
  }
}
