package org.emporium.catalog.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.catalog.domain.ProductRules;
import org.emporium.catalog.domain.Rejection;
import org.emporium.catalog.domain.Violation;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.id.TimeOrderedIds;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The admin side of shops, brands and categories, and the category tree for everyone. Product
 * snapshots name brands and categories, so a change of either empties every node's cache and is
 * published on {@code catalog.taxonomy.v1} in the same transaction.
 */
public final class ManagingTaxonomy {

  private static final Set<String> CATEGORY = Set.of("parentId", "slug", "name", "position", "active");
  private static final Set<String> NAMED = Set.of("slug", "name");

  private final Pool pool;
  private final Outbox outbox;
  private final Taxonomy taxonomy;
  private final ProductChanges changes;
  private final TimeOrderedIds ids;
  private final Clock clock;

  public ManagingTaxonomy(Pool pool, Outbox outbox, Taxonomy taxonomy, ProductChanges changes, TimeOrderedIds ids,
      Clock clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.taxonomy = taxonomy;
    this.changes = changes;
    this.ids = ids;
    this.clock = clock;
  }

  public Future<JsonObject> createCategory(JsonObject body) {
    return createCategory(ids.next(), body);
  }

  public Future<JsonObject> createCategory(UUID id, JsonObject body) {
    JsonObject category = category(body);
    return pool.withTransaction(tx -> parentPath(tx, category).compose(parentPath -> {
      List<UUID> path = new ArrayList<>(parentPath);
      path.add(id);
      return taxonomy.insertCategory(tx, id, category, path, clock.instant());
    })).map(done -> category.copy().put("id", id.toString()));
  }

  public Future<JsonObject> updateCategory(UUID id, JsonObject body) {
    JsonObject category = category(body);
    return Transaction.run(pool, outbox, tx -> taxonomy.path(tx.connection(), id).compose(old -> {
      List<UUID> oldPath = old.orElseThrow(() -> Rejected.notFound("No category has this id."));
      return parentPath(tx.connection(), category).compose(parentPath -> {
        if (parentPath.contains(id)) {
          return Future.failedFuture(new Rejected(new Rejection.Unusable("A category cannot move under itself.")));
        }
        List<UUID> newPath = new ArrayList<>(parentPath);
        newPath.add(id);
        return taxonomy.updateCategory(tx.connection(), id, category, oldPath, newPath)
            .onSuccess(updated -> tx.publish(TaxonomyEvents.categoryUpdated(id, category, newPath)));
      });
    })).onSuccess(done -> changes.all()).map(done -> category.copy().put("id", id.toString()));
  }

  /** {@code kind} is {@code brand} or {@code shop}. */
  public Future<JsonObject> createNamed(String kind, UUID id, JsonObject body) {
    JsonObject named = named(body);
    return pool.withTransaction(tx -> taxonomy.insertNamed(tx, kind, id, named.getString("slug"),
        named.getString("name"), clock.instant())).map(done -> named.copy().put("id", id.toString()));
  }

  public Future<JsonObject> createNamed(String kind, JsonObject body) {
    return createNamed(kind, ids.next(), body);
  }

  public Future<JsonObject> updateNamed(String kind, UUID id, JsonObject body) {
    JsonObject named = named(body);
    return Transaction.run(pool, outbox, tx -> taxonomy.updateNamed(tx.connection(), kind, id, named.getString("slug"),
            named.getString("name")).map(found -> {
              if (!found) {
                throw Rejected.notFound("No " + kind + " has this id.");
              }
              if (kind.equals("brand")) {
                tx.publish(TaxonomyEvents.brandUpdated(id, named));
              }
              return named.copy().put("id", id.toString());
            }))
        .onSuccess(done -> changes.all());
  }

  /** {@code catalog.categoryTree}: every category, flat. */
  public Future<JsonObject> flatTree() {
    return taxonomy.categories(pool).map(all -> new JsonObject().put("items", new JsonArray(all)));
  }

  /** {@code GET /categories}: the active categories, roots first, each with its children. */
  public Future<JsonObject> tree() {
    return taxonomy.categories(pool).map(all -> {
      Map<String, JsonObject> byId = new LinkedHashMap<>();
      JsonArray roots = new JsonArray();
      for (JsonObject category : all) {
        String parent = category.getString("parentId");
        if (!category.getBoolean("active") || parent != null && !byId.containsKey(parent)) {
          continue;
        }
        JsonObject node = category.copy().put("children", new JsonArray());
        byId.put(category.getString("id"), node);
        (parent == null ? roots : byId.get(parent).getJsonArray("children")).add(node);
      }
      return new JsonObject().put("items", roots);
    });
  }

  public Future<JsonObject> brands() {
    return taxonomy.brands(pool).map(all -> new JsonObject().put("items", new JsonArray(all)));
  }

  public Future<JsonObject> shops() {
    return taxonomy.shops(pool).map(all -> new JsonObject().put("items", new JsonArray(all)));
  }

  private Future<List<UUID>> parentPath(io.vertx.sqlclient.SqlClient tx, JsonObject category) {
    String parent = category.getString("parentId");
    if (parent == null) {
      return Future.succeededFuture(List.of());
    }
    return taxonomy.path(tx, UUID.fromString(parent)).map(path -> path.orElseThrow(() ->
        new Rejected(new Rejection.Unusable("No category has the id given as parentId."))));
  }

  private static JsonObject category(JsonObject body) {
    List<Violation> into = new ArrayList<>();
    JsonInput in = new JsonInput(body, "", CATEGORY, into);
    UUID parent = in.uuid("parentId");
    String slug = in.string("slug");
    String name = in.string("name");
    Integer position = in.integer("position");
    Object active = body.getValue("active");
    ProductRules.slug("/slug", slug, into);
    ProductRules.text("/name", name, 1, 200, into);
    if (position != null && (position < 0 || position > 1_000_000)) {
      in.violation("position", "must be from 0 to 1000000");
    }
    if (active != null && !(active instanceof Boolean)) {
      in.violation("active", "must be true or false");
    }
    if (!into.isEmpty()) {
      throw Rejected.invalid(into);
    }
    return new JsonObject().put("parentId", parent == null ? null : parent.toString()).put("slug", slug)
        .put("name", name).put("position", position == null ? 0 : position).put("active", !Boolean.FALSE.equals(active));
  }

  private static JsonObject named(JsonObject body) {
    List<Violation> into = new ArrayList<>();
    JsonInput in = new JsonInput(body, "", NAMED, into);
    String slug = in.string("slug");
    String name = in.string("name");
    ProductRules.slug("/slug", slug, into);
    ProductRules.text("/name", name, 1, 200, into);
    if (!into.isEmpty()) {
      throw Rejected.invalid(into);
    }
    return new JsonObject().put("slug", slug).put("name", name);
  }
}
