package org.emporium.testing;

import java.util.function.Supplier;

/**
 * The node (or group of nodes) that a package's test classes share, one at a time: asking for
 * another closes the one running, so a test run never holds more than one shared node with its
 * own PostgreSQL, Redis, Kafka and verticles. Test classes run one after the other, a package's
 * together, so each shared node starts about once. The last one stops when the JVM ends.
 */
public final class SharedNodes {

  private static String running;
  private static AutoCloseable node;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(SharedNodes::closeRunning));
  }

  private SharedNodes() {
  }

  /** The shared node named {@code name}, started with {@code start} unless it is the one running. */
  @SuppressWarnings("unchecked")
  public static synchronized <T extends AutoCloseable> T get(String name, Supplier<T> start) {
    if (name.equals(running)) {
      return (T) node;
    }
    closeRunning();
    T started = start.get();
    running = name;
    node = started;
    return started;
  }

  private static synchronized void closeRunning() {
    if (node != null) {
      try {
        node.close();
      } catch (Exception e) {
        System.err.println("Closing the shared test node " + running + " failed: " + e);
      }
      node = null;
      running = null;
    }
  }
}
