package org.emporium.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sets up logging once per process: JSON lines (default) or readable console text. */
public final class Logging {

  static final String NODE_ID = "nodeId";
  static final String REGION = "region";

  private Logging() {
  }

  /** Routes every library's logging (JUL, Hazelcast, Vert.x) through SLF4J and Logback. */
  public static void routeLibraries() {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    System.setProperty("hazelcast.logging.type", "slf4j");
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  public static void configure(String format, String level, String region) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    context.putProperty(REGION, region);
    context.putProperty(NODE_ID, "-");
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(format.equals("console") ? pattern(context) : json(context));
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(console);
    quiet(context, "org.apache.kafka", Level.WARN);
    quiet(context, "kafka", Level.WARN);
    quiet(context, "state.change.logger", Level.WARN);
    quiet(context, "org.apache.zookeeper", Level.WARN);
    quiet(context, "com.hazelcast", Level.WARN);
    quiet(context, "liquibase", Level.WARN);
    quiet(context, "io.zonky", Level.WARN);
    quiet(context, "com.hazelcast.internal.cluster.ClusterService", Level.INFO);
    // expected on every start: CP subsystem unused, a fresh KRaft log, gauges shared by clients
    quiet(context, "com.hazelcast.cp.CPSubsystem", Level.ERROR);
    quiet(context, "org.apache.kafka.controller.QuorumController", Level.ERROR);
    quiet(context, "io.micrometer.core.instrument.MeterRegistry", Level.ERROR);
  }

  /** Puts the cluster node id on every following log line. */
  public static void nodeId(String nodeId) {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).putProperty(NODE_ID, nodeId);
  }

  private static void quiet(LoggerContext context, String logger, Level level) {
    context.getLogger(logger).setLevel(level);
  }

  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    JsonLineLayout layout = new JsonLineLayout();
    layout.setContext(context);
    layout.start();
    encoder.setLayout(layout);
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> pattern(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} %msg%n%ex{short}");
    encoder.start();
    return encoder;
  }
}
