package org.emporium.catalog.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Shops, brands and the category tree. Categories are JSON {@code {id, parentId, slug, name,
 * position, active}}; brands and shops {@code {id, slug, name}}. Writes fail with a
 * {@link Rejected} when a slug is taken (409).
 */
public interface Taxonomy {

  /** A category by id or slug. */
  Future<Optional<UUID>> categoryId(SqlClient client, String idOrSlug);

  Future<Optional<UUID>> brandId(SqlClient client, String idOrSlug);

  /** Every category, parents before children, siblings by position then name. */
  Future<List<JsonObject>> categories(SqlClient client);

  Future<List<JsonObject>> brands(SqlClient client);

  /** The category's ancestor ids, root first, ending with its own; empty when it does not exist. */
  Future<Optional<List<UUID>>> path(SqlClient client, UUID categoryId);

  Future<Void> insertCategory(SqlClient tx, UUID id, JsonObject category, List<UUID> path, Instant now);

  /** Changes a category; a new parent moves its whole subtree. False when it does not exist. */
  Future<Boolean> updateCategory(SqlClient tx, UUID id, JsonObject category, List<UUID> oldPath, List<UUID> newPath);

  /** {@code kind} is {@code brand} or {@code shop}. */
  Future<Void> insertNamed(SqlClient tx, String kind, UUID id, String slug, String name, Instant now);

  Future<Boolean> updateNamed(SqlClient tx, String kind, UUID id, String slug, String name);

  Future<List<JsonObject>> shops(SqlClient client);
}
