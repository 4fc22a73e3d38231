package org.emporium.edge;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import org.emporium.edge.api.RoutableContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a request that breaks the contract reaches the edge's failure handler: an {@link HttpException}
 * 400 whose cause is the vertx-openapi {@link ValidatorException}, with the JSON Schema output unit
 * when a schema failed. The edge turns these into problem JSON, so their shape is pinned here.
 */
@ExtendWith(VertxExtension.class)
class OpenApiValidationTest {

  private HttpServer server;
  private WebClient client;

  @BeforeEach
  void serveTheContract(Vertx vertx) {
    var text = vertx.fileSystem().readFileBlocking("src/main/resources/openapi/emporium.yaml");
    RouterBuilder builder = RouterBuilder.create(vertx, RoutableContract.load(vertx, text).await(),
        RequestExtractor.withBodyHandler());
    builder.rootHandler(BodyHandler.create(false));
    builder.getRoutes().forEach(route -> route.setDoSecurity(false).addHandler(rc -> rc.response().setStatusCode(204).end()));
    Router router = builder.createRouter();
    router.route().failureHandler(rc -> rc.response().setStatusCode(rc.statusCode()).end(describe(rc).encode()));
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close().await();
  }

  @Test
  void aMissingRequiredPropertyIsReportedAtTheObjectWithItsNameInTheMessage() {
    JsonObject failure = register(new JsonObject().put("email", "ann@example.com").put("name", "Ann"));

    assertThat(failure.getInteger("status")).isEqualTo(400);
    assertThat(failure.getString("failure")).isEqualTo(HttpException.class.getName());
    assertThat(failure.getString("cause")).isEqualTo(SchemaValidationException.class.getName());
    assertThat(failure.getString("type")).isEqualTo(ValidatorErrorType.INVALID_VALUE.name());
    assertThat(failure.getString("message"))
        .isEqualTo("The value of the request body is invalid. Reason: Instance does not have required property \"password\"");
    JsonObject error = failure.getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("keywordLocation")).isEqualTo("#/required");
    assertThat(error.getString("instanceLocation")).isEqualTo("#");
    assertThat(error.getString("errorType")).isEqualTo("MISSING_VALUE");
  }

  @Test
  void anUnknownPropertyIsReportedAtItsOwnLocation() {
    JsonObject failure = register(valid().put("admin", true));

    assertThat(failure.getString("message")).endsWith("Property \"admin\" does not match additional properties schema at #/admin");
    assertThat(failure.getJsonArray("errors")).containsExactly(new JsonObject()
        .put("absoluteKeywordLocation", "app:///#/additionalProperties")
        .put("keywordLocation", "#/additionalProperties")
        .put("instanceLocation", "#/admin")
        .put("error", "Property \"admin\" does not match additional properties schema")
        .put("errorType", "INVALID_VALUE"));
  }

  @Test
  void aKnownPropertyWithABadValueIsAlsoReportedAsAnAdditionalProperty() {
    // vertx-json-schema 5.0.7 quirk: the message names the misleading last error; the real one is in the list
    JsonObject failure = register(valid().put("email", "not-an-email"));

    assertThat(failure.getString("message")).endsWith("Property \"email\" does not match additional properties schema at #/email");
    assertThat(failure.getJsonArray("errors").stream().map(JsonObject.class::cast).map(e -> e.getString("error")))
        .contains("String does not match format \"email\"", "Property \"email\" does not match additional properties schema");
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnsupportedFormatWithoutOutputUnit() {
    HttpResponse<?> response = client.post(server.actualPort(), "localhost", "/api/v1/auth/register")
        .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("hello")).await();
    JsonObject failure = response.bodyAsJsonObject();

    assertThat(failure.getString("cause")).isEqualTo(ValidatorException.class.getName());
    assertThat(failure.getString("type")).isEqualTo(ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT.name());
    assertThat(failure.getString("message")).isEqualTo("The format of the request body is not supported");
  }

  @Test
  void checkoutWithoutAnIdempotencyKeyIsAMissingParameter() {
    HttpResponse<?> response = client.post(server.actualPort(), "localhost", "/api/v1/checkout")
        .sendJsonObject(new JsonObject()).await();
    JsonObject failure = response.bodyAsJsonObject();

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(failure.getString("type")).isEqualTo(ValidatorErrorType.MISSING_REQUIRED_PARAMETER.name());
    assertThat(failure.getString("message")).contains("Idempotency-Key");
  }

  @Test
  void queryParametersAreCheckedAfterConversionAndDefaultsAreNotFilledIn() {
    assertThat(client.get(server.actualPort(), "localhost", "/api/v1/search?limit=101").send().await().statusCode())
        .isEqualTo(400);
    assertThat(client.get(server.actualPort(), "localhost", "/api/v1/products/not-a-uuid").send().await().statusCode())
        .isEqualTo(400);
    assertThat(client.get(server.actualPort(), "localhost", "/api/v1/search?q=shoe&sort=price_asc&limit=5&minPrice=100")
        .send().await().statusCode()).isEqualTo(204);
  }

  @Test
  void aValidBodyPasses() {
    assertThat(register(valid()).getInteger("status")).isEqualTo(204);
  }

  private static JsonObject valid() {
    return new JsonObject().put("email", "ann@example.com").put("name", "Ann").put("password", "long enough");
  }

  private JsonObject register(JsonObject body) {
    HttpResponse<?> response = client.post(server.actualPort(), "localhost", "/api/v1/auth/register")
        .sendJsonObject(body).await();
    JsonObject seen = response.statusCode() == 204 ? new JsonObject() : response.bodyAsJsonObject();
    return seen.put("status", response.statusCode());
  }

  private static JsonObject describe(RoutingContext rc) {
    Throwable failure = rc.failure();
    JsonObject described = new JsonObject().put("failure", failure.getClass().getName());
    if (failure.getCause() instanceof ValidatorException invalid) {
      described.put("cause", invalid.getClass().getName()).put("type", invalid.type().name()).put("message", invalid.getMessage());
      if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
        described.put("errors", schema.getOutputUnit().toJson().getJsonArray("errors", new JsonArray()));
      }
    }
    return described;
  }
}
