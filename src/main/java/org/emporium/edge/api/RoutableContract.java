package org.emporium.edge.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads the OpenAPI contract for the router. vertx-openapi 5.0.7 refuses a contract whose
 * responses use a media type it cannot validate, such as {@code application/problem+json}; the
 * router validates requests only, so those response contents are left out of the copy it gets.
 * Request bodies of such types (a {@code text/csv} upload) move to {@value #RAW_BODY}, which the edge
 * validates itself. {@code /openapi.yaml} still serves the contract as written.
 */
public final class RoutableContract {

  /** The operation member holding the request body contents vertx-openapi cannot load: {@code {required, content}}. */
  public static final String RAW_BODY = "x-emporium-raw-body";

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private RoutableContract() {
  }

  /** The contract parsed from its YAML text, as the router can load it. */
  public static Future<OpenAPIContract> load(Vertx vertx, Buffer yaml) {
    try {
      return OpenAPIContract.from(vertx, routable(parse(yaml)));
    } catch (RuntimeException malformed) {
      return Future.failedFuture(malformed);
    }
  }

  /** The contract as written, for reading its documentation and extensions. */
  public static JsonObject parse(Buffer yaml) {
    LoaderOptions options = new LoaderOptions();
    // a repeated key would silently replace an operation or a schema
    options.setAllowDuplicateKeys(false);
    Object document = new Yaml(new SafeConstructor(options)).load(yaml.toString());
    if (!(document instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("The contract is not a YAML mapping");
    }
    return (JsonObject) json(map);
  }

  /** A copy without the response contents vertx-openapi cannot load. */
  static JsonObject routable(JsonObject contract) {
    JsonObject copy = contract.copy();
    JsonObject paths = copy.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      METHODS.stream()
          .map(item::getJsonObject)
          .filter(Objects::nonNull)
          .forEach(operation -> {
            keepLoadableContent(operation.getJsonObject("responses", new JsonObject()));
            moveRawBody(operation);
          });
    }
    keepLoadableContent(copy.getJsonObject("components", new JsonObject()).getJsonObject("responses", new JsonObject()));
    return copy;
  }

  private static void keepLoadableContent(JsonObject responses) {
    for (String status : responses.fieldNames()) {
      if (responses.getValue(status) instanceof JsonObject response
          && response.getValue("content") instanceof JsonObject content) {
        List.copyOf(content.fieldNames()).stream()
            .filter(type -> !MediaType.isMediaTypeSupported(type))
            .forEach(content::remove);
        if (content.isEmpty()) {
          response.remove("content");
        }
      }
    }
  }

  private static void moveRawBody(JsonObject operation) {
    if (!(operation.getValue("requestBody") instanceof JsonObject body)
        || !(body.getValue("content") instanceof JsonObject content)) {
      return;
    }
    JsonObject raw = new JsonObject();
    List.copyOf(content.fieldNames()).stream()
        .filter(type -> !MediaType.isMediaTypeSupported(type))
        .forEach(type -> raw.put(type, content.remove(type)));
    if (raw.isEmpty()) {
      return;
    }
    if (!content.isEmpty()) {
      throw new IllegalArgumentException("An operation takes either JSON or raw text bodies, not both: "
          + operation.getString("operationId"));
    }
    operation.remove("requestBody");
    operation.put(RAW_BODY, new JsonObject().put("required", body.getBoolean("required", false)).put("content", raw));
  }

  // YAML keys may parse as numbers or booleans; JSON keys are strings
  private static Object json(Object yaml) {
    if (yaml instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((key, value) -> object.put(String.valueOf(key), json(value)));
      return object;
    }
    if (yaml instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(value -> array.add(json(value)));
      return array;
    }
    return yaml;
  }
}
