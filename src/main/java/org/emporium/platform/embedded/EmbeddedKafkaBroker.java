package org.emporium.platform.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) running inside this JVM, its
 * logs and metadata in one data directory that is formatted on first use and reused after.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;
  private static final String CONTROLLER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final int port;

  private EmbeddedKafkaBroker(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts the broker on {@code port} on 127.0.0.1 (0 picks a free port; the controller always
   * takes a free one) and returns once it is unfenced and serving clients.
   */
  public static EmbeddedKafkaBroker start(Path directory, int port) {
    return start(directory, port, 0);
  }

  /** As {@link #start(Path, int)}, with the controller on {@code controllerPort} (0 picks a free one). */
  static EmbeddedKafkaBroker start(Path directory, int port, int controller) {
    long begin = System.nanoTime();
    int[] free = FreePorts.pick(2);
    int brokerPort = port == 0 ? free[0] : port;
    int controllerPort = controller != 0 ? controller : free[0] != brokerPort ? free[0] : free[1];
    String logDir = directory.toAbsolutePath().toString();
    try {
      Files.createDirectories(directory);
      KafkaConfig config = new KafkaConfig(settings(logDir, brokerPort, controllerPort), false);
      if (!Files.exists(directory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
        format(logDir);
      }
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      try {
        server.startup();
      } catch (RuntimeException e) {
        server.shutdown();
        server.awaitShutdown();
        throw e;
      }
      LOG.info("Embedded Kafka listening on {}:{} (controller on port {}, data {}), started in {} ms",
          HOST, brokerPort, controllerPort, directory,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      return new EmbeddedKafkaBroker(server, brokerPort);
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded Kafka did not start on " + directory, e);
    }
  }

  private static Map<String, String> settings(String logDir, int brokerPort, int controllerPort) {
    Map<String, String> settings = new TreeMap<>();
    settings.put("process.roles", "broker,controller");
    settings.put("node.id", Integer.toString(NODE_ID));
    // a static voter set: it is read from here at every start, so the controller port may change
    settings.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    settings.put("controller.listener.names", CONTROLLER);
    settings.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER + "://"
        + HOST + ":" + controllerPort);
    settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
    settings.put("inter.broker.listener.name", "PLAINTEXT");
    settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    settings.put("log.dirs", logDir);
    settings.put("metadata.log.dir", logDir);
    // one node: internal topics cannot have more replicas than brokers
    settings.put("offsets.topic.replication.factor", "1");
    settings.put("transaction.state.log.replication.factor", "1");
    settings.put("transaction.state.log.min.isr", "1");
    settings.put("min.insync.replicas", "1");
    settings.put("default.replication.factor", "1");
    settings.put("group.initial.rebalance.delay.ms", "0");
    // after a killed run the controller refuses the new broker incarnation until the old one's
    // session expires (9 s by default); heartbeats stay in this JVM, so a short session is safe
    settings.put("broker.session.timeout.ms", "3000");
    settings.put("broker.heartbeat.interval.ms", "500");
    // topics are created on purpose, with their partitions, never by a typo in a consumer
    settings.put("auto.create.topics.enable", "false");
    // the cleaner allocates this buffer up front, 128 MB by default: too much for a dev node's heap
    settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    return settings;
  }

  /** What {@code kafka-storage.sh format} does: meta.properties and the bootstrap metadata. */
  private static void format(String logDir) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      new Formatter()
          .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName(CONTROLLER)
          .setMetadataLogDirectory(logDir)
          .addDirectory(logDir)
          .run();
      LOG.info("Formatted Kafka storage: {}", output.toString(StandardCharsets.UTF_8).strip());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format Kafka storage in " + logDir + ": "
          + output.toString(StandardCharsets.UTF_8).strip(), e);
    }
  }

  /** The address clients bootstrap from, {@code 127.0.0.1:port}. */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  /** Controlled shutdown: the broker then the controller stop, logs flushed and closed cleanly. */
  public void stop() {
    long begin = System.nanoTime();
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Embedded Kafka on port {} stopped in {} ms", port,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
  }

  @Override
  public void close() {
    stop();
  }
}
