package org.emporium.platform.events.consumer;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.net.ConnectException;

/**
 * Tells failures of the infrastructure from failures of an event: while PostgreSQL is unreachable
 * every event fails, and parking them all on the dead-letter topic would empty the stream into it.
 */
final class Failures {

  private Failures() {
  }

  /** True when the database could not be reached or is shutting down, whatever the event. */
  static boolean isInfrastructure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
        return true;
      }
      if (t instanceof DatabaseException database && database.getSqlState() != null) {
        String state = database.getSqlState();
        // 08: connection exception, 57P: operator intervention (shutdown), 53: insufficient resources
        return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
