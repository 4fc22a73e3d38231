package org.emporium.catalog.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.catalog.application.ProductJson;
import org.emporium.catalog.application.Products;
import org.emporium.catalog.domain.ProductContent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link Products} in {@code catalog.product} and {@code catalog.sku}; rows become snapshots here only. */
public final class PgProducts implements Products {

  /** The product-by-id read; the benchmark drives the same statement with pgbench. */
  public static final String SNAPSHOTS = "SELECT p.id, p.shop_id, p.slug, p.title, p.description, p.status, "
      + "p.attributes, p.media, p.variants, p.created_at, p.updated_at, p.published_at, p.version, "
      + "b.id AS brand_id, b.slug AS brand_slug, b.name AS brand_name, "
      + "c.id AS category_id, c.slug AS category_slug, c.name AS category_name, c.path AS category_path "
      + "FROM catalog.product p JOIN catalog.category c ON c.id = p.category_id "
      + "LEFT JOIN catalog.brand b ON b.id = p.brand_id WHERE p.id = ANY($1::uuid[])";
  private static final String LOCK = "SELECT id FROM catalog.product WHERE id = $1 FOR UPDATE";
  private static final String INSERT = "INSERT INTO catalog.product (id, shop_id, slug, title, description, brand_id, "
      + "category_id, status, attributes, media, variants, created_at, updated_at, published_at, version) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, 1)";
  private static final String UPDATE = "UPDATE catalog.product SET slug = $2, title = $3, description = $4, "
      + "brand_id = $5, category_id = $6, status = $7, attributes = $8, media = $9, variants = $10, updated_at = $11, "
      + "published_at = $12, version = version + 1 WHERE id = $1";
  private static final String DELETE_SKUS = "DELETE FROM catalog.sku WHERE product_id = $1";
  private static final String INSERT_SKUS = "INSERT INTO catalog.sku (sku, product_id) SELECT unnest($2::text[]), $1";
  private static final String BY_SLUG = "SELECT id FROM catalog.product WHERE slug = $1";
  private static final String PUBLISHED = "SELECT p.id FROM catalog.product p "
      + "JOIN catalog.category c ON c.id = p.category_id WHERE p.status = 'published' "
      + "AND ($1::uuid IS NULL OR c.path @> ARRAY[$1::uuid]) AND ($2::uuid IS NULL OR p.brand_id = $2) "
      + "AND ($3::uuid IS NULL OR p.id > $3) ORDER BY p.id LIMIT $4";
  private static final String OWNERS = "SELECT sku, product_id FROM catalog.sku WHERE sku = ANY($1::text[])";
  private static final String COUNT = "SELECT count(*) FROM catalog.product";

  @Override
  public Future<Map<UUID, JsonObject>> snapshots(SqlClient client, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return client.preparedQuery(SNAPSHOTS).execute(Tuple.of(ids.toArray(new UUID[0]))).map(rows -> {
      Map<UUID, JsonObject> found = new HashMap<>();
      rows.forEach(row -> found.put(row.getUUID("id"), snapshot(row)));
      return found;
    });
  }

  @Override
  public Future<Optional<JsonObject>> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.succeededFuture(Optional.empty())
        : snapshots(tx, List.of(id)).map(found -> Optional.ofNullable(found.get(id))));
  }

  @Override
  public Future<Void> insert(SqlClient tx, UUID id, UUID shopId, ProductContent content, Instant now) {
    OffsetDateTime at = utc(now);
    Tuple values = Tuple.of(id, shopId, content.slug(), content.title(), content.description(), content.brandId(),
            content.categoryId(), content.status().wire(), ProductJson.attributes(content))
        .addValue(ProductJson.media(content)).addValue(ProductJson.variants(content)).addValue(at)
        .addValue(content.status().wire().equals("published") ? at : null);
    return tx.preparedQuery(INSERT).execute(values).<Void>mapEmpty().recover(PgErrors::translate);
  }

  @Override
  public Future<Void> update(SqlClient tx, UUID id, ProductContent content, Instant now, Instant publishedAt) {
    Tuple values = Tuple.of(id, content.slug(), content.title(), content.description(), content.brandId(),
            content.categoryId(), content.status().wire(), ProductJson.attributes(content))
        .addValue(ProductJson.media(content)).addValue(ProductJson.variants(content)).addValue(utc(now))
        .addValue(publishedAt == null ? null : utc(publishedAt));
    return tx.preparedQuery(UPDATE).execute(values).<Void>mapEmpty().recover(PgErrors::translate);
  }

  @Override
  public Future<Void> replaceSkus(SqlClient tx, UUID id, List<String> skus) {
    return tx.preparedQuery(DELETE_SKUS).execute(Tuple.of(id))
        .compose(deleted -> tx.preparedQuery(INSERT_SKUS).execute(Tuple.tuple().addValue(id)
            .addValue(skus.toArray(new String[0]))))
        .<Void>mapEmpty().recover(PgErrors::translate);
  }

  @Override
  public Future<Optional<UUID>> idBySlug(SqlClient client, String slug) {
    return client.preparedQuery(BY_SLUG).execute(Tuple.of(slug))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  @Override
  public Future<List<UUID>> published(SqlClient client, UUID categoryId, UUID brandId, UUID after, int limit) {
    return client.preparedQuery(PUBLISHED).execute(Tuple.of(categoryId, brandId, after, limit)).map(rows -> {
      List<UUID> ids = new ArrayList<>(rows.size());
      rows.forEach(row -> ids.add(row.getUUID(0)));
      return ids;
    });
  }

  @Override
  public Future<Map<String, UUID>> productsOf(SqlClient client, List<String> skus) {
    return client.preparedQuery(OWNERS).execute(Tuple.of(skus.toArray(new String[0]))).map(rows -> {
      Map<String, UUID> owners = new HashMap<>();
      rows.forEach(row -> owners.put(row.getString("sku"), row.getUUID("product_id")));
      return owners;
    });
  }

  @Override
  public Future<Long> count(SqlClient client) {
    return client.query(COUNT).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  private static JsonObject snapshot(Row row) {
    UUID brandId = row.getUUID("brand_id");
    JsonArray path = new JsonArray();
    for (UUID ancestor : row.getArrayOfUUIDs("category_path")) {
      path.add(ancestor.toString());
    }
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("shopId", row.getUUID("shop_id").toString())
        .put("slug", row.getString("slug"))
        .put("title", row.getString("title"))
        .put("description", row.getString("description"))
        .put("status", row.getString("status"))
        .put("brand", brandId == null ? null : new JsonObject().put("id", brandId.toString())
            .put("slug", row.getString("brand_slug")).put("name", row.getString("brand_name")))
        .put("category", new JsonObject().put("id", row.getUUID("category_id").toString())
            .put("slug", row.getString("category_slug")).put("name", row.getString("category_name"))
            .put("path", path))
        .put("attributes", row.getJsonObject("attributes"))
        .put("media", row.getJsonArray("media"))
        .put("variants", row.getJsonArray("variants"))
        .put("createdAt", instant(row.getOffsetDateTime("created_at")))
        .put("updatedAt", instant(row.getOffsetDateTime("updated_at")))
        .put("publishedAt", instant(row.getOffsetDateTime("published_at")))
        .put("version", row.getLong("version"));
  }

  private static String instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant().toString();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
