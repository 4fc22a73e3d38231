package org.emporium.reliability.hostile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import org.emporium.edge.api.RoutableContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The REST contract as written ({@code src/main/resources/openapi/emporium.yaml}), read for the fuzzer. */
public final class Contract {

  static final Path FILE = Path.of("src/main/resources/openapi/emporium.yaml");
  private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

  private final JsonObject document;

  private Contract(JsonObject document) {
    this.document = document;
  }

  public static Contract load() {
    try {
      return new Contract(RoutableContract.parse(Buffer.buffer(Files.readAllBytes(FILE))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One operation: its parameters and JSON body schema with references resolved at the top level. */
  public record Operation(String id, String method, String path, List<Parameter> parameters, JsonObject body,
      String bodyType, boolean bodyRequired, boolean bearerOnly, boolean bearerOptional, String permission,
      boolean local) {

    /** The lowest persona that passes authentication and the permission check. */
    public Persona persona() {
      if (permission == null) {
        return bearerOnly ? Persona.CUSTOMER : Persona.ANONYMOUS;
      }
      return Persona.forPermission(permission);
    }

    @Override
    public String toString() {
      return method.toUpperCase() + " " + path + " (" + id + ")";
    }
  }

  public record Parameter(String name, String in, boolean required, JsonObject schema) {
  }

  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : METHODS) {
        JsonObject op = item.getJsonObject(method);
        if (op != null) {
          operations.add(operation(path, method, item, op));
        }
      }
    }
    return operations;
  }

  private Operation operation(String path, String method, JsonObject item, JsonObject op) {
    List<Parameter> parameters = new ArrayList<>();
    for (JsonArray list : List.of(item.getJsonArray("parameters", new JsonArray()),
        op.getJsonArray("parameters", new JsonArray()))) {
      for (Object entry : list) {
        JsonObject p = resolve((JsonObject) entry);
        parameters.add(new Parameter(p.getString("name"), p.getString("in"), p.getBoolean("required", false),
            resolve(p.getJsonObject("schema", new JsonObject()))));
      }
    }
    JsonObject body = null;
    String bodyType = null;
    boolean bodyRequired = false;
    JsonObject requestBody = op.getJsonObject("requestBody");
    if (requestBody != null) {
      JsonObject content = requestBody.getJsonObject("content");
      bodyType = content.fieldNames().iterator().next();
      body = resolve(content.getJsonObject(bodyType).getJsonObject("schema"));
      bodyRequired = requestBody.getBoolean("required", false);
    }
    JsonArray security = op.getJsonArray("security", new JsonArray());
    boolean optional = security.stream().anyMatch(s -> ((JsonObject) s).isEmpty());
    boolean bearer = security.stream().anyMatch(s -> ((JsonObject) s).containsKey("bearerAuth"));
    return new Operation(op.getString("operationId"), method, path, parameters, body, bodyType, bodyRequired,
        bearer && !optional, bearer && optional, op.getString("x-emporium-permission"),
        op.getBoolean("x-emporium-local", false));
  }

  /** Follows local {@code $ref}s until a schema or parameter that is not one. */
  JsonObject resolve(JsonObject maybeRef) {
    JsonObject target = maybeRef;
    while (target != null && target.containsKey("$ref")) {
      target = (JsonObject) JsonPointer.from(target.getString("$ref").substring(1)).queryJson(document);
    }
    return target;
  }
}
