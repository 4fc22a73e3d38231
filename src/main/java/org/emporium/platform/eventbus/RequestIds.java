package org.emporium.platform.eventbus;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.spi.context.storage.ContextLocal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids: taken from {@code X-Request-Id} when sane or generated, kept in the request's
 * (duplicated) Vert.x context for logs, and carried in an event-bus header to other nodes.
 */
public final class RequestIds {

  public static final String HTTP_HEADER = "X-Request-Id";
  public static final String BUS_HEADER = "x-request-id";

  /** Registered before any Vert.x instance exists (class initialisation, see Node). */
  private static final ContextLocal<String> LOCAL = ContextLocal.registerLocal(String.class);
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {
  }

  /** Forces registration of the context local; call before building Vert.x. */
  public static void register() {
    // loading the class registers LOCAL
  }

  /** The incoming id when it is safe to echo, else a new one. */
  public static String accept(String incoming) {
    return incoming != null && SANE.matcher(incoming).matches() ? incoming : generate();
  }

  /**
   * A new random (version 4) UUID. A request id correlates logs and is no secret, so it comes from
   * the thread's own generator: {@code UUID.randomUUID()} reads the shared secure generator, a
   * measurable share of a cheap request's time on the event loop.
   */
  static String generate() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  public static void bind(Context context, String requestId) {
    if (context != null && requestId != null) {
      LOCAL.put(context, requestId);
    }
  }

  /** The request id of the code running now, or null outside a request. */
  public static String current() {
    Context context = Vertx.currentContext();
    return context == null ? null : LOCAL.get(context);
  }

  /** Delivery options with a timeout, carrying the current request id. */
  public static DeliveryOptions deliveryOptions(long timeoutMs) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs);
    String id = current();
    if (id != null) {
      options.addHeader(BUS_HEADER, id);
    }
    return options;
  }

  /** Binds the request id carried by a message to the handler's context and returns it. */
  public static String adopt(Message<?> message) {
    String id = message.headers().get(BUS_HEADER);
    bind(Vertx.currentContext(), id);
    return id;
  }
}
