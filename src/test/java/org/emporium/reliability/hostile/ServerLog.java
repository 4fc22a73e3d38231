package org.emporium.reliability.hostile;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's log as hostile input leaves it: failures it did not expect (an unhandled exception,
 * an "unexpected failure" behind a 500) are defects even when the client got a proper answer,
 * and a log an attacker can fill with stack traces is one too. Attach after the node has started
 * (its start configures the logging afresh).
 */
final class ServerLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private static final List<String> UNEXPECTED = List.of("Unhandled exception", "Unexpected failure");

  private final List<String> failures = new CopyOnWriteArrayList<>();

  static ServerLog attach() {
    ServerLog log = new ServerLog();
    log.setName("hostile-input");
    log.start();
    root().addAppender(log);
    return log;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(Level.ERROR) && UNEXPECTED.stream().anyMatch(event.getFormattedMessage()::startsWith)) {
      String cause = event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getClassName() + ": "
          + event.getThrowableProxy().getMessage();
      failures.add(event.getLoggerName() + " " + event.getFormattedMessage() + cause
          + (event.getMDCPropertyMap().isEmpty() ? "" : " " + event.getMDCPropertyMap()));
    }
  }

  /** The unexpected failures logged so far, and forgets them. */
  List<String> drain() {
    List<String> seen = List.copyOf(failures);
    failures.clear();
    return seen;
  }

  @Override
  public void close() {
    root().detachAppender(this);
    stop();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
