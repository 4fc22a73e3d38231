package org.emporium.edge;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIContractException;
import io.vertx.openapi.contract.Operation;
import org.emporium.edge.api.RoutableContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST contract: what clients are promised (API.md) and what the edge's router needs from it. */
@ExtendWith(VertxExtension.class)
class OpenApiContractTest {

  private static final String CONTRACT = "src/main/resources/openapi/emporium.yaml";

  /** Every REST operation of API.md (and the identity additions), with the event-bus address of the context that serves it. */
  private static final Map<String, String> API = new LinkedHashMap<>();

  static {
    API.put("POST /api/v1/auth/register", "identity.register");
    API.put("POST /api/v1/auth/login", "identity.login");
    API.put("POST /api/v1/auth/refresh", "identity.refresh");
    API.put("POST /api/v1/auth/logout", "identity.logout");
    API.put("POST /api/v1/auth/logout-all", "identity.logoutAll");
    API.put("POST /api/v1/auth/password", "identity.changePassword");
    API.put("GET /api/v1/admin/accounts/{accountId}", "identity.getAccount");
    API.put("PUT /api/v1/admin/accounts/{accountId}/roles/{role}", "identity.grantRole");
    API.put("DELETE /api/v1/admin/accounts/{accountId}/roles/{role}", "identity.revokeRole");
    API.put("GET /.well-known/openid-configuration", "identity.discovery");
    API.put("GET /.well-known/jwks.json", "identity.jwks");
    API.put("GET /api/v1/admin/customers/{customerId}", "customer.getCustomer");
    API.put("GET /api/v1/me", "customer.getProfile");
    API.put("PATCH /api/v1/me", "customer.updateProfile");
    API.put("GET /api/v1/me/addresses", "customer.listAddresses");
    API.put("POST /api/v1/me/addresses", "customer.addAddress");
    API.put("PUT /api/v1/me/addresses/{id}", "customer.replaceAddress");
    API.put("DELETE /api/v1/me/addresses/{id}", "customer.deleteAddress");
    API.put("GET /api/v1/payments/{paymentId}", "payment.getPayment");
    API.put("POST /api/v1/payments/{paymentId}/refunds", "payment.refundPayment");
    API.put("POST /api/v1/payments/webhooks/{provider}", "payment.receiveWebhook");
    API.put("GET /api/v1/products", "catalog.listProducts");
    API.put("GET /api/v1/products/{id}", "catalog.getProduct");
    API.put("POST /api/v1/products", "catalog.createProduct");
    API.put("PUT /api/v1/products/{id}", "catalog.replaceProduct");
    API.put("PATCH /api/v1/products/{id}", "catalog.updateProduct");
    API.put("DELETE /api/v1/products/{id}", "catalog.deleteProduct");
    API.put("GET /api/v1/categories", "catalog.listCategories");
    API.put("GET /api/v1/products/by-slug/{slug}", "catalog.getProductBySlug");
    API.put("PUT /api/v1/products/{id}/variants/{sku}/prices/{currency}", "catalog.putPrice");
    API.put("GET /api/v1/brands", "catalog.listBrands");
    API.put("POST /api/v1/admin/categories", "catalog.createCategory");
    API.put("PUT /api/v1/admin/categories/{id}", "catalog.updateCategory");
    API.put("POST /api/v1/admin/brands", "catalog.createBrand");
    API.put("PUT /api/v1/admin/brands/{id}", "catalog.updateBrand");
    API.put("GET /api/v1/admin/shops", "catalog.listShops");
    API.put("POST /api/v1/admin/shops", "catalog.createShop");
    API.put("PUT /api/v1/admin/shops/{id}", "catalog.updateShop");
    API.put("GET /api/v1/search", "search.query");
    API.put("GET /api/v1/search/suggestions", "search.suggest");
    API.put("GET /api/v1/inventory/{sku}", "inventory.getStock");
    API.put("GET /api/v1/fx-rates", "pricing.listRates");
    API.put("PUT /api/v1/admin/fx-rates", "pricing.putRates");
    API.put("GET /api/v1/admin/promotions", "pricing.listPromotions");
    API.put("POST /api/v1/admin/promotions", "pricing.createPromotion");
    API.put("GET /api/v1/admin/promotions/{id}", "pricing.getPromotion");
    API.put("PUT /api/v1/admin/promotions/{id}", "pricing.replacePromotion");
    API.put("DELETE /api/v1/admin/promotions/{id}", "pricing.deactivatePromotion");
    API.put("GET /api/v1/coupons/{code}", "pricing.checkCoupon");
    API.put("POST /api/v1/admin/fx-rates/import", "pricing.importRates");
    API.put("GET /api/v1/admin/tax-rates", "pricing.listTaxRates");
    API.put("PUT /api/v1/admin/tax-rates/{country}", "pricing.putTaxRates");
    API.put("POST /api/v1/quotes", "pricing.createQuote");
    API.put("POST /api/v1/inventory/{sku}/receipts", "inventory.receiveStock");
    API.put("POST /api/v1/inventory/{sku}/returns", "inventory.returnStock");
    API.put("POST /api/v1/inventory/{sku}/adjustments", "inventory.adjustStock");
    API.put("PUT /api/v1/inventory/{sku}/reorder-level", "inventory.setReorderLevel");
    API.put("POST /api/v1/inventory/reservations", "inventory.reserveStock");
    API.put("POST /api/v1/inventory/reservations/{reservationId}/commit", "inventory.commitReservation");
    API.put("POST /api/v1/inventory/reservations/{reservationId}/release", "inventory.releaseReservation");
    API.put("POST /api/v1/carts", "cart.create");
    API.put("GET /api/v1/carts/{cartId}", "cart.get");
    API.put("POST /api/v1/carts/{cartId}/items", "cart.addItem");
    API.put("PUT /api/v1/carts/{cartId}/items/{sku}", "cart.setQuantity");
    API.put("DELETE /api/v1/carts/{cartId}/items/{sku}", "cart.removeItem");
    API.put("DELETE /api/v1/carts/{cartId}/items", "cart.clear");
    API.put("POST /api/v1/carts/{cartId}/coupons", "cart.applyCoupon");
    API.put("DELETE /api/v1/carts/{cartId}/coupons/{code}", "cart.removeCoupon");
    API.put("POST /api/v1/carts/{cartId}/merge", "cart.merge");
    API.put("POST /api/v1/checkout", "checkout.start");
    API.put("GET /api/v1/orders", "ordering.list");
    API.put("GET /api/v1/orders/{id}", "ordering.get");
    API.put("POST /api/v1/orders/{id}/cancel", "ordering.cancel");
    API.put("POST /api/v1/orders/{id}/transitions", "ordering.transition");
  }

  /** The text files an operation may take instead of JSON; the edge forwards them as strings. */
  private static final Set<String> RAW_TYPES = Set.of("text/csv", "application/xml");

  private static final Set<String> LOCAL = Set.of(
      "GET /health/live", "GET /health/ready", "GET /metrics", "GET /openapi.yaml");

  private OpenAPIContract contract;
  private JsonObject written;

  @BeforeEach
  void load(Vertx vertx) {
    Buffer text = vertx.fileSystem().readFileBlocking(CONTRACT);
    written = RoutableContract.parse(text);
    contract = RoutableContract.load(vertx, text).await();
  }

  @Test
  void everyPublicOperationIsServedByItsContextAndOperationsAreLocal() {
    Map<String, String> addresses = contract.operations().stream()
        .filter(op -> op.getExtensions().containsKey("x-emporium-address"))
        .collect(Collectors.toMap(OpenApiContractTest::key, op -> (String) op.getExtensions().get("x-emporium-address")));
    Set<String> local = contract.operations().stream()
        .filter(op -> Boolean.TRUE.equals(op.getExtensions().get("x-emporium-local")))
        .map(OpenApiContractTest::key)
        .collect(Collectors.toSet());

    assertThat(addresses).containsExactlyInAnyOrderEntriesOf(API);
    assertThat(local).containsExactlyInAnyOrderElementsOf(LOCAL);
    for (Operation op : contract.operations()) {
      boolean routed = op.getExtensions().containsKey("x-emporium-address");
      boolean isLocal = op.getExtensions().containsKey("x-emporium-local");
      assertThat(routed ^ isLocal).as("%s has exactly one of address and local", op.getOperationId()).isTrue();
      if (routed) {
        assertThat((String) op.getExtensions().get("x-emporium-address")).matches("^[a-z]+\\.[a-zA-Z]+$");
      }
      assertThat(op.getOperationId()).matches("^[a-z][a-zA-Z]*$");
    }
  }

  @Test
  void theRouterBuildsOnlyWithTheContractSecurityLeftToTheEdge(Vertx vertx) {
    RouterBuilder secured = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    secured.getRoutes().forEach(route -> route.addHandler(rc -> rc.end()));
    assertThatThrownBy(secured::createRouter).hasMessageContaining("Missing security handler for: 'bearerAuth'");

    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    builder.getRoutes().forEach(route -> route.setDoSecurity(false).addHandler(rc -> rc.end()));
    assertThat(builder.createRouter()).isNotNull();
    builder.getRoutes().forEach(route -> assertThat(route.getOperation().getOpenAPIModel()).isNotNull());
    assertThat(builder.getRoutes()).hasSize(API.size() + LOCAL.size());
  }

  @Test
  void vertxOpenApiCannotLoadProblemJsonResponsesSoTheRouterGetsACopyWithout(Vertx vertx) {
    // When this starts passing the load, RoutableContract can go.
    assertThatThrownBy(() -> OpenAPIContract.from(vertx, CONTRACT).await())
        .isInstanceOf(OpenAPIContractException.class)
        .hasMessageContaining("unsupported media type");
    JsonObject badRequest = written.getJsonObject("components").getJsonObject("responses").getJsonObject("BadRequest");
    assertThat(badRequest.getJsonObject("content").fieldNames()).containsExactly("application/problem+json");
  }

  @Test
  void aRepeatedKeyInTheContractIsAnErrorNotAnOverwrite() {
    assertThatThrownBy(() -> RoutableContract.parse(Buffer.buffer("paths:\n  /a: {}\n  /a: {}\n")))
        .hasMessageContaining("found duplicate key /a");
  }

  @Test
  void everyRequestBodyIsStrictJsonOrABoundedTextFile() {
    for (Operation op : contract.operations()) {
      JsonObject raw = op.getOpenAPIModel().getJsonObject(RoutableContract.RAW_BODY);
      if (raw != null) {
        JsonObject content = operationOf(op).getJsonObject("requestBody").getJsonObject("content");
        assertThat(content.fieldNames()).as(op.getOperationId()).isSubsetOf(RAW_TYPES).isNotEmpty();
        content.forEach(type -> assertThat(((JsonObject) type.getValue()).getJsonObject("schema").getString("type"))
            .as("%s %s", op.getOperationId(), type.getKey()).isEqualTo("string"));
        continue;
      }
      if (op.getRequestBody() == null) {
        continue;
      }
      assertThat(op.getRequestBody().getContent().keySet()).as(op.getOperationId()).containsExactly("application/json");
      JsonObject schema = resolve(operationOf(op).getJsonObject("requestBody")
          .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema"));
      assertThat(schema.getValue("additionalProperties")).as(op.getOperationId()).isEqualTo(false);
      assertThat(schema.containsKey("required") || schema.containsKey("minProperties") || !op.getRequestBody().isRequired())
          .as("%s says what a body must contain", op.getOperationId()).isTrue();
    }
  }

  @Test
  void everyInputIsBounded() {
    for (Operation op : contract.operations()) {
      JsonObject raw = operationOf(op);
      op.getParameters().forEach(p -> assertBounded(p.getSchema() == null ? null
          : resolve(parameterSchema(op, p.getName())), op.getOperationId() + " " + p.getName(), Set.of()));
      if (raw.containsKey("requestBody")) {
        JsonObject content = raw.getJsonObject("requestBody").getJsonObject("content");
        content.fieldNames().forEach(type -> assertBounded(content.getJsonObject(type).getJsonObject("schema"),
            op.getOperationId() + " body " + type, Set.of()));
      }
    }
  }

  @Test
  void everyRoutedOperationDocumentsItsErrorsAsProblemJson() {
    Set<String> documented = written.getJsonObject("components").getJsonObject("responses").fieldNames();
    assertThat(documented).contains("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict",
        "PayloadTooLarge", "UnsupportedMediaType", "Unprocessable", "TooManyRequests", "ServiceUnavailable");
    documented.forEach(name -> assertThat(written.getJsonObject("components").getJsonObject("responses")
        .getJsonObject(name).getJsonObject("content").fieldNames()).as(name).containsExactly("application/problem+json"));
    for (Operation op : contract.operations()) {
      if (!op.getExtensions().containsKey("x-emporium-local")) {
        assertThat(op.getResponse(400)).as("%s answers 400", op.getOperationId()).isNotNull();
      }
    }
    assertThat(contract.operation("checkout").getResponse(402)).isNotNull();
    assertThat(contract.operation("checkout").getParameters())
        .anyMatch(p -> p.getName().equals("Idempotency-Key") && p.isRequired());
  }

  private void assertBounded(JsonObject schema, String where, Set<String> seen) {
    if (schema == null) {
      return;
    }
    if (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      if (!seen.contains(ref)) {
        assertBounded(resolve(schema), where, union(seen, ref));
      }
      return;
    }
    if (schema.containsKey("enum") || schema.containsKey("const")) {
      return;
    }
    String type = String.valueOf(schema.getValue("type"));
    switch (type) {
      case "string" -> assertThat(schema.containsKey("maxLength")).as("%s: string without maxLength", where).isTrue();
      case "integer", "number" -> assertThat(schema.containsKey("minimum") && schema.containsKey("maximum"))
          .as("%s: number without range", where).isTrue();
      case "array" -> {
        assertThat(schema.containsKey("maxItems")).as("%s: array without maxItems", where).isTrue();
        assertBounded(schema.getJsonObject("items"), where + "[]", seen);
      }
      case "object" -> {
        Object extra = schema.getValue("additionalProperties");
        assertThat(extra).as("%s: open object", where).isNotNull().isNotEqualTo(true);
        if (extra instanceof JsonObject extraSchema) {
          assertThat(schema.containsKey("maxProperties")).as("%s: map without maxProperties", where).isTrue();
          assertBounded(extraSchema, where + ".*", seen);
        }
        JsonObject properties = schema.getJsonObject("properties", new JsonObject());
        properties.fieldNames().forEach(name -> assertBounded(properties.getJsonObject(name), where + "." + name, seen));
      }
      default -> assertThat(type).as("%s: unexpected type", where).isEqualTo("boolean");
    }
  }

  private JsonObject operationOf(Operation op) {
    return written.getJsonObject("paths").getJsonObject(op.getOpenAPIPath()).getJsonObject(op.getHttpMethod().name().toLowerCase());
  }

  private JsonObject parameterSchema(Operation op, String name) {
    JsonObject item = written.getJsonObject("paths").getJsonObject(op.getOpenAPIPath());
    return List.of(item.getJsonArray("parameters", new JsonArray()),
            operationOf(op).getJsonArray("parameters", new JsonArray())).stream()
        .flatMap(list -> list.stream().map(JsonObject.class::cast))
        .map(this::resolve)
        .filter(p -> p.getString("name").equals(name))
        .findFirst().orElseThrow()
        .getJsonObject("schema");
  }

  private JsonObject resolve(JsonObject maybeRef) {
    JsonObject target = maybeRef;
    while (target != null && target.containsKey("$ref")) {
      target = (JsonObject) JsonPointer.from(target.getString("$ref").substring(1)).queryJson(written);
    }
    return target;
  }

  private static Set<String> union(Set<String> seen, String ref) {
    return Stream.concat(seen.stream(), Stream.of(ref)).collect(Collectors.toSet());
  }

  private static String key(Operation op) {
    return op.getHttpMethod().name() + " " + op.getOpenAPIPath();
  }
}
