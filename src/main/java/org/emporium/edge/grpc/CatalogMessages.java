package org.emporium.edge.grpc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.grpc.catalog.v1.BatchGetBySkuRequest;
import org.emporium.edge.grpc.catalog.v1.CategoryRef;
import org.emporium.edge.grpc.catalog.v1.Dimensions;
import org.emporium.edge.grpc.catalog.v1.ListProductsRequest;
import org.emporium.edge.grpc.catalog.v1.Media;
import org.emporium.edge.grpc.catalog.v1.Money;
import org.emporium.edge.grpc.catalog.v1.Price;
import org.emporium.edge.grpc.catalog.v1.Product;
import org.emporium.edge.grpc.catalog.v1.ProductPage;
import org.emporium.edge.grpc.catalog.v1.Ref;
import org.emporium.edge.grpc.catalog.v1.SkuBatch;
import org.emporium.edge.grpc.catalog.v1.SkuItem;
import org.emporium.edge.grpc.catalog.v1.Variant;

/** Between {@code emporium.catalog.v1} messages and the catalog's JSON (the product snapshot). */
final class CatalogMessages {

  private CatalogMessages() {
  }

  static JsonObject listQuery(ListProductsRequest request) {
    JsonObject query = new JsonObject();
    if (request.hasCategory()) {
      query.put("category", request.getCategory());
    }
    if (request.hasBrand()) {
      query.put("brand", request.getBrand());
    }
    if (request.hasCurrency()) {
      query.put("currency", request.getCurrency());
    }
    if (request.hasLimit()) {
      query.put("limit", request.getLimit());
    }
    if (request.hasCursor()) {
      query.put("cursor", request.getCursor());
    }
    return query;
  }

  static JsonObject batch(BatchGetBySkuRequest request) {
    JsonObject body = new JsonObject().put("skus", new JsonArray(request.getSkusList()));
    return request.hasCurrency() ? body.put("currency", request.getCurrency()) : body;
  }

  static ProductPage page(JsonObject json) {
    ProductPage.Builder page = ProductPage.newBuilder();
    json.getJsonArray("items").forEach(item -> page.addItems(product((JsonObject) item)));
    if (json.getString("nextCursor") != null) {
      page.setNextCursor(json.getString("nextCursor"));
    }
    return page.build();
  }

  static SkuBatch skus(JsonObject json) {
    SkuBatch.Builder batch = SkuBatch.newBuilder();
    json.getJsonArray("missing").forEach(sku -> batch.addMissing((String) sku));
    json.getJsonArray("items").forEach(i -> {
      JsonObject item = (JsonObject) i;
      SkuItem.Builder b = SkuItem.newBuilder().setSku(item.getString("sku"))
          .setProductId(item.getString("productId")).setTitle(item.getString("title"))
          .setStatus(item.getString("status")).putAllOptions(strings(item.getJsonObject("options")));
      if (item.getInteger("weightGrams") != null) {
        b.setWeightGrams(item.getInteger("weightGrams"));
      }
      if (item.getJsonObject("price") != null) {
        b.setPrice(money(item.getJsonObject("price")));
        b.setPriceSource(item.getString("priceSource"));
      }
      if (item.getLong("compareAt") != null) {
        b.setCompareAt(item.getLong("compareAt"));
      }
      batch.addItems(b);
    });
    return batch.build();
  }

  static Product product(JsonObject json) {
    JsonObject category = json.getJsonObject("category");
    CategoryRef.Builder categoryRef = CategoryRef.newBuilder().setId(category.getString("id"))
        .setSlug(category.getString("slug")).setName(category.getString("name"));
    category.getJsonArray("path").forEach(id -> categoryRef.addPath((String) id));
    Product.Builder product = Product.newBuilder().setId(json.getString("id")).setShopId(json.getString("shopId"))
        .setSlug(json.getString("slug")).setTitle(json.getString("title")).setStatus(json.getString("status"))
        .setCategory(categoryRef).putAllAttributes(strings(json.getJsonObject("attributes")))
        .setCreatedAt(json.getString("createdAt")).setUpdatedAt(json.getString("updatedAt"))
        .setVersion(json.getLong("version"));
    if (json.getString("description") != null) {
      product.setDescription(json.getString("description"));
    }
    JsonObject brand = json.getJsonObject("brand");
    if (brand != null) {
      product.setBrand(Ref.newBuilder().setId(brand.getString("id")).setSlug(brand.getString("slug"))
          .setName(brand.getString("name")));
    }
    if (json.getString("publishedAt") != null) {
      product.setPublishedAt(json.getString("publishedAt"));
    }
    json.getJsonArray("media").forEach(m -> {
      JsonObject media = (JsonObject) m;
      Media.Builder b = Media.newBuilder().setUrl(media.getString("url"));
      if (media.getString("alt") != null) {
        b.setAlt(media.getString("alt"));
      }
      product.addMedia(b);
    });
    json.getJsonArray("variants").forEach(v -> product.addVariants(variant((JsonObject) v)));
    return product.build();
  }

  private static Variant variant(JsonObject json) {
    Variant.Builder variant = Variant.newBuilder().setSku(json.getString("sku"))
        .putAllOptions(strings(json.getJsonObject("options")));
    if (json.getString("barcode") != null) {
      variant.setBarcode(json.getString("barcode"));
    }
    if (json.getInteger("weightGrams") != null) {
      variant.setWeightGrams(json.getInteger("weightGrams"));
    }
    JsonObject d = json.getJsonObject("dimensionsMm");
    if (d != null) {
      variant.setDimensionsMm(Dimensions.newBuilder().setLength(d.getInteger("length"))
          .setWidth(d.getInteger("width")).setHeight(d.getInteger("height")));
    }
    json.getJsonArray("prices").forEach(p -> {
      JsonObject price = (JsonObject) p;
      Price.Builder b = Price.newBuilder().setCurrency(price.getString("currency")).setAmount(price.getLong("amount"));
      if (price.getLong("compareAt") != null) {
        b.setCompareAt(price.getLong("compareAt"));
      }
      variant.addPrices(b);
    });
    if (json.getJsonObject("price") != null) {
      variant.setPrice(money(json.getJsonObject("price"))).setPriceSource(json.getString("priceSource"));
    }
    if (json.getLong("compareAt") != null) {
      variant.setCompareAt(json.getLong("compareAt"));
    }
    return variant.build();
  }

  private static Money money(JsonObject json) {
    return Money.newBuilder().setAmount(json.getLong("amount")).setCurrency(json.getString("currency")).build();
  }

  private static java.util.Map<String, String> strings(JsonObject json) {
    java.util.Map<String, String> map = new java.util.TreeMap<>();
    if (json != null) {
      json.forEach(entry -> map.put(entry.getKey(), String.valueOf(entry.getValue())));
    }
    return map;
  }
}
