package org.emporium.reliability.hostile;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import org.emporium.testing.Eventually;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Hostile frames to the event-bus bridge over a raw websocket ({@code /eventbus/websocket}) and
 * hostile bodies to its SockJS HTTP transports. Per socket, the bridge must answer every bad frame
 * with an error frame or close the socket, deliver nothing it should not, and keep serving: the
 * same socket still gets a stock update it registers for afterwards, and so does a new one.
 */
final class BridgeFuzzer {

  private final HostileNode node;
  private final WebSocketClient sockets;
  private final Random random;

  BridgeFuzzer(HostileNode node, long seed) {
    this.node = node;
    this.sockets = node.vertx().createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 21));
    this.random = new Random(seed);
  }

  /** A socket and everything it received. */
  private final class Socket {
    final WebSocket socket;
    final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    volatile Short closedWith;

    Socket() {
      socket = HostileNode.await(sockets.connect(node.port(), "127.0.0.1", LIVE_PATH));
      socket.handler(frame -> frames.add(new JsonObject(frame.toString())));
      socket.closeHandler(v -> closedWith = socket.closeStatusCode() == null ? -1 : socket.closeStatusCode());
    }

    /** Registers a fresh stock address and publishes on it until the socket hears it; false if closed. */
    boolean stillServed() {
      if (closedWith != null) {
        return false;
      }
      String address = "emporium.stock.ALIVE-" + UUID.randomUUID().toString().substring(0, 8);
      String marker = UUID.randomUUID().toString();
      HostileNode.await(socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode()));
      Eventually.eventually(() -> {
        node.vertx().eventBus().publish(address, new JsonObject().put("marker", marker));
        return frames.stream().anyMatch(f -> address.equals(f.getString("address")));
      }, heard -> heard, Duration.ofSeconds(30));
      return true;
    }

    long errors() {
      return frames.stream().filter(f -> "err".equals(f.getString("type"))).count();
    }
  }

  private static final String LIVE_PATH = "/eventbus/websocket";

  /** Sends the frames and checks the answers; figures go to {@code tally}, with {@code errFrames} and {@code closed}. */
  Map<String, Object> run(Tally tally) {
    String marker = UUID.randomUUID().toString();
    List<String> reached = new CopyOnWriteArrayList<>();
    Handler<DeliveryContext<Object>> spy = context -> {
      if (String.valueOf(context.message().body()).contains(marker)) {
        reached.add(context.message().address());
      }
      context.next();
    };
    node.vertx().eventBus().addOutboundInterceptor(spy);
    long errFrames;
    int closed = 0;
    try {
      List<String> frames = BridgeFrames.of(node.world(), marker);
      Socket socket = new Socket();
      for (String frame : frames) {
        HostileNode.await(socket.socket.writeTextMessage(frame));
        tally.tried++;
      }
      byte[] garbage = new byte[200];
      random.nextBytes(garbage);
      HostileNode.await(socket.socket.writeBinaryMessage(Buffer.buffer(garbage)));
      tally.tried++;
      boolean served = socket.stillServed();
      // registrations with a token are decided after the token is checked: wait for the last answers
      Eventually.eventually(() -> List.of(socket.errors(), pause(300), socket.errors()),
          counts -> counts.get(0).equals(counts.get(2)), Duration.ofSeconds(30));
      errFrames = socket.errors();
      // every frame but the ping is wrong: each gets an error frame
      expect(tally, served, "the socket that got every bad frame was closed: " + socket.closedWith);
      if (errFrames < frames.size() - 1) {
        tally.noAnswer++;
        tally.finding("only " + errFrames + " error frames for " + (frames.size() + 1) + " bad frames; unanswered: "
            + unanswered(frames));
      }
      for (Supplier<Buffer> oversized : List.<Supplier<Buffer>>of(() -> Buffer.buffer("{\"type\": \"register\", "
          + "\"address\": \"" + "A".repeat(70_000) + "\"}"), () -> Buffer.buffer(new byte[200_000]))) {
        Socket big = new Socket();
        HostileNode.await(big.socket.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame(oversized.get().toString(),
            true)));
        tally.tried++;
        Eventually.eventually(() -> big.closedWith != null || big.errors() > 0, done -> done, Duration.ofSeconds(30));
        closed += big.closedWith != null ? 1 : 0;
      }
      tally.tried += tooManyRegistrations(tally);
      tally.rejected += (int) errFrames + closed;
      expect(tally, new Socket().stillServed(), "a new socket was not served after the hostile frames");
      httpTransports(tally);
    } finally {
      node.vertx().eventBus().removeOutboundInterceptor(spy);
    }
    if (!reached.isEmpty()) {
      tally.leaked += reached.size();
      tally.finding("frames sent over the bridge reached " + reached);
    }
    return Map.of("errFrames", errFrames, "closedSockets", closed);
  }

  /** The frames that get neither an error frame nor a closed socket, each tried on a socket of its own. */
  private List<String> unanswered(List<String> frames) {
    List<String> silent = new ArrayList<>();
    for (String frame : frames) {
      Socket socket = new Socket();
      HostileNode.await(socket.socket.writeTextMessage(frame));
      HostileNode.await(socket.socket.writeTextMessage("{\"type\": \"register\"}"));
      Eventually.eventually(() -> socket.frames.stream().anyMatch(f -> "missing_address".equals(f.getString("body"))),
          done -> done, Duration.ofSeconds(30));
      pause(300);
      boolean barrierOnly = socket.errors() < 2;
      if (barrierOnly && socket.closedWith == null && !frame.contains("ping")) {
        silent.add(frame.length() > 200 ? frame.substring(0, 200) + "..." : frame);
      }
      HostileNode.await(socket.socket.close());
    }
    return silent;
  }

  /** Registrations beyond {@code bridge.maxHandlersPerSocket} are refused; returns the frames sent. */
  private int tooManyRegistrations(Tally tally) {
    Socket socket = new Socket();
    int count = node.node().config().json().getJsonObject("bridge").getInteger("maxHandlersPerSocket") + 10;
    for (int i = 0; i < count; i++) {
      HostileNode.await(socket.socket.writeTextMessage(new JsonObject().put("type", "register")
          .put("address", "emporium.stock.MANY-" + i).encode()));
    }
    Eventually.eventually(socket::errors, n -> n >= 10 || socket.closedWith != null, Duration.ofSeconds(30));
    expect(tally, socket.errors() >= 10 || socket.closedWith != null, "registrations beyond the cap were not refused");
    HostileNode.await(socket.socket.close());
    return count;
  }

  /** SockJS's HTTP transports with hostile bodies: never a 5xx. */
  private void httpTransports(Tally tally) {
    String session = "/eventbus/" + (100 + random.nextInt(800)) + "/" + UUID.randomUUID().toString().substring(0, 8);
    // SockJS polling closes connections after an answer: one connection per request, none reused
    MultiMap json = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/plain").add("Connection", "close");
    List<String[]> requests = new ArrayList<>();
    requests.add(new String[] {"POST", session + "/xhr", ""});
    for (String body : List.of("not json", "[\"not a frame\"]", "[42]", "{}", "[\"{\\\"type\\\": 1}\"]",
        "[\"" + "x".repeat(70_000) + "\"]", "")) {
      requests.add(new String[] {"POST", session + "/xhr_send", body});
    }
    requests.add(new String[] {"POST", "/eventbus/1/nosuchsession/xhr_send", "[\"x\"]"});
    String jsonp = "/eventbus/" + (100 + random.nextInt(800)) + "/" + UUID.randomUUID().toString().substring(0, 8);
    requests.add(new String[] {"GET", jsonp + "/jsonp?c=callback", ""});
    requests.add(new String[] {"GET", jsonp + "/jsonp", ""});
    requests.add(new String[] {"GET", jsonp + "/htmlfile", ""});
    requests.add(new String[] {"GET", jsonp + "/htmlfile?c=%3Cscript%3E", ""});
    requests.add(new String[] {"GET", "/eventbus/iframe.html", ""});
    requests.add(new String[] {"GET", "/eventbus/iframe-%zz.html", ""});
    for (String body : List.of("d=not%20json", "d=", "x=1", "not form")) {
      requests.add(new String[] {"POST", jsonp + "/jsonp_send", body});
    }
    requests.add(new String[] {"GET", "/eventbus/info?cb=%zz", ""});
    requests.add(new String[] {"GET", "/eventbus/%zz/%/websocket", ""});
    requests.add(new String[] {"PUT", "/eventbus/info", "x"});
    for (String[] request : requests) {
      tally.tried++;
      io.vertx.core.Future<Integer> answer = node.send(HttpMethod.valueOf(request[0]), request[1], json,
          request[2].isEmpty() ? null : Buffer.buffer(request[2])).map(response -> response.statusCode());
      try {
        answer.await(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        tally.noAnswer++;
        tally.finding(request[0] + " " + request[1] + " with " + request[2].length() + " bytes got no answer: " + e);
        continue;
      }
      int status = answer.result();
      if (status >= 500) {
        tally.serverErrors++;
        tally.finding(request[0] + " " + request[1] + " with " + request[2].length() + " bytes answered " + status);
      } else if (status >= 400) {
        tally.rejected++;
      }
    }
  }

  private static long pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return millis;
  }

  private static void expect(Tally tally, boolean holds, String finding) {
    if (!holds) {
      tally.finding(finding);
      tally.noAnswer++;
    }
  }

  void close() {
    HostileNode.await(sockets.close());
  }
}
