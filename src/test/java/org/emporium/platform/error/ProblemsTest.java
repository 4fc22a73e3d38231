package org.emporium.platform.error;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.platform.error.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

  @Test
  void problemJsonHasTheRfc9457Members() {
    Problem problem = Problem.invalid("Bad quantity", List.of(new FieldError("/quantity", "must be >= 1")));
    JsonObject json = problem.toJson("/api/v1/carts/1/items", "req-1");
    assertThat(json.getString("type")).isEqualTo("/problems/bad-request");
    assertThat(json.getString("title")).isEqualTo("Bad request");
    assertThat(json.getInteger("status")).isEqualTo(400);
    assertThat(json.getString("detail")).isEqualTo("Bad quantity");
    assertThat(json.getString("instance")).isEqualTo("/api/v1/carts/1/items");
    assertThat(json.getString("requestId")).isEqualTo("req-1");
    assertThat(json.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/quantity");
  }

  @Test
  void aProblemSurvivesTheEventBus() {
    Problem sent = Problem.of(ErrorCode.CONFLICT, "Stock changed");
    ReplyException failure = new ReplyException(ReplyFailure.RECIPIENT_FAILURE, sent.status(), sent.toJson().encode());
    Problem received = Problems.from(failure);
    assertThat(received.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(received.detail()).isEqualTo("Stock changed");
  }

  @Test
  void eventBusDeliveryFailuresMapToUnavailableAndTimeout() {
    assertThat(Problems.from(new ReplyException(ReplyFailure.NO_HANDLERS, "no handlers")).status()).isEqualTo(503);
    assertThat(Problems.from(new ReplyException(ReplyFailure.TIMEOUT, "timeout")).status()).isEqualTo(504);
  }

  @Test
  void aFullConnectionPoolOrAWaitThatTimedOutIsUnavailableNotAnInternalError() {
    Problem busy = Problems.from(new io.vertx.core.http.ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 32"));
    Problem waited = Problems.from(new io.vertx.core.impl.NoStackTraceTimeoutException("Timeout waiting for connection"));
    assertThat(busy.status()).isEqualTo(503);
    assertThat(waited.status()).isEqualTo(503);
    assertThat(busy.toJson().encode()).doesNotContain("max wait queue");
  }

  @Test
  void aLostDatabaseOrServerConnectionIsUnavailableNotAnInternalError() {
    List<Throwable> outages = List.of(io.vertx.sqlclient.ClosedConnectionException.INSTANCE,
        new io.vertx.pgclient.PgException("the database system is shutting down", "FATAL", "57P03", null),
        new io.vertx.pgclient.PgException("terminating connection due to administrator command", "FATAL", "57P01", null),
        new io.vertx.pgclient.PgException("connection failure", "FATAL", "08006", null),
        new java.net.ConnectException("Connection refused: /127.0.0.1:5432"),
        new java.net.SocketException("Connection reset"));
    for (Throwable outage : outages) {
      Problem problem = Problems.from(outage);
      assertThat(problem.status()).as(outage.toString()).isEqualTo(503);
      assertThat(problem.toJson().encode()).doesNotContain("5432").doesNotContain("57P0");
    }
    // a statement the database refused is a bug of ours, not an outage
    assertThat(Problems.from(new io.vertx.pgclient.PgException("duplicate key", "ERROR", "23505", null)).status())
        .isEqualTo(500);
  }

  @Test
  void theSqlPoolsOwnWaitTimeoutsAreUnavailable() {
    // what vertx-sql-client 5's pool fails a request with when no connection frees up in time
    Problem waited = Problems.from(new io.vertx.core.VertxException("Timeout waiting for connection", true));
    Problem queued = Problems.from(new io.vertx.core.impl.NoStackTraceThrowable("Timeout"));
    assertThat(waited.status()).isEqualTo(503);
    assertThat(queued.status()).isEqualTo(503);
  }

  @Test
  void unknownFailuresAreInternalAndSayNothingOfTheirCause() {
    Problem problem = Problems.from(new NullPointerException("secret.internal.Field was null"));
    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.toJson().encode()).doesNotContain("secret").doesNotContain("NullPointer");
  }

  @Test
  void webAndDecodeFailuresMapToTheirStatus() {
    assertThat(Problems.from(new HttpException(413)).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    assertThat(Problems.from(new HttpException(415)).code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertThat(Problems.from(new DecodeException("bad")).code()).isEqualTo(ErrorCode.BAD_REQUEST);
  }

  @Test
  void everyCodeHasAGrpcStatus() {
    assertThat(ErrorCode.NOT_FOUND.grpcStatus()).isEqualTo(GrpcStatus.NOT_FOUND);
    assertThat(ErrorCode.FORBIDDEN.grpcStatus()).isEqualTo(GrpcStatus.PERMISSION_DENIED);
    assertThat(Problems.grpcStatus(Problem.of(ErrorCode.TOO_MANY_REQUESTS, null).toException()))
        .isEqualTo(GrpcStatus.RESOURCE_EXHAUSTED);
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(code.grpcStatus()).isNotEqualTo(GrpcStatus.OK);
      assertThat(ErrorCode.ofStatus(code.status())).isEqualTo(code);
    }
  }
}
