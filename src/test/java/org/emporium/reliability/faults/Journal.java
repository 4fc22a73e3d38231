package org.emporium.reliability.faults;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** What the shoppers saw, one entry per answer or failure, with wall-clock times. */
final class Journal {

  enum Kind {
    /** A shopper arrived. */
    STARTED,
    /** The checkout answered 201: an order the shop promised. */
    ACKNOWLEDGED,
    /** A refusal the shop may give under this load (out of stock): not an error. */
    REFUSED,
    /** A request that failed in the client's eyes: 5xx, timeout, reset, unexpected 4xx. */
    ERROR,
    /** A connection a node refused; the balancer moved the request to another node at once. */
    CONNECT_REFUSED,
    /** A shopper left without an order after its retries (an answer of 503 undone, or errors). */
    GAVE_UP
  }

  /**
   * @param at when it happened (epoch ms)
   * @param startedAt when the shopper arrived
   * @param node the node that answered ({@code -1} when none did)
   * @param orderId for acknowledgements
   * @param cartId the shopper's cart, when it has one
   */
  record Entry(Kind kind, long at, long startedAt, int node, String orderId, String cartId, String detail) {
  }

  private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

  void add(Kind kind, long startedAt, int node, String orderId, String cartId, String detail) {
    entries.add(new Entry(kind, System.currentTimeMillis(), startedAt, node, orderId, cartId, detail));
  }

  List<Entry> select(Predicate<Entry> filter) {
    return entries.stream().filter(filter).toList();
  }

  /** Entries of one kind in {@code [from, to)}. */
  List<Entry> between(Kind kind, long from, long to) {
    return select(entry -> entry.kind() == kind && entry.at() >= from && entry.at() < to);
  }

  long count(Kind kind, long from, long to) {
    return between(kind, from, to).size();
  }
}
