package org.emporium.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.eventbus.RequestIds;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineLayoutTest {

  private static JsonLineLayout layout() {
    LoggerContext context = new LoggerContext();
    context.putProperty(Logging.NODE_ID, "node-1");
    context.putProperty(Logging.REGION, "eu-1");
    JsonLineLayout layout = new JsonLineLayout();
    layout.setContext(context);
    layout.start();
    return layout;
  }

  private static LoggingEvent event(String message, Throwable error) {
    LoggerContext context = new LoggerContext();
    return new LoggingEvent("x", context.getLogger("org.emporium.Some"), Level.WARN, message, error, null);
  }

  @Test
  void oneJsonObjectPerLineWithTheNodeAndRegion() {
    String line = layout().doLayout(event("stock low for \"SKU\"\nsecond line", null));
    assertThat(line).endsWith(System.lineSeparator());
    assertThat(line.strip()).doesNotContain("\n");
    JsonObject json = new JsonObject(line);
    assertThat(json.getString("level")).isEqualTo("WARN");
    assertThat(json.getString("logger")).isEqualTo("org.emporium.Some");
    assertThat(json.getString("message")).isEqualTo("stock low for \"SKU\"\nsecond line");
    assertThat(json.getString("nodeId")).isEqualTo("node-1");
    assertThat(json.getString("region")).isEqualTo("eu-1");
    assertThat(json.getString("time")).endsWith("Z");
    assertThat(json.containsKey("requestId")).isFalse();
  }

  @Test
  void carriesTheRequestIdOfTheVertxContextItRunsIn() throws Exception {
    RequestIds.register();
    Vertx vertx = Vertx.vertx();
    try {
      JsonLineLayout layout = layout();
      ContextInternal request = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
      Promise<String> logged = Promise.promise();
      request.runOnContext(v -> {
        RequestIds.bind(Vertx.currentContext(), "req-42");
        // a later step of the same request still carries the id
        vertx.timer(1).onComplete(t -> logged.complete(layout.doLayout(event("hello", null))));
      });
      String line = logged.future().await(5, TimeUnit.SECONDS);
      assertThat(new JsonObject(line).getString("requestId")).isEqualTo("req-42");
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void errorsKeepTheirStackInTheLogLine() {
    String line = layout().doLayout(event("failed", new IllegalStateException("boom")));
    assertThat(new JsonObject(line).getString("error")).contains("IllegalStateException: boom");
  }
}
