package org.emporium.pricing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import org.emporium.pricing.application.CachedPromotions;
import org.emporium.pricing.application.ForwardingPromotions;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.infra.PgPromotions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.pricing.PricingNodes.await;

/**
 * The promotions cache over the real store on the test PostgreSQL: many quotes needing one code
 * cost one query, at first and after an expiry; an expired entry is answered while it is
 * refreshed; a clear makes reads under way not count.
 */
class CachedPromotionsTest {

  private static final long TTL = 1_000_000_000L;
  private static final long STALE = 5_000_000_000L;
  private static final int CALLERS = 50;

  static PricingNodes nodes;

  @BeforeAll
  static void start() {
    nodes = PricingNodes.get();
  }

  @Test
  void callersShareOneReadAndAnExpiredEntryIsAnsweredWhileOneQueryRefreshesIt() {
    String code = promotion();
    Counting store = new Counting();
    AtomicLong clock = new AtomicLong();
    Context context = nodes.a().getOrCreateContext();
    CachedPromotions cache = new CachedPromotions(store, TTL, STALE, 100, clock::get);

    assertThat(everyCaller(context, () -> cache.byCodes(nodes.db, List.of(code)))).allMatch(found -> found.containsKey(code));
    assertThat(store.reads.get()).isEqualTo(1);
    assertThat(everyCaller(context, () -> cache.byCodes(nodes.db, List.of(code)))).allMatch(found -> found.containsKey(code));
    assertThat(store.reads.get()).isEqualTo(1);

    // past its time: answered at once from the entry, one query refreshes it meanwhile
    clock.addAndGet(TTL + 1);
    List<Map<String, Promotion>> stale = onContext(context, () -> {
      List<Future<Map<String, Promotion>>> calls = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        calls.add(cache.byCodes(nodes.db, List.of(code)));
      }
      assertThat(calls).allMatch(Future::isComplete);
      return Future.succeededFuture(calls.stream().map(Future::result).toList());
    });
    assertThat(stale).allMatch(found -> found.containsKey(code));
    PricingNodes.eventually(() -> assertThat(store.done.get()).isEqualTo(2));
    assertThat(store.reads.get()).isEqualTo(2);

    // refreshed: fresh again for a whole period
    clock.addAndGet(TTL / 2);
    everyCaller(context, () -> cache.byCodes(nodes.db, List.of(code)));
    assertThat(store.reads.get()).isEqualTo(2);

    // too old to be answered: the callers wait for one shared query
    clock.addAndGet(TTL + STALE);
    assertThat(everyCaller(context, () -> cache.byCodes(nodes.db, List.of(code)))).allMatch(found -> found.containsKey(code));
    assertThat(store.reads.get()).isEqualTo(3);

    // a code without a promotion is remembered as such
    String unknown = "NOPE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    assertThat(everyCaller(context, () -> cache.byCodes(nodes.db, List.of(unknown)))).allMatch(Map::isEmpty);
    everyCaller(context, () -> cache.byCodes(nodes.db, List.of(unknown)));
    assertThat(store.reads.get()).isEqualTo(4);
  }

  @Test
  void aClearDuringARefreshMakesItsResultNotCountAndAConnectionIsNeverAnsweredStale() {
    String code = promotion();
    Counting store = new Counting();
    AtomicLong clock = new AtomicLong();
    Context context = nodes.a().getOrCreateContext();
    CachedPromotions cache = new CachedPromotions(store, TTL, STALE, 100, clock::get);

    onContext(context, () -> {
      Future<Map<String, Promotion>> read = cache.byCodes(nodes.db, List.of(code));
      cache.clear(); // an administrator changed a promotion while the read was under way
      return read;
    });
    everyCaller(context, () -> cache.byCodes(nodes.db, List.of(code)));
    assertThat(store.reads.get()).as("the read under way when the cache was cleared is not kept").isEqualTo(2);

    // a caller's own connection: an expired entry is read again, not answered stale
    clock.addAndGet(TTL + 1);
    SqlConnection connection = await(nodes.db.getConnection());
    try {
      assertThat(onContext(context, () -> cache.byCodes(connection, List.of(code)))).containsKey(code);
      assertThat(store.reads.get()).isEqualTo(3);
    } finally {
      await(connection.close());
    }
  }

  /** {@code CALLERS} calls at once on {@code context}, and their answers. */
  private static List<Map<String, Promotion>> everyCaller(Context context,
      Supplier<Future<Map<String, Promotion>>> call) {
    return onContext(context, () -> {
      List<Future<Map<String, Promotion>>> calls = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        calls.add(call.get());
      }
      return Future.all(calls).map(all -> calls.stream().map(Future::result).toList());
    });
  }

  private static <T> T onContext(Context context, Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        work.get().onComplete(done);
      } catch (Throwable e) {
        done.fail(e);
      }
    });
    return await(done.future());
  }

  private static String promotion() {
    String code = "SHARED" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    nodes.expect(true, 201, HttpMethod.POST, "/api/v1/admin/promotions", nodes.adminToken(), null,
        new JsonObject().put("name", "Shared").put("kind", "percent_off").put("percent", "10")
            .put("codes", new JsonArray().add(code)).toBuffer());
    return code;
  }

  /** The real store, counting the queries for codes. */
  private static final class Counting extends ForwardingPromotions {

    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();

    Counting() {
      super(new PgPromotions());
    }

    @Override
    public Future<Map<String, Promotion>> byCodes(SqlClient client, Collection<String> codes) {
      reads.incrementAndGet();
      return store.byCodes(client, codes).onComplete(v -> done.incrementAndGet());
    }
  }
}
