package org.emporium.catalog.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.catalog.domain.Ownership;
import org.emporium.catalog.domain.Price;
import org.emporium.catalog.domain.ProductContent;
import org.emporium.catalog.domain.ProductRules;
import org.emporium.catalog.domain.ProductStatus;
import org.emporium.catalog.domain.Rejection;
import org.emporium.catalog.domain.Slugs;
import org.emporium.catalog.domain.Variant;
import org.emporium.catalog.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.id.TimeOrderedIds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Creates, replaces, patches and archives products and sets prices. Each change is one
 * transaction with exactly one event carrying the new snapshot; a change that changes nothing
 * writes nothing. Caches are told after the commit.
 */
public final class ChangingProducts {

  private final Pool pool;
  private final Outbox outbox;
  private final Products products;
  private final ProductChanges changes;
  private final TimeOrderedIds ids;
  private final Clock clock;
  private final String baseCurrency;

  public ChangingProducts(Pool pool, Outbox outbox, Products products, ProductChanges changes, TimeOrderedIds ids,
      Clock clock, String baseCurrency) {
    this.pool = pool;
    this.outbox = outbox;
    this.products = products;
    this.changes = changes;
    this.ids = ids;
    this.clock = clock;
    this.baseCurrency = baseCurrency;
  }

  public Future<JsonObject> create(Principal caller, JsonObject input) {
    UUID id = ids.next();
    return Transaction.run(pool, outbox, tx -> createIn(tx, caller, id, input))
        .onSuccess(created -> changes.changed(List.of(id)));
  }

  /** A create inside the caller's transaction (the demo seeding batches several). */
  public Future<JsonObject> createIn(Transaction tx, Principal caller, UUID id, JsonObject input) {
    ProductJson.Parsed parsed = ProductJson.parse(input);
    return valid(parsed).compose(content -> {
      UUID shopId = shopOf(caller, parsed.shopId());
      ProductContent named = content.slug() == null ? content.withSlug(Slugs.derive(content.title(), id)) : content;
      Instant now = clock.instant();
      return products.insert(tx.connection(), id, shopId, named, now)
          .compose(inserted -> products.replaceSkus(tx.connection(), id, skus(named)))
          .compose(indexed -> snapshot(tx, id))
          .onSuccess(snapshot -> tx.publish(CatalogEvents.created(snapshot)));
    });
  }

  public Future<JsonObject> replace(Principal caller, UUID id, JsonObject input) {
    ProductJson.Parsed parsed = ProductJson.parse(input);
    if (parsed.shopId() != null) {
      parsed.violations().add(new Violation("/shopId", "cannot change; a product stays in its shop"));
    }
    return valid(parsed).compose(content -> change(caller, id, current -> content));
  }

  /** Members of {@code patch} replace the same members of the product. */
  public Future<JsonObject> patch(Principal caller, UUID id, JsonObject patch) {
    return change(caller, id, current -> {
      JsonObject merged = ProductJson.input(current);
      patch.forEach(member -> merged.put(member.getKey(), member.getValue()));
      ProductJson.Parsed parsed = ProductJson.parse(merged);
      List<Violation> violations = new java.util.ArrayList<>(parsed.violations());
      if (patch.containsKey("shopId")) {
        violations.add(new Violation("/shopId", "cannot change; a product stays in its shop"));
      }
      violations.addAll(ProductRules.check(parsed.content(), baseCurrency));
      if (!violations.isEmpty()) {
        throw Rejected.invalid(violations);
      }
      return parsed.content();
    });
  }

  /** DELETE: the product is archived, so orders and carts that name its SKUs keep making sense. */
  public Future<JsonObject> archive(Principal caller, UUID id) {
    return change(caller, id, current -> ProductJson.parse(ProductJson.input(current)).content()
        .withStatus(ProductStatus.ARCHIVED));
  }

  public Future<JsonObject> putPrice(Principal caller, UUID id, String sku, Price price) {
    List<Violation> violations = ProductRules.price("", price);
    if (!violations.isEmpty()) {
      return Future.failedFuture(Rejected.invalid(violations));
    }
    return Transaction.run(pool, outbox, tx -> lockOwned(tx, caller, id).compose(current -> {
      ProductContent content = ProductJson.parse(ProductJson.input(current)).content();
      Variant variant = content.variant(sku).orElseThrow(() -> Rejected.notFound("The product has no variant " + sku + "."));
      Price previous = variant.price(price.currency()).orElse(null);
      if (price.equals(previous)) {
        return Future.succeededFuture(current);
      }
      Instant publishedAt = instant(current.getString("publishedAt"));
      return products.update(tx.connection(), id, content.withVariant(variant.withPrice(price)), clock.instant(),
              publishedAt)
          .compose(updated -> snapshot(tx, id))
          .onSuccess(snapshot -> tx.publish(CatalogEvents.priceChanged(snapshot, sku, price,
              previous == null ? null : previous.amount())));
    })).onSuccess(done -> changes.changed(List.of(id)));
  }

  private Future<JsonObject> change(Principal caller, UUID id, java.util.function.Function<JsonObject, ProductContent> next) {
    return Transaction.run(pool, outbox, tx -> lockOwned(tx, caller, id).compose(current -> {
      ProductContent before = ProductJson.parse(ProductJson.input(current)).content();
      ProductContent given = next.apply(current);
      ProductContent after = (given.slug() == null ? given.withSlug(before.slug()) : given).canonical();
      if (after.equals(before)) {
        return Future.succeededFuture(current);
      }
      ProductStatus was = before.status();
      Instant now = clock.instant();
      Instant publishedAt = after.status() != ProductStatus.PUBLISHED ? instant(current.getString("publishedAt"))
          : was == ProductStatus.PUBLISHED ? instant(current.getString("publishedAt")) : now;
      ProductContent stored = after;
      return products.update(tx.connection(), id, stored, now, publishedAt)
          .compose(updated -> stored.variants().equals(before.variants()) ? Future.succeededFuture()
              : products.replaceSkus(tx.connection(), id, skus(stored)))
          .compose(indexed -> snapshot(tx, id))
          .onSuccess(snapshot -> tx.publish(CatalogEvents.changed(was, snapshot)));
    })).onSuccess(done -> changes.changed(List.of(id)));
  }

  private Future<JsonObject> lockOwned(Transaction tx, Principal caller, UUID id) {
    return products.lock(tx.connection(), id).map(found -> found
        .filter(snapshot -> Ownership.canChange(caller, UUID.fromString(snapshot.getString("shopId"))))
        .orElseThrow(() -> Rejected.notFound("No product of yours has this id.")));
  }

  private Future<JsonObject> snapshot(Transaction tx, UUID id) {
    return products.snapshots(tx.connection(), List.of(id)).map(found -> found.get(id));
  }

  private Future<ProductContent> valid(ProductJson.Parsed parsed) {
    List<Violation> violations = new java.util.ArrayList<>(parsed.violations());
    violations.addAll(ProductRules.check(parsed.content(), baseCurrency));
    return violations.isEmpty() ? Future.succeededFuture(parsed.content())
        : Future.failedFuture(Rejected.invalid(violations));
  }

  /** A seller's products go to the shop in their token; an admin names the shop. */
  private static UUID shopOf(Principal caller, UUID named) {
    if (caller.has(Ownership.MANAGE)) {
      if (named == null) {
        throw Rejected.invalid(List.of(new Violation("/shopId", "is required when an admin creates a product")));
      }
      return named;
    }
    if (caller.shopId() == null) {
      throw new Rejected(new Rejection.Forbidden("Your account has no shop; ask an admin to grant you one."));
    }
    if (!caller.shopId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      throw new Rejected(new Rejection.Forbidden("Your token's shop is not a catalog shop id."));
    }
    if (named != null && !named.toString().equals(caller.shopId())) {
      throw Rejected.invalid(List.of(new Violation("/shopId", "must be your own shop or left out")));
    }
    return UUID.fromString(caller.shopId());
  }

  private static List<String> skus(ProductContent content) {
    return content.variants().stream().map(Variant::sku).toList();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
