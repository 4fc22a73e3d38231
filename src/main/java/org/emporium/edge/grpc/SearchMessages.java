package org.emporium.edge.grpc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.grpc.search.v1.FacetValue;
import org.emporium.edge.grpc.search.v1.Facets;
import org.emporium.edge.grpc.search.v1.Money;
import org.emporium.edge.grpc.search.v1.PriceRange;
import org.emporium.edge.grpc.search.v1.SearchHit;
import org.emporium.edge.grpc.search.v1.SearchRequest;
import org.emporium.edge.grpc.search.v1.SearchResponse;
import org.emporium.edge.grpc.search.v1.SuggestRequest;
import org.emporium.edge.grpc.search.v1.SuggestResponse;
import org.emporium.edge.grpc.search.v1.Suggestion;

/** Between {@code emporium.search.v1} messages and the query parameters and JSON of the REST search. */
final class SearchMessages {

  private SearchMessages() {
  }

  static JsonObject query(SearchRequest r) {
    JsonObject query = new JsonObject();
    if (r.hasQ()) {
      query.put("q", r.getQ());
    }
    if (r.hasCategory()) {
      query.put("category", r.getCategory());
    }
    if (r.hasBrand()) {
      query.put("brand", r.getBrand());
    }
    if (r.hasMinPrice()) {
      query.put("minPrice", r.getMinPrice());
    }
    if (r.hasMaxPrice()) {
      query.put("maxPrice", r.getMaxPrice());
    }
    if (r.hasCurrency()) {
      query.put("currency", r.getCurrency());
    }
    if (r.hasInStock()) {
      query.put("inStock", r.getInStock());
    }
    if (r.hasSort()) {
      query.put("sort", r.getSort());
    }
    if (r.hasLimit()) {
      query.put("limit", r.getLimit());
    }
    if (r.hasCursor()) {
      query.put("cursor", r.getCursor());
    }
    return query;
  }

  static JsonObject query(SuggestRequest r) {
    JsonObject query = new JsonObject().put("q", r.getQ());
    if (r.hasLimit()) {
      query.put("limit", r.getLimit());
    }
    return query;
  }

  static SearchResponse results(JsonObject body) {
    SearchResponse.Builder response = SearchResponse.newBuilder()
        .setTotal(body.getLong("total", 0L))
        .setCurrency(body.getString("currency", ""));
    body.getJsonArray("items", new JsonArray()).forEach(item -> response.addItems(hit((JsonObject) item)));
    JsonObject facets = body.getJsonObject("facets", new JsonObject());
    Facets.Builder f = Facets.newBuilder();
    facets.getJsonArray("categories", new JsonArray()).forEach(v -> f.addCategories(value((JsonObject) v)));
    facets.getJsonArray("brands", new JsonArray()).forEach(v -> f.addBrands(value((JsonObject) v)));
    facets.getJsonArray("priceRanges", new JsonArray()).forEach(v -> {
      JsonObject range = (JsonObject) v;
      PriceRange.Builder r = PriceRange.newBuilder().setMin(range.getLong("min")).setCount(range.getLong("count"));
      if (range.getLong("max") != null) {
        r.setMax(range.getLong("max"));
      }
      f.addPriceRanges(r);
    });
    response.setFacets(f);
    if (body.getString("nextCursor") != null) {
      response.setNextCursor(body.getString("nextCursor"));
    }
    return response.build();
  }

  static SuggestResponse suggestions(JsonObject body) {
    SuggestResponse.Builder response = SuggestResponse.newBuilder();
    body.getJsonArray("items", new JsonArray()).forEach(item -> {
      JsonObject s = (JsonObject) item;
      Suggestion.Builder suggestion = Suggestion.newBuilder().setText(s.getString("text"))
          .setProductId(s.getString("productId"));
      if (s.getString("slug") != null) {
        suggestion.setSlug(s.getString("slug"));
      }
      response.addItems(suggestion);
    });
    return response.build();
  }

  private static SearchHit hit(JsonObject item) {
    SearchHit.Builder hit = SearchHit.newBuilder().setProductId(item.getString("productId"))
        .setName(item.getString("name", "")).setSlug(item.getString("slug", ""));
    if (item.getString("brand") != null) {
      hit.setBrand(item.getString("brand"));
    }
    item.getJsonArray("categoryIds", new JsonArray()).forEach(id -> hit.addCategoryIds(String.valueOf(id)));
    JsonObject price = item.getJsonObject("price");
    if (price != null) {
      hit.setPrice(Money.newBuilder().setAmount(price.getLong("amount")).setCurrency(price.getString("currency")));
    }
    if (item.getString("imageUrl") != null) {
      hit.setImageUrl(item.getString("imageUrl"));
    }
    if (item.getDouble("score") != null) {
      hit.setScore(item.getDouble("score"));
    }
    return hit.build();
  }

  private static FacetValue value(JsonObject v) {
    return FacetValue.newBuilder().setValue(v.getString("value")).setLabel(v.getString("label", ""))
        .setCount(v.getLong("count")).build();
  }
}
