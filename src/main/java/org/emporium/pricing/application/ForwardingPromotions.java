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

/** Promotions that hand every call to another store; a subclass changes only what it must. */
public abstract class ForwardingPromotions implements Promotions {

  protected final Promotions store;

  protected ForwardingPromotions(Promotions store) {
    this.store = store;
  }

  @Override
  public Future<Optional<Promotion>> find(SqlClient client, UUID id) {
    return store.find(client, id);
  }

  @Override
  public Future<List<Promotion>> page(SqlClient client, UUID after, int limit) {
    return store.page(client, after, limit);
  }

  @Override
  public Future<Map<String, Promotion>> byCodes(SqlClient client, Collection<String> codes) {
    return store.byCodes(client, codes);
  }

  @Override
  public Future<List<String>> taken(SqlClient client, Collection<String> codes, UUID owner) {
    return store.taken(client, codes, owner);
  }

  @Override
  public Future<Promotion> insert(SqlClient client, UUID id, PromotionDefinition definition, Instant now) {
    return store.insert(client, id, definition, now);
  }

  @Override
  public Future<Optional<Promotion>> replace(SqlClient client, UUID id, PromotionDefinition definition, Instant now) {
    return store.replace(client, id, definition, now);
  }

  @Override
  public Future<Optional<Promotion>> deactivate(SqlClient client, UUID id, Instant now) {
    return store.deactivate(client, id, now);
  }

  @Override
  public Future<Void> setCodes(SqlClient client, UUID id, List<String> codes) {
    return store.setCodes(client, id, codes);
  }
}
