package org.emporium.catalog.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.catalog.application.Taxonomy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link Taxonomy} in {@code catalog.category}, {@code catalog.brand} and {@code catalog.shop}. */
public final class PgTaxonomy implements Taxonomy {

  private static final Set<String> NAMED = Set.of("brand", "shop");
  private static final String CATEGORY_ID = "SELECT id FROM catalog.category WHERE slug = $1 OR id::text = $1";
  private static final String BRAND_ID = "SELECT id FROM catalog.brand WHERE slug = $1 OR id::text = $1";
  private static final String CATEGORIES = "SELECT id, parent_id, slug, name, position, active FROM catalog.category "
      + "ORDER BY cardinality(path), position, name";
  private static final String PATH = "SELECT path FROM catalog.category WHERE id = $1";
  private static final String INSERT_CATEGORY = "INSERT INTO catalog.category (id, parent_id, slug, name, position, "
      + "active, path, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
  private static final String UPDATE_CATEGORY = "UPDATE catalog.category SET parent_id = $2, slug = $3, name = $4, "
      + "position = $5, active = $6 WHERE id = $1";
  // every category whose path starts with the old path gets the new prefix
  private static final String MOVE_SUBTREE = "UPDATE catalog.category SET path = $2::uuid[] "
      + "|| path[cardinality($1::uuid[]) + 1:] WHERE path[1:cardinality($1::uuid[])] = $1::uuid[]";

  @Override
  public Future<Optional<UUID>> categoryId(SqlClient client, String idOrSlug) {
    return firstId(client, CATEGORY_ID, idOrSlug);
  }

  @Override
  public Future<Optional<UUID>> brandId(SqlClient client, String idOrSlug) {
    return firstId(client, BRAND_ID, idOrSlug);
  }

  @Override
  public Future<List<JsonObject>> categories(SqlClient client) {
    return client.preparedQuery(CATEGORIES).execute().map(rows -> {
      List<JsonObject> all = new ArrayList<>();
      for (Row row : rows) {
        UUID parent = row.getUUID("parent_id");
        all.add(new JsonObject().put("id", row.getUUID("id").toString())
            .put("parentId", parent == null ? null : parent.toString()).put("slug", row.getString("slug"))
            .put("name", row.getString("name")).put("position", row.getInteger("position"))
            .put("active", row.getBoolean("active")));
      }
      return all;
    });
  }

  @Override
  public Future<List<JsonObject>> brands(SqlClient client) {
    return named(client, "brand");
  }

  @Override
  public Future<List<JsonObject>> shops(SqlClient client) {
    return named(client, "shop");
  }

  @Override
  public Future<Optional<List<UUID>>> path(SqlClient client, UUID categoryId) {
    return client.preparedQuery(PATH).execute(Tuple.of(categoryId)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(Arrays.asList(rows.iterator().next().getArrayOfUUIDs(0))));
  }

  @Override
  public Future<Void> insertCategory(SqlClient tx, UUID id, JsonObject c, List<UUID> path, Instant now) {
    return tx.preparedQuery(INSERT_CATEGORY).execute(Tuple.of(id, uuid(c.getString("parentId")), c.getString("slug"),
            c.getString("name"), c.getInteger("position"), c.getBoolean("active"), path.toArray(new UUID[0]),
            OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
        .<Void>mapEmpty().recover(PgErrors::translate);
  }

  @Override
  public Future<Boolean> updateCategory(SqlClient tx, UUID id, JsonObject c, List<UUID> oldPath, List<UUID> newPath) {
    return tx.preparedQuery(UPDATE_CATEGORY).execute(Tuple.of(id, uuid(c.getString("parentId")), c.getString("slug"),
            c.getString("name"), c.getInteger("position"), c.getBoolean("active")))
        .compose(updated -> updated.rowCount() == 0 || oldPath.equals(newPath)
            ? Future.succeededFuture(updated.rowCount() > 0)
            : tx.preparedQuery(MOVE_SUBTREE).execute(Tuple.tuple().addValue(oldPath.toArray(new UUID[0]))
                .addValue(newPath.toArray(new UUID[0]))).map(true))
        .recover(PgErrors::translate);
  }

  @Override
  public Future<Void> insertNamed(SqlClient tx, String kind, UUID id, String slug, String name, Instant now) {
    return tx.preparedQuery("INSERT INTO catalog." + table(kind) + " (id, slug, name, created_at) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(id, slug, name, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
        .<Void>mapEmpty().recover(PgErrors::translate);
  }

  @Override
  public Future<Boolean> updateNamed(SqlClient tx, String kind, UUID id, String slug, String name) {
    return tx.preparedQuery("UPDATE catalog." + table(kind) + " SET slug = $2, name = $3 WHERE id = $1")
        .execute(Tuple.of(id, slug, name)).map(rows -> rows.rowCount() > 0).recover(PgErrors::translate);
  }

  private static Future<List<JsonObject>> named(SqlClient client, String kind) {
    return client.preparedQuery("SELECT id, slug, name FROM catalog." + table(kind) + " ORDER BY name, id").execute()
        .map(rows -> {
          List<JsonObject> all = new ArrayList<>();
          rows.forEach(row -> all.add(new JsonObject().put("id", row.getUUID("id").toString())
              .put("slug", row.getString("slug")).put("name", row.getString("name"))));
          return all;
        });
  }

  private static String table(String kind) {
    if (!NAMED.contains(kind)) {
      throw new IllegalArgumentException("not a named kind: " + kind);
    }
    return kind;
  }

  private static Future<Optional<UUID>> firstId(SqlClient client, String sql, String ref) {
    return client.preparedQuery(sql).execute(Tuple.of(ref))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }
}
