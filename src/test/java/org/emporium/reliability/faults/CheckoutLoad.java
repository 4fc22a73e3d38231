package org.emporium.reliability.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Guests arriving at a steady rate whatever the answers do (an open model: a slow or failing node
 * does not slow the arrivals), spread over the nodes by the balancer. One cart in six holds a
 * scarce SKU, so some checkouts meet an empty shelf.
 */
final class CheckoutLoad implements AutoCloseable {

  private final Http http;
  private final Balancer balancer;
  private final Journal journal;
  private final Catalogue catalogue;
  private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "faults-arrivals");
    thread.setDaemon(true);
    return thread;
  });
  private ScheduledFuture<?> arrivals;

  CheckoutLoad(Http http, Balancer balancer, Journal journal, Catalogue catalogue) {
    this.http = http;
    this.balancer = balancer;
    this.journal = journal;
    this.catalogue = catalogue;
  }

  /** Starts arrivals at {@code perSecond}. */
  void start(double perSecond) {
    long periodMicros = Math.round(1_000_000 / perSecond);
    arrivals = clock.scheduleAtFixedRate(this::arrive, 0, periodMicros, TimeUnit.MICROSECONDS);
  }

  private void arrive() {
    CompletableFuture<Void> shopper = new Shopper(http, balancer, journal, lines()).run();
    inFlight.add(shopper);
    shopper.whenComplete((v, e) -> inFlight.remove(shopper));
  }

  private Map<String, Integer> lines() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<String> plenty = catalogue.plenty;
    Map<String, Integer> lines = new LinkedHashMap<>();
    lines.put(plenty.get(random.nextInt(plenty.size())), 1 + random.nextInt(2));
    if (random.nextInt(6) == 0) {
      lines.put(catalogue.scarce.get(random.nextInt(catalogue.scarce.size())), 1);
    } else if (random.nextBoolean()) {
      lines.putIfAbsent(plenty.get(random.nextInt(plenty.size())), 1);
    }
    return lines;
  }

  /** Stops arrivals and waits for the shoppers in flight to finish (their retries included). */
  void stop(Duration bound) throws InterruptedException {
    if (arrivals != null) {
      arrivals.cancel(false);
      arrivals = null;
    }
    try {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(inFlight.size() + " shoppers still busy after " + bound, e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }
}
