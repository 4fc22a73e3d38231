package org.emporium.platform.error;

import io.vertx.core.VertxException;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The one place where failures of any origin become a {@link Problem}, and problems become
 * event-bus failures. Unknown failures are logged here and reported without internals.
 */
public final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  /**
   * SQLSTATEs of values PostgreSQL cannot store (text with a NUL character or an unpaired escape in
   * JSON, text longer than its column, a number out of range, text that is no such value): the
   * input's fault.
   */
  private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05", "22001", "22003", "22P02");

  private Problems() {
  }

  public static Problem from(Throwable failure) {
    if (failure instanceof ProblemException p) {
      return p.problem();
    }
    if (failure instanceof ReplyException reply) {
      return fromReply(reply);
    }
    if (failure instanceof HttpException http) {
      return Problem.of(ErrorCode.ofStatus(http.getStatusCode()), safeDetail(http));
    }
    if (failure instanceof DecodeException) {
      return Problem.of(ErrorCode.BAD_REQUEST, "The body is not valid JSON.");
    }
    if (failure instanceof IllegalArgumentException e && e.getMessage() != null) {
      return Problem.of(ErrorCode.BAD_REQUEST, e.getMessage());
    }
    if (failure instanceof DatabaseException db && UNSTORABLE_TEXT.contains(db.getSqlState())) {
      return Problem.of(ErrorCode.BAD_REQUEST, "The request holds a value that cannot be stored: text with a NUL character, or out of range.");
    }
    if (failure instanceof ConnectionPoolTooBusyException || failure instanceof TimeoutException
        || poolWaitTimedOut(failure)) {
      // overload or a slow dependency, not a bug: a stack trace per refused request would only add to it
      LOG.warn("Unavailable: {}", failure.toString());
      return Problem.of(ErrorCode.UNAVAILABLE, failure instanceof TimeoutException
          ? "A service this request needs did not answer in time; try again shortly."
          : "The service is too busy right now; try again shortly.");
    }
    if (lostConnection(failure)) {
      // a database or server that went away (restart, failover): the request may be repeated
      LOG.warn("Unavailable: {}", failure.toString());
      return Problem.of(ErrorCode.UNAVAILABLE, "A service this request needs cannot be reached right now; try again shortly.");
    }
    LOG.error("Unexpected failure", failure);
    return Problem.of(ErrorCode.INTERNAL, "An unexpected error occurred.");
  }

  /**
   * The SQL pool's own timeouts of a request waiting for a connection: it fails them with these
   * plain exceptions, not with a {@link TimeoutException}.
   */
  private static boolean poolWaitTimedOut(Throwable failure) {
    String message = failure.getMessage();
    return failure instanceof VertxException && "Timeout waiting for connection".equals(message)
        || failure instanceof NoStackTraceThrowable && "Timeout".equals(message);
  }

  /**
   * A connection refused, reset or closed under the request, or PostgreSQL's SQLSTATE classes 08
   * (connection exception) and 57P (shutting down, starting up, ...).
   */
  private static boolean lostConnection(Throwable failure) {
    if (failure instanceof ClosedConnectionException || failure instanceof SocketException) {
      return true;
    }
    String state = failure instanceof DatabaseException database ? database.getSqlState() : null;
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /** Replies to an event-bus request with a failure whose code is the HTTP status. */
  public static void fail(Message<?> message, Throwable failure) {
    Problem problem = from(failure);
    message.fail(problem.status(), problem.toJson().encode());
  }

  public static GrpcStatus grpcStatus(Throwable failure) {
    return from(failure).code().grpcStatus();
  }

  private static Problem fromReply(ReplyException reply) {
    if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
      return Problem.of(ErrorCode.UNAVAILABLE, "No node of the cluster serves this request right now.");
    }
    if (reply.failureType() == ReplyFailure.TIMEOUT) {
      return Problem.of(ErrorCode.TIMEOUT, "The request was not answered in time.");
    }
    int code = reply.failureCode();
    String message = reply.getMessage();
    if (code >= 400 && code < 600 && message != null && message.startsWith("{")) {
      try {
        return Problem.fromJson(code, new JsonObject(message));
      } catch (DecodeException ignored) {
        // not one of ours: fall through to a generic problem
      }
    }
    if (code >= 400 && code < 500) {
      return Problem.of(ErrorCode.ofStatus(code), message);
    }
    LOG.error("Event-bus request failed: {} {} {}", reply.failureType(), code, message);
    return Problem.of(ErrorCode.INTERNAL, "An unexpected error occurred.");
  }

  private static String safeDetail(HttpException http) {
    // vertx-web puts its own wording in the payload; keep ours, it never echoes internals
    return switch (http.getStatusCode()) {
      case 413 -> "The request body is larger than this server accepts.";
      case 415 -> "This content type is not accepted here.";
      case 404 -> "No resource here.";
      case 405 -> "This method is not allowed on this resource.";
      default -> null;
    };
  }
}
