package org.emporium.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks free TCP ports on the loopback interface for servers that cannot bind port 0 themselves. */
final class FreePorts {

  private FreePorts() {
  }

  /**
   * Returns {@code count} distinct free ports. The sockets stay open until all are picked, so the
   * system cannot hand out the same port twice; another process may still take one before the
   * server binds it, which on a single development machine is rare enough to accept.
   */
  static int[] pick(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on the loopback interface", e);
    } finally {
      sockets.forEach(FreePorts::closeQuietly);
    }
  }

  /**
   * The given ports, each 0 replaced by a free port: all distinct from one another and from the
   * given ones, picked together.
   */
  static int[] assign(int... wanted) {
    int[] ports = wanted.clone();
    int[] free = pick(2 * ports.length);
    int next = 0;
    for (int i = 0; i < ports.length; i++) {
      if (ports[i] == 0) {
        while (contains(wanted, free[next])) {
          next++; // a free port that happens to be one asked for explicitly
        }
        ports[i] = free[next++];
      }
    }
    return ports;
  }

  private static boolean contains(int[] ports, int port) {
    for (int candidate : ports) {
      if (candidate == port) {
        return true;
      }
    }
    return false;
  }

  /** The given port, or a free one when it is 0. */
  static int orFree(int port) {
    return port == 0 ? pick(1)[0] : port;
  }

  /** Fails at once if {@code port} cannot be bound on the loopback interface. */
  static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("Port " + port + " on the loopback interface is in use", e);
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the port was only probed
    }
  }
}
