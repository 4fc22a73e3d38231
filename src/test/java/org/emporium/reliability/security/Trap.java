package org.emporium.reliability.security;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.emporium.reliability.hostile.HostileNode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HTTP server an attacker would point the node at: it answers nothing useful and records every request. */
final class Trap implements AutoCloseable {

  private final HttpServer server;
  private final List<String> hits = new CopyOnWriteArrayList<>();

  Trap(Vertx vertx) {
    server = vertx.createHttpServer().requestHandler(request -> {
      hits.add(request.method() + " " + request.uri());
      request.response().putHeader("Content-Type", "application/json").end("{\"keys\": []}");
    });
    HostileNode.await(server.listen(0, "127.0.0.1"));
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  List<String> hits() {
    return List.copyOf(hits);
  }

  @Override
  public void close() {
    HostileNode.await(server.close());
  }
}
