package org.emporium.edge.region;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.eventbus.RequestIds;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request on to the edge of the region that owns it and writes that edge's answer back:
 * same method, path, query and body, the headers a context reads, the request id, and
 * {@link #FORWARDED} so the peer serves it instead of forwarding it again.
 */
final class PeerForwarder {

  static final String FORWARDED = "X-Emporium-Forwarded";
  private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept",
      "Accept-Language", "Idempotency-Key", "X-Cart-Token");
  // hop-by-hop headers (RFC 9110 7.6.1) and the length, which this response sets itself
  private static final Set<String> NOT_COPIED = Set.of("connection", "keep-alive", "proxy-connection",
      "transfer-encoding", "te", "trailer", "upgrade", "content-length");

  private final WebClient client;
  private final String region;
  private final long timeoutMs;

  PeerForwarder(Vertx vertx, String region, long timeoutMs) {
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setFollowRedirects(false)
        .setUserAgentEnabled(false)
        .setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE)));
    this.region = region;
    this.timeoutMs = timeoutMs;
  }

  void forward(RoutingContext rc, String baseUrl) {
    HttpRequest<Buffer> request = client.requestAbs(rc.request().method(), baseUrl + rc.request().uri())
        .timeout(timeoutMs);
    for (String name : REQUEST_HEADERS) {
      List<String> values = rc.request().headers().getAll(name);
      if (!values.isEmpty()) {
        request.putHeader(name, values);
      }
    }
    request.putHeader(RequestIds.HTTP_HEADER, (String) rc.get(RequestIds.BUS_HEADER));
    request.putHeader(FORWARDED, region);
    Buffer body = rc.body() == null ? null : rc.body().buffer();
    (body == null ? request.send() : request.sendBuffer(body))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .onSuccess(answer -> respond(rc.response(), answer))
        .onFailure(failure -> rc.fail(problem(failure).toException()));
  }

  private static void respond(HttpServerResponse response, HttpResponse<Buffer> answer) {
    MultiMap headers = answer.headers();
    for (String name : headers.names()) {
      if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
        response.headers().set(name, headers.getAll(name));
      }
    }
    response.setStatusCode(answer.statusCode());
    Buffer body = answer.body();
    if (body == null) {
      response.end();
    } else {
      response.end(body);
    }
  }

  private static Problem problem(Throwable failure) {
    if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException) {
      return Problem.of(ErrorCode.TIMEOUT, "The region that holds this request's data did not answer in time.");
    }
    return Problem.of(ErrorCode.UNAVAILABLE, "The region that holds this request's data cannot be reached.");
  }
}
