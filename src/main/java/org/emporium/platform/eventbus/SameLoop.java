package org.emporium.platform.eventbus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import java.util.HashMap;
import java.util.Map;

/**
 * Requests that stay on the caller's event loop when they can. Every {@link BusEndpoints} address is also
 * served, on this node only, under a name of the event loop its instance runs on. A request sent from an
 * event loop that has an instance of the address goes to that instance: the request, the handling and the
 * reply run on one thread, with no hand-over to another event loop (each hand-over may wake a sleeping
 * thread, which at moderate load is a large part of a short request's CPU) and no look-up in the cluster's
 * registry.
 * Otherwise, or when that instance has gone, the request takes the address as usual (any instance on any
 * node). The answer is the same either way; only where it is computed differs.
 */
public final class SameLoop {

  private static final String SEPARATOR = "#loop-";
  /**
   * On each event loop, the addresses served there and under which name, with the node's bus: a thread
   * belongs to one node, and its entries go with it when the node closes.
   */
  private static final ThreadLocal<Map<String, Served>> SERVED = ThreadLocal.withInitial(HashMap::new);

  private record Served(EventBus bus, String name) {
  }

  private SameLoop() {
  }

  /** Also serves {@code address} under the name of the calling event loop; call it on the instance's loop. */
  static <T> MessageConsumer<T> serve(EventBus bus, String address, Handler<Message<T>> handler) {
    String name = address + SEPARATOR + Thread.currentThread().getId();
    MessageConsumer<T> consumer = bus.localConsumer(name, handler);
    SERVED.get().put(address, new Served(bus, name));
    return consumer;
  }

  /**
   * {@code bus.request(address, body, options)}, answered by the instance on the caller's event loop where
   * there is one. {@code options} are not changed.
   */
  public static <T> Future<Message<T>> request(EventBus bus, String address, Object body, DeliveryOptions options) {
    if (!Context.isOnEventLoopThread()) {
      return bus.request(address, body, options);
    }
    Map<String, Served> here = SERVED.get();
    Served served = here.get(address);
    if (served == null || served.bus() != bus) {
      return bus.request(address, body, options);
    }
    return bus.<T>request(served.name(), body, new DeliveryOptions(options).setLocalOnly(true)).recover(failure -> {
      if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
        // the instance was undeployed: from now on the address answers
        here.remove(address, served);
        return bus.request(address, body, options);
      }
      return Future.failedFuture(failure);
    });
  }
}
