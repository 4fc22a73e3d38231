package org.emporium.platform.clients;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.PostgresSettings.PgSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the data clients a verticle uses: a PostgreSQL pool per context (pipelined, prepared
 * statements cached, bounded wait queue, shared by all verticle instances of the node), Redis, and
 * Kafka client settings. Clients built inside a verticle close when it is undeployed.
 */
public final class Clients {

  private final NodeConfig config;

  public Clients(NodeConfig config) {
    this.config = config;
  }

  /** The PostgreSQL pool of one context (its own database if configured so). */
  public Pool postgres(Vertx vertx, String context) {
    PgSettings pg = config.postgres().forContext(context);
    return postgres(vertx, context, new PoolOptions()
        .setMaxSize(pg.poolSize())
        .setShared(true)
        .setName("pg-" + context + "-" + pg.serverKey()));
  }

  /** A small pool of its own, for the node's bookkeeping outside any verticle. */
  public Pool postgresUnshared(Vertx vertx, String context, int size) {
    return postgres(vertx, context, new PoolOptions().setMaxSize(size));
  }

  private Pool postgres(Vertx vertx, String context, PoolOptions pool) {
    PgSettings pg = config.postgres().forContext(context);
    PgConnectOptions connect = pgConnectOptions(pg, "emporium-" + context)
        .setPipeliningLimit(pg.pipeliningLimit())
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(pg.preparedStatementCacheSize());
    pool.setMaxWaitQueueSize(pg.waitQueueSize())
        .setConnectionTimeout((int) pg.connectTimeoutMs())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    return PgBuilder.pool()
        .with(pool)
        .with(new NetClientOptions().setConnectTimeout((int) pg.connectTimeoutMs()))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  /** Where and as whom to connect; also for connections of their own, such as LISTEN. */
  public static PgConnectOptions pgConnectOptions(PgSettings pg, String applicationName) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(pg.host())
        .setPort(pg.port())
        .setDatabase(pg.database())
        .setUser(pg.user())
        .addProperty("application_name", applicationName);
    if (pg.password() != null) {
      options.setPassword(pg.password());
    }
    return options;
  }

  public Redis redis(Vertx vertx) {
    NodeConfig.RedisSettings redis = config.redis();
    RedisOptions options = new RedisOptions()
        .setConnectionString("redis://" + redis.host() + ":" + redis.port())
        .setMaxPoolSize(redis.poolSize())
        .setMaxPoolWaiting(redis.waitQueueSize())
        .setMaxWaitingHandlers(redis.waitQueueSize());
    if (redis.password() != null) {
      options.setPassword(redis.password());
    }
    options.getNetClientOptions().setConnectTimeout((int) redis.timeoutMs());
    return Redis.createClient(vertx, options);
  }

  /** An idempotent producer of string keys and values (see {@link #kafkaProducerSettings}). */
  public KafkaProducer<String, String> kafkaProducer(Vertx vertx, String clientId) {
    return KafkaProducer.create(vertx, kafkaProducerSettings(clientId));
  }

  /** A consumer of string keys and values in the given group, committing by hand. */
  public KafkaConsumer<String, String> kafkaConsumer(Vertx vertx, String clientId, String groupId) {
    return KafkaConsumer.create(vertx, kafkaConsumerSettings(clientId, groupId));
  }

  /** Idempotent producer settings: {@code acks=all}, ordered per key, bounded waits. */
  public Map<String, String> kafkaProducerSettings(String clientId) {
    Map<String, String> settings = kafkaCommon(clientId);
    settings.put("acks", "all");
    settings.put("enable.idempotence", "true");
    settings.put("max.in.flight.requests.per.connection", "5");
    settings.put("delivery.timeout.ms", String.valueOf(Math.max(120_000, config.kafka().requestTimeoutMs() * 4)));
    settings.put("max.block.ms", String.valueOf(config.kafka().requestTimeoutMs()));
    settings.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    settings.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    return settings;
  }

  /** Consumer settings: manual commits after the effect, read committed. */
  public Map<String, String> kafkaConsumerSettings(String clientId, String groupId) {
    Map<String, String> settings = kafkaCommon(clientId);
    settings.put("group.id", groupId);
    settings.put("enable.auto.commit", "false");
    settings.put("auto.offset.reset", "earliest");
    settings.put("isolation.level", "read_committed");
    settings.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    settings.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    return settings;
  }

  public Map<String, String> kafkaCommon(String clientId) {
    Map<String, String> settings = new HashMap<>();
    settings.put("bootstrap.servers", config.kafka().bootstrapServers());
    settings.put("client.id", clientId);
    settings.put("request.timeout.ms", String.valueOf(config.kafka().requestTimeoutMs()));
    settings.put("default.api.timeout.ms", String.valueOf(config.kafka().requestTimeoutMs()));
    return settings;
  }
}
