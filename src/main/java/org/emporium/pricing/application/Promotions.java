package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.PromotionDefinition;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The stored promotions and their coupon codes (a code belongs to one promotion at a time). */
public interface Promotions {

  Future<Optional<Promotion>> find(SqlClient client, UUID id);

  /** Up to {@code limit} promotions after {@code after} (null: from the start), oldest first. */
  Future<List<Promotion>> page(SqlClient client, UUID after, int limit);

  /** The promotion of each of {@code codes} that exists, by normalised code. */
  Future<Map<String, Promotion>> byCodes(SqlClient client, Collection<String> codes);

  /** Which of {@code codes} belong to a promotion other than {@code owner}. */
  Future<List<String>> taken(SqlClient client, Collection<String> codes, UUID owner);

  Future<Promotion> insert(SqlClient client, UUID id, PromotionDefinition definition, Instant now);

  /** Replaces the definition (the usage counter stays); empty when there is no such promotion. */
  Future<Optional<Promotion>> replace(SqlClient client, UUID id, PromotionDefinition definition, Instant now);

  /** Makes it inactive; empty when there is no such promotion or it was inactive already. */
  Future<Optional<Promotion>> deactivate(SqlClient client, UUID id, Instant now);

  /** Sets the promotion's codes; a code of another promotion fails with a conflict. */
  Future<Void> setCodes(SqlClient client, UUID id, List<String> codes);
}
