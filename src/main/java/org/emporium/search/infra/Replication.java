package org.emporium.search.infra;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.events.CloudEvent;
import org.emporium.search.application.CatalogSource;
import org.emporium.search.application.SearchSettings;
import org.emporium.search.application.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this node's replica in step with the catalog, taxonomy and stock topics. All index writes and Kafka
 * reads run in order on one worker thread; the event loop only chains the steps. On start the
 * replica resumes from its committed positions, or is rebuilt from {@code catalog.exportProducts}
 * when it is empty, unfinished, of another schema, or behind the oldest event Kafka still holds.
 * A renamed or moved brand or category reloads its products before reading on; positions are not
 * made durable while such a reload is owed, so a crash replays the event.
 */
public final class Replication {

  public static final String CATALOG_TOPIC = "catalog.product.v1";
  public static final String STOCK_TOPIC = "inventory.stock.v1";
  public static final String TAXONOMY_TOPIC = TaxonomyChanges.TOPIC;
  static final String STOCK_CHANGED = "emporium.inventory.stock.changed.v1";
  private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

  private final Vertx vertx;
  private final SearchSettings settings;
  private final CatalogSource catalog;
  private final Map<String, String> kafka;
  private final WorkerExecutor worker;
  private final Promise<Void> stopped = Promise.promise();
  private final TaxonomyChanges taxonomy = new TaxonomyChanges();
  private ReplicaIndex index;
  private KafkaFeed feed;
  private volatile boolean stopping;
  private long lastCommit = System.nanoTime();
  private long backoffMs = 100;

  public Replication(Vertx vertx, SearchSettings settings, CatalogSource catalog, Map<String, String> kafka) {
    this.vertx = vertx;
    this.settings = settings;
    this.catalog = catalog;
    this.kafka = kafka;
    this.worker = vertx.createSharedWorkerExecutor("search-index:" + settings.indexDir(), 1, 10, TimeUnit.MINUTES);
  }

  /** Opens the replica; catching up (or rebuilding) then goes on in the background. */
  public Future<ReplicaIndex> start() {
    return worker.executeBlocking(() -> {
      index = ReplicaIndex.open(settings.indexDir());
      feed = new KafkaFeed(kafka, List.of(CATALOG_TOPIC, TAXONOMY_TOPIC, STOCK_TOPIC));
      return needsRebuild();
    }).map(rebuild -> {
      LOG.info("Search replica {} opened with {} products; {}", settings.indexDir(), index.products(),
          rebuild ? "rebuilding from the catalog" : "resuming from its positions");
      (rebuild ? rebuild() : Future.<Void>succeededFuture()).onSuccess(v -> follow());
      return index;
    });
  }

  private boolean needsRebuild() {
    if (!index.complete()) {
      return true;
    }
    for (Map.Entry<TopicPartition, Long> oldest : feed.beginnings().entrySet()) {
      Long next = index.positions().get(KafkaFeed.key(oldest.getKey()));
      if (oldest.getValue() > (next == null ? 0 : next)) {
        return true;
      }
    }
    return false;
  }

  /** Empties the replica, loads every published product, then reads on from where Kafka stood before. */
  private Future<Void> rebuild() {
    long begin = System.nanoTime();
    return worker.executeBlocking(() -> {
      index.clear();
      return feed.ends();
    }).compose(ends -> page(null, ends, true).compose(stockKnown -> worker.executeBlocking(() -> {
      Map<TopicPartition, Long> beginnings = feed.beginnings();
      ends.forEach((tp, end) -> index.position(KafkaFeed.key(tp),
          tp.topic().equals(STOCK_TOPIC) && !stockKnown ? beginnings.get(tp) : end));
      index.markComplete();
      index.commit();
      index.refresh();
      LOG.info("Search replica rebuilt: {} products in {} ms", index.products(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      return null;
    }))).<Void>mapEmpty().recover(failure -> {
      if (stopping) {
        stopped.tryComplete();
        return Future.succeededFuture();
      }
      LOG.warn("Search rebuild failed ({}); retrying in {} ms", failure.getMessage(), backoffMs);
      return later().compose(v -> rebuild());
    });
  }

  /** Loads export pages from {@code after}; completes with whether every page's stock was known. */
  private Future<Boolean> page(String after, Map<TopicPartition, Long> ends, boolean stockKnown) {
    if (stopping) {
      return Future.failedFuture("stopping");
    }
    return catalog.exportPage(after, settings.rebuildPageSize()).compose(page -> {
      JsonArray items = page.getJsonArray("items", new JsonArray());
      List<String> skus = items.stream().flatMap(p -> ((JsonObject) p).getJsonArray("variants", new JsonArray()).stream())
          .map(v -> ((JsonObject) v).getString("sku")).toList();
      Future<Map<String, Long>> stock = skus.isEmpty() ? Future.succeededFuture(Map.of())
          : catalog.availability(skus, settings.region()).otherwiseEmpty();
      return stock.compose(available -> worker.executeBlocking(() -> {
        items.forEach(p -> index.apply(Snapshots.read((JsonObject) p)));
        if (available != null) {
          available.forEach(index::stock);
        }
        return available != null;
      })).compose(known -> {
        backoffMs = 100;
        String next = page.getString("next");
        return next == null ? Future.succeededFuture(stockKnown && known) : page(next, ends, stockKnown && known);
      });
    });
  }

  private void follow() {
    if (stopping) {
      stopped.tryComplete();
      return;
    }
    worker.executeBlocking(() -> {
      feed.resume(index.positions());
      return null;
    }).onSuccess(v -> poll()).onFailure(this::retryFollow);
  }

  private void retryFollow(Throwable failure) {
    LOG.warn("Search replica cannot read Kafka ({}); retrying in {} ms", failure.getMessage(), backoffMs);
    later().onSuccess(v -> follow());
  }

  private void poll() {
    if (stopping) {
      stopped.tryComplete();
      return;
    }
    worker.executeBlocking(this::pollOnce).compose(polled -> reloadTaxonomy()).onComplete(done -> {
      if (done.succeeded()) {
        backoffMs = 100;
        poll();
      } else if (stopping) {
        stopped.tryComplete();
      } else {
        LOG.warn("Search replica failed to apply events ({}); retrying in {} ms", done.cause().getMessage(), backoffMs);
        later().onSuccess(v -> follow());
      }
    });
  }

  private Void pollOnce() {
    ConsumerRecords<String, String> records = feed.poll(Duration.ofMillis(settings.pollTimeoutMs()));
    for (ConsumerRecord<String, String> record : records) {
      apply(record);
      index.position(record.topic() + ":" + record.partition(), record.offset() + 1);
    }
    if (!records.isEmpty()) {
      index.refresh();
    }
    if (taxonomy.isEmpty() && System.nanoTime() - lastCommit > TimeUnit.MILLISECONDS.toNanos(settings.commitIntervalMs())) {
      index.commit();
      lastCommit = System.nanoTime();
    }
    return null;
  }

  private void apply(ConsumerRecord<String, String> record) {
    try {
      CloudEvent event = CloudEvent.fromJson(record.value());
      if (record.topic().equals(CATALOG_TOPIC)) {
        JsonObject product = event.data().getJsonObject("product");
        if (product != null) {
          index.apply(Snapshots.read(product));
        }
      } else if (record.topic().equals(TAXONOMY_TOPIC)) {
        taxonomy.note(event);
      } else if (STOCK_CHANGED.equals(event.type()) && settings.region().equals(event.data().getString("region"))) {
        index.stock(event.data().getString("sku"), event.data().getLong("available"));
      }
    } catch (RuntimeException e) {
      LOG.warn("Search skipped an unreadable event at {}:{}@{}: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  /** Reloads the products of every brand and category changed, one export filter after the other. */
  private Future<Void> reloadTaxonomy() {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject filter : taxonomy.pending()) {
      chain = chain.compose(v -> reload(null, filter)).onSuccess(v -> taxonomy.done(filter));
    }
    return chain;
  }

  private Future<Void> reload(String after, JsonObject filter) {
    if (stopping) {
      return Future.failedFuture("stopping");
    }
    return catalog.exportPage(after, settings.rebuildPageSize(), filter).compose(page -> worker.executeBlocking(() -> {
      page.getJsonArray("items", new JsonArray()).forEach(p -> index.reindex(Snapshots.read((JsonObject) p)));
      index.refresh();
      return page.getString("next");
    })).compose(next -> next == null ? Future.succeededFuture() : reload(next, filter));
  }

  private Future<Void> later() {
    if (stopping) {
      stopped.tryComplete();
      return Future.failedFuture("stopping");
    }
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(backoffMs, t -> promise.complete());
    backoffMs = Math.min(backoffMs * 2, settings.maxRetryBackoffMs());
    return promise.future();
  }

  /** Stops reading, commits what was applied and closes the replica. */
  public Future<Void> stop() {
    stopping = true;
    return stopped.future().timeout(10, TimeUnit.SECONDS).otherwiseEmpty()
        .compose(v -> worker.<Void>executeBlocking(() -> {
          if (feed != null) {
            feed.close();
          }
          if (index != null) {
            index.close();
          }
          return null;
        }))
        .eventually(() -> worker.close());
  }
}
