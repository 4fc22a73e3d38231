package org.emporium.catalog.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import org.emporium.catalog.domain.ProductContent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored products. Reads answer product snapshots (the JSON every catalog event carries);
 * writes fail with a {@link Rejected} when a unique value is taken (409) or a referenced shop,
 * brand or category does not exist (422).
 */
public interface Products {

  /** The snapshots of the products that exist among {@code ids}. */
  Future<Map<UUID, JsonObject>> snapshots(SqlClient client, List<UUID> ids);

  /** Locks the product for the rest of the transaction and answers its snapshot. */
  Future<Optional<JsonObject>> lock(SqlClient tx, UUID id);

  Future<Void> insert(SqlClient tx, UUID id, UUID shopId, ProductContent content, Instant now);

  /** Replaces the content, bumps the version; {@code publishedAt} as it should be now. */
  Future<Void> update(SqlClient tx, UUID id, ProductContent content, Instant now, Instant publishedAt);

  /** Makes {@code skus} exactly the product's SKUs. */
  Future<Void> replaceSkus(SqlClient tx, UUID id, List<String> skus);

  Future<Optional<UUID>> idBySlug(SqlClient client, String slug);

  /** Published products in id order after {@code after}, optionally under a category (its subtree) or of a brand. */
  Future<List<UUID>> published(SqlClient client, UUID categoryId, UUID brandId, UUID after, int limit);

  /** The product of each known SKU. */
  Future<Map<String, UUID>> productsOf(SqlClient client, List<String> skus);

  Future<Long> count(SqlClient client);
}
