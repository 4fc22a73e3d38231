package org.emporium.catalog.application;

import io.vertx.core.json.JsonObject;
import org.emporium.catalog.domain.Price;
import org.emporium.catalog.domain.ProductStatus;
import org.emporium.platform.events.OutboxEvent;

/**
 * The events of topic {@code catalog.product.v1} (key: the product id). Each carries the whole
 * product as it is after the change ({@code data.product}); consumers keep the highest version.
 */
final class CatalogEvents {

  private static final String AGGREGATE = "product";

  private CatalogEvents() {
  }

  static OutboxEvent created(JsonObject snapshot) {
    return event("product.created", snapshot);
  }

  /**
   * The one event of a change from {@code before} to the snapshot: published when it became
   * published, unpublished when it stopped being published, updated otherwise.
   */
  static OutboxEvent changed(ProductStatus before, JsonObject snapshot) {
    ProductStatus after = ProductStatus.parse(snapshot.getString("status")).orElseThrow();
    if (before != ProductStatus.PUBLISHED && after == ProductStatus.PUBLISHED) {
      return event("product.published", snapshot);
    }
    if (before == ProductStatus.PUBLISHED && after != ProductStatus.PUBLISHED) {
      return event("product.unpublished", snapshot);
    }
    return event("product.updated", snapshot);
  }

  static OutboxEvent priceChanged(JsonObject snapshot, String sku, Price price, Long previousAmount) {
    JsonObject change = new JsonObject().put("sku", sku).put("currency", price.currency())
        .put("amount", price.amount()).put("compareAt", price.compareAt()).put("previousAmount", previousAmount);
    return OutboxEvent.of(AGGREGATE, snapshot.getString("id"), "price.changed",
        new JsonObject().put("product", snapshot).put("change", change));
  }

  private static OutboxEvent event(String name, JsonObject snapshot) {
    return OutboxEvent.of(AGGREGATE, snapshot.getString("id"), name, new JsonObject().put("product", snapshot));
  }
}
