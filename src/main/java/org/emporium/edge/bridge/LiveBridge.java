package org.emporium.edge.bridge;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import org.emporium.edge.auth.Authenticator;

/**
 * The event-bus bridge at {@code /eventbus} (SockJS, and raw websocket at
 * {@code /eventbus/websocket}): browsers listen to the live feeds that {@code LiveEvents}
 * republishes. Outbound, only the live addresses pass; inbound, nothing does.
 */
public final class LiveBridge {

  public static final String PATH = "/eventbus";

  private final BridgeSettings settings;
  private final Router router;

  /**
   * @param cors replaces, just before an answer's headers are written, the CORS headers SockJS
   *     puts on by itself (it allows any origin, with credentials) by the edge's allow-list
   */
  public LiveBridge(Vertx vertx, BridgeSettings settings, Authenticator authenticator, Handler<HttpServerRequest> cors) {
    this.settings = settings;
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(LiveAddresses.ORDERS))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(LiveAddresses.STOCK))
        .setPingTimeout(settings.pingTimeoutMs())
        .setMaxHandlersPerSocket(settings.maxHandlersPerSocket());
    router = Router.router(vertx);
    router.route(PATH + "/*").handler(rc -> {
      rc.addHeadersEndHandler(v -> cors.handle(rc.request()));
      rc.next();
    });
    // the SockJS polling transports read their frames from a request body
    router.post(PATH + "/*").handler(BodyHandler.create(false).setHandleFileUploads(false)
        .setBodyLimit(settings.maxMessageBytes()));
    router.postWithRegex(PATH + "/[^/]+/[^/]+/xhr_send").handler(new SockJsSends());
    // JSONP (read cross-origin by a script tag, past the CORS allow-list) and htmlfile (an iframe
    // transport, which the content policy stops anyway) are off; both answered bad input with 500
    SockJSHandlerOptions transports = new SockJSHandlerOptions().addDisabledTransport(Transport.JSON_P.name())
        .addDisabledTransport(Transport.HTML_FILE.name());
    router.route(PATH + "/*").subRouter(SockJSHandler.create(vertx, transports)
        .bridge(options, new BridgeAccess(authenticator)));
  }

  /** Whether {@code request} is for the bridge rather than the REST router. */
  public static boolean serves(HttpServerRequest request) {
    String path = request.path();
    return path != null && (path.equals(PATH) || path.startsWith(PATH + "/"));
  }

  public void handle(HttpServerRequest request) {
    router.handle(request);
  }

  /** {@code options} with websocket frames and messages bounded like the bridge's other frames. */
  public HttpServerOptions limit(HttpServerOptions options) {
    return options.setMaxWebSocketFrameSize(settings.maxMessageBytes())
        .setMaxWebSocketMessageSize(settings.maxMessageBytes());
  }
}
