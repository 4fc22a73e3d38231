package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Transaction;

/**
 * The effect of one event in the consuming context, applied on {@code tx}: it commits together with
 * the record that the event was processed, and may publish follow-up events through the outbox.
 */
@FunctionalInterface
public interface EventHandler {

  /** Applies the effect; a failed future (or a thrown exception) rolls it back and the event is retried. */
  Future<Void> handle(CloudEvent event, Transaction tx);
}
