package org.emporium.catalog.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.events.OutboxEvent;

import java.util.List;
import java.util.UUID;

/**
 * The events of topic {@code catalog.taxonomy.v1} (key: the category or brand id). Product
 * snapshots name their brand and category, so a rename or a move makes every snapshot that names
 * them out of date without changing the products; readers that keep snapshots (search) reload the
 * products concerned when they see one of these.
 */
final class TaxonomyEvents {

  private static final String AGGREGATE = "taxonomy";

  private TaxonomyEvents() {
  }

  static OutboxEvent categoryUpdated(UUID id, JsonObject category, List<UUID> path) {
    JsonObject data = category.copy().put("id", id.toString())
        .put("path", new JsonArray(path.stream().map(UUID::toString).toList()));
    return OutboxEvent.of(AGGREGATE, id.toString(), "category.updated", new JsonObject().put("category", data));
  }

  static OutboxEvent brandUpdated(UUID id, JsonObject brand) {
    return OutboxEvent.of(AGGREGATE, id.toString(), "brand.updated",
        new JsonObject().put("brand", brand.copy().put("id", id.toString())));
  }
}
