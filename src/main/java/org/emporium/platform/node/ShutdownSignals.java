package org.emporium.platform.node;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM and SIGINT stop the node gracefully and exit 0. Signal handlers (not shutdown hooks)
 * are used so the exit status reports a clean stop rather than death by signal.
 */
public final class ShutdownSignals {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {
  }

  public static void install(Node node) {
    AtomicBoolean stopping = new AtomicBoolean();
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), signal -> {
        if (!stopping.compareAndSet(false, true)) {
          return;
        }
        Thread stopper = new Thread(() -> {
          LOG.info("SIG{} received: stopping", signal.getName());
          node.stop();
          System.exit(0);
        }, "emporium-shutdown");
        // the signal dispatcher is a daemon thread, and so would be its child: once the last other
        // thread ends, the JVM would exit half-way through the stop (embedded PostgreSQL left running)
        stopper.setDaemon(false);
        stopper.start();
      });
    }
  }
}
