package org.emporium.search.infra;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.events.CloudEvent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Brands and categories renamed or moved since the last reload (topic {@code catalog.taxonomy.v1}).
 * Product snapshots carry their brand's and category's names and the category's ancestors, so the
 * products concerned are reloaded from the catalog's export: a category's whole subtree, or a
 * brand's products. Used from the index thread, and between its steps.
 */
final class TaxonomyChanges {

  static final String TOPIC = "catalog.taxonomy.v1";
  private static final String CATEGORY_UPDATED = "emporium.catalog.category.updated.v1";
  private static final String BRAND_UPDATED = "emporium.catalog.brand.updated.v1";

  private final Set<JsonObject> pending = new LinkedHashSet<>();

  /** Notes the export filter an event calls for; other events are ignored. */
  void note(CloudEvent event) {
    if (CATEGORY_UPDATED.equals(event.type())) {
      pending.add(new JsonObject().put("categoryId", event.data().getJsonObject("category").getString("id")));
    } else if (BRAND_UPDATED.equals(event.type())) {
      pending.add(new JsonObject().put("brandId", event.data().getJsonObject("brand").getString("id")));
    }
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** The filters to reload by; each is forgotten once its reload is {@link #done}. */
  List<JsonObject> pending() {
    return List.copyOf(pending);
  }

  void done(JsonObject filter) {
    pending.remove(filter);
  }
}
