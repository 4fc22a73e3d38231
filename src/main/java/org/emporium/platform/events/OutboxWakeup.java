package org.emporium.platform.events;

import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes the relays after commits with {@code pg_notify}, coalesced: at most one notification of an
 * outbox is in flight from this node, and commits during it are covered by one more. NOTIFY takes
 * a global lock at commit, so sending it inside every transaction would serialise all commits;
 * sent apart, it costs a notification per round trip instead of per transaction. If the node dies
 * between a commit and its notification, the relays' polling finds the rows.
 */
final class OutboxWakeup {

  private final String context;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private final AtomicBoolean pending = new AtomicBoolean();

  OutboxWakeup(String context) {
    this.context = context;
  }

  void committed(SqlClient client) {
    pending.set(true);
    if (inFlight.compareAndSet(false, true)) {
      send(client);
    }
  }

  private void send(SqlClient client) {
    pending.set(false);
    client.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(Outbox.CHANNEL, context))
        .onComplete(done -> {
          inFlight.set(false);
          if (pending.get() && inFlight.compareAndSet(false, true)) {
            send(client);
          }
        });
  }
}
