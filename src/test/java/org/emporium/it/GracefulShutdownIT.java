package org.emporium.it;

import org.emporium.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a process: it becomes ready, and on SIGTERM lets requests in flight finish,
 * then exits with status 0.
 */
class GracefulShutdownIT {

  @TempDir
  Path dataDir;

  @Test
  void sigtermDrainsRequestsInFlightThenExitsZero() throws Exception {
    try (NodeProcess node = NodeProcess.start(dataDir, TestNode.freePort(), TestNode.freePort())) {
      Duration ready = node.awaitReady(Duration.ofSeconds(90));
      System.out.println("start-to-ready: " + ready.toMillis() + " ms");

      // Requests in flight: headers and half a body sent, the rest follows after SIGTERM.
      String body = "{\"email\": \"drain@emporium.example\", \"password\": \"correct horse battery\"}";
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Socket socket = new Socket("127.0.0.1", node.httpPort());
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + body.length() + "\r\nX-Request-Id: drain-" + i + "\r\n\r\n"
            + body.substring(0, 20)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        sockets.add(socket);
      }
      Thread.sleep(300);

      long signalled = System.nanoTime();
      node.process().destroy(); // SIGTERM
      Thread.sleep(1_000);
      assertThat(node.process().isAlive()).as("the node waits for requests in flight").isTrue();

      for (Socket socket : sockets) {
        socket.getOutputStream().write(body.substring(20).getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String status = in.readLine();
        // The request completes with a real answer (no context serves logins in this build: 503).
        assertThat(status).startsWith("HTTP/1.1 ").doesNotContain(" 500 ");
        String line;
        boolean echoed = false;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
          echoed |= line.toLowerCase().startsWith("x-request-id: drain-");
        }
        assertThat(echoed).isTrue();
        socket.close();
      }

      assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).as("exits after draining").isTrue();
      System.out.println("SIGTERM-to-exit: " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled) + " ms");
      assertThat(node.process().exitValue()).as("exit status\n" + node.log()).isZero();
      assertThat(node.log()).contains("Node stopped");
    }
  }
}
