package org.emporium.catalog.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.catalog.application.ChangingProducts;
import org.emporium.catalog.application.ManagingTaxonomy;
import org.emporium.catalog.application.ReadingProducts;
import org.emporium.catalog.application.Rejected;
import org.emporium.catalog.domain.Ownership;
import org.emporium.catalog.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;

import java.util.List;
import java.util.UUID;

/** The operations behind the {@code catalog.*} addresses: request in, use case, reply out. */
final class CatalogEndpoints {

  static final int MAX_SKUS = 200;
  static final int MAX_EXPORT = 1000;
  private static final String PRODUCTS_PATH = "/api/v1/products/";

  private final ChangingProducts changing;
  private final ReadingProducts reading;
  private final ManagingTaxonomy taxonomy;

  CatalogEndpoints(ChangingProducts changing, ReadingProducts reading, ManagingTaxonomy taxonomy) {
    this.changing = changing;
    this.reading = reading;
    this.taxonomy = taxonomy;
  }

  Future<JsonObject> getProduct(ForwardedRequest request) {
    UUID id = CatalogRequests.pathId(request, "id");
    return reading.get(request.principal().orElse(null), id, CatalogRequests.currency(request.query("currency")))
        .map(product -> ForwardedReply.ok(product, reading.encoded(id, product)));
  }

  Future<JsonObject> getProductBySlug(ForwardedRequest request) {
    return reading.bySlug(request.principal().orElse(null), request.path("slug"),
        CatalogRequests.currency(request.query("currency"))).map(ForwardedReply::ok);
  }

  Future<JsonObject> listProducts(ForwardedRequest request) {
    int limit = CatalogRequests.limit(request.query("limit"), CatalogRequests.DEFAULT_LIMIT, CatalogRequests.MAX_LIMIT);
    return reading.list(text(request.query("category")), text(request.query("brand")),
            CatalogRequests.currency(request.query("currency")), CatalogRequests.cursor(request.query("cursor")), limit)
        .map(page -> ForwardedReply.ok(new JsonObject().put("items", new JsonArray(page.items()))
            .put("nextCursor", page.next() == null ? null : page.next().toString())));
  }

  Future<JsonObject> createProduct(ForwardedRequest request) {
    Principal caller = request.requirePermission(Ownership.WRITE);
    return changing.create(caller, request.body())
        .map(product -> ForwardedReply.created(product, PRODUCTS_PATH + product.getString("id")));
  }

  Future<JsonObject> replaceProduct(ForwardedRequest request) {
    Principal caller = request.requirePermission(Ownership.WRITE);
    return changing.replace(caller, CatalogRequests.pathId(request, "id"), request.body()).map(ForwardedReply::ok);
  }

  Future<JsonObject> updateProduct(ForwardedRequest request) {
    Principal caller = request.requirePermission(Ownership.WRITE);
    return changing.patch(caller, CatalogRequests.pathId(request, "id"), request.body()).map(ForwardedReply::ok);
  }

  Future<JsonObject> deleteProduct(ForwardedRequest request) {
    Principal caller = request.requirePermission(Ownership.WRITE);
    return changing.archive(caller, CatalogRequests.pathId(request, "id")).map(done -> ForwardedReply.noContent());
  }

  Future<JsonObject> putPrice(ForwardedRequest request) {
    Principal caller = request.requirePermission(Ownership.WRITE);
    return changing.putPrice(caller, CatalogRequests.pathId(request, "id"), request.path("sku"),
        CatalogRequests.price(request)).map(ForwardedReply::ok);
  }

  Future<JsonObject> listCategories(ForwardedRequest request) {
    return taxonomy.tree().map(ForwardedReply::ok);
  }

  Future<JsonObject> listBrands(ForwardedRequest request) {
    return taxonomy.brands().map(ForwardedReply::ok);
  }

  Future<JsonObject> createCategory(ForwardedRequest request) {
    request.requirePermission(Ownership.MANAGE);
    return taxonomy.createCategory(request.body()).map(c -> ForwardedReply.created(c,
        "/api/v1/admin/categories/" + c.getString("id")));
  }

  Future<JsonObject> updateCategory(ForwardedRequest request) {
    request.requirePermission(Ownership.MANAGE);
    return taxonomy.updateCategory(CatalogRequests.pathId(request, "id"), request.body()).map(ForwardedReply::ok);
  }

  Future<JsonObject> createNamed(String kind, ForwardedRequest request) {
    request.requirePermission(Ownership.MANAGE);
    return taxonomy.createNamed(kind, request.body()).map(named -> ForwardedReply.created(named,
        "/api/v1/admin/" + kind + "s/" + named.getString("id")));
  }

  Future<JsonObject> updateNamed(String kind, ForwardedRequest request) {
    request.requirePermission(Ownership.MANAGE);
    return taxonomy.updateNamed(kind, CatalogRequests.pathId(request, "id"), request.body()).map(ForwardedReply::ok);
  }

  Future<JsonObject> listShops(ForwardedRequest request) {
    request.requirePermission(Ownership.MANAGE);
    return taxonomy.shops().map(ForwardedReply::ok);
  }

  /** {@code catalog.lookupSkus}: {@code {skus: [..<=200], currency?}}. */
  Future<JsonObject> lookupSkus(JsonObject body) {
    Object skus = body.getValue("skus");
    if (!(skus instanceof JsonArray list) || list.isEmpty() || list.size() > MAX_SKUS
        || !list.stream().allMatch(s -> s instanceof String)) {
      throw Rejected.invalid(List.of(new Violation("/skus", "must be 1 to " + MAX_SKUS + " SKUs")));
    }
    List<String> wanted = list.stream().map(String::valueOf).distinct().toList();
    return reading.lookupSkus(wanted, CatalogRequests.currency(body.getValue("currency")));
  }

  /** The public batch (gRPC): like {@code catalog.lookupSkus}, but unpublished products count as missing. */
  Future<JsonObject> lookupPublishedSkus(ForwardedRequest request) {
    return lookupSkus(request.body()).map(found -> {
      JsonArray items = new JsonArray();
      JsonArray missing = found.getJsonArray("missing").copy();
      found.getJsonArray("items").forEach(item -> {
        JsonObject one = (JsonObject) item;
        if ("published".equals(one.getString("status"))) {
          items.add(one);
        } else {
          missing.add(one.getString("sku"));
        }
      });
      return ForwardedReply.ok(new JsonObject().put("items", items).put("missing", missing));
    });
  }

  /** {@code catalog.exportProducts}: {@code {after, limit, categoryId?, brandId?}}. */
  Future<JsonObject> exportProducts(JsonObject body) {
    UUID from = optionalId(body, "after");
    return reading.export(from, optionalId(body, "categoryId"), optionalId(body, "brandId"),
        CatalogRequests.limit(body.getValue("limit"), MAX_EXPORT, MAX_EXPORT));
  }

  private static UUID optionalId(JsonObject body, String field) {
    Object value = body.getValue(field);
    UUID id = value == null ? null : CatalogRequests.uuid(value);
    if (value != null && id == null) {
      throw Rejected.invalid(List.of(new Violation("/" + field, "must be an id or null")));
    }
    return id;
  }

  Future<JsonObject> categoryTree(JsonObject body) {
    return taxonomy.flatTree();
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
