package org.emporium.pricing.application;

import io.vertx.core.Future;
import org.emporium.pricing.domain.CatalogItem;

import java.util.Currency;
import java.util.List;
import java.util.Map;

/** The catalog context as pricing sees it: SKUs with their status, categories and prices. */
public interface Catalog {

  /** The known SKUs by SKU; an unknown one is left out. */
  Future<Map<String, CatalogItem>> lookup(List<String> skus, Currency currency);
}
