package org.emporium.edge.pipeline;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StepTest {

  private Vertx vertx;
  private HttpServer server;
  private HttpClientAgent client;
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    Step later = (rc, next) -> vertx.setTimer(1, id -> next.run()); // like a Redis or token check
    router.get("/chain/:id").handler(Step.chain(List.of(
        (rc, next) -> {
          ran.add("first " + rc.pathParam("id"));
          next.run();
        },
        later,
        (rc, next) -> {
          ran.add("second");
          if ("throw".equals(rc.pathParam("id"))) {
            throw new IllegalArgumentException("unreadable");
          }
          if ("fail".equals(rc.pathParam("id"))) {
            rc.fail(409);
            return;
          }
          next.run();
        },
        (rc, next) -> {
          ran.add("last");
          rc.response().end("done");
        })));
    router.route().failureHandler(rc -> rc.response().setStatusCode(rc.failure() instanceof IllegalArgumentException
        ? 400 : rc.statusCode()).end("failed"));
    server = vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS);
    client = vertx.createHttpClient();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void runsTheStepsInOrderAcrossCallbacks() throws Exception {
    assertThat(get("/chain/a")).isEqualTo("200 done");
    assertThat(ran).containsExactly("first a", "second", "last");
  }

  @Test
  void aStageThatFailsStopsTheChain() throws Exception {
    assertThat(get("/chain/fail")).isEqualTo("409 failed");
    assertThat(ran).containsExactly("first fail", "second");
  }

  @Test
  void aStageThatThrowsInACallbackFailsTheRequestInsteadOfLeavingItUnanswered() throws Exception {
    assertThat(get("/chain/throw")).isEqualTo("400 failed");
    assertThat(ran).containsExactly("first throw", "second");
  }

  private String get(String path) throws Exception {
    return client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", path)
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> response.statusCode() + " " + body))
        .await(10, TimeUnit.SECONDS);
  }
}
