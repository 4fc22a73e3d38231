package org.emporium.edge.api;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled checks never accept what the library's validator refuses: every parameter and body
 * schema of the contract against a corpus of ordinary and hostile values.
 */
class QuickSchemaTest {

  private static Vertx vertx;
  private static OpenAPIContract contract;

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    Buffer text = Buffer.buffer(Files.readAllBytes(Path.of("src/main/resources/openapi/emporium.yaml")));
    contract = RoutableContract.load(vertx, text).await();
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void acceptsOnlyWhatTheValidatorAcceptsForEverySchemaOfTheContract() {
    Map<String, JsonSchema> schemas = schemas();
    SchemaRepository repository = contract.getSchemaRepository();
    Random random = new Random(42);
    int compiled = 0;
    int accepted = 0;
    int refused = 0;
    for (Map.Entry<String, JsonSchema> entry : schemas.entrySet()) {
      QuickSchema.Check check = QuickSchema.compile(entry.getValue());
      if (check == null) {
        continue;
      }
      compiled++;
      var validator = repository.validator(entry.getValue());
      JsonObject plain = plain(entry.getValue());
      for (Object value : samples(plain, random)) {
        if (check.accepts(value)) {
          accepted++;
          assertThat(valid(validator, value)).as("%s accepts %s", entry.getKey(), value).isTrue();
        } else {
          refused++;
        }
      }
    }
    // the checks do work (they accept the ordinary values) and are not a blanket yes
    assertThat(compiled).isGreaterThan(100);
    assertThat(accepted).isGreaterThan(1000);
    assertThat(refused).isGreaterThan(1000);
  }

  @Test
  void compilesTheHotOperationsAndLeavesUnknownKeywordsToTheValidator() {
    Map<String, JsonSchema> schemas = schemas();
    QuickSchema.Check productId = QuickSchema.compile(schemas.get("getProduct path id"));
    String id = UUID.randomUUID().toString();
    assertThat(productId.accepts(id)).isTrue();
    assertThat(productId.accepts(id.toUpperCase())).isTrue();
    assertThat(productId.accepts(id.substring(1) + "g")).isFalse();
    assertThat(productId.accepts(id + "\n")).isFalse();
    assertThat(productId.accepts("\u0661" + id.substring(1))).isFalse(); // an Arabic-Indic digit one

    QuickSchema.Check item = QuickSchema.compile(schemas.get("addCartItem body application/json"));
    assertThat(item.accepts(new JsonObject().put("sku", "DEMO-00001-1").put("quantity", 2))).isTrue();
    assertThat(item.accepts(new JsonObject().put("sku", "DEMO-00001-1").put("quantity", 0))).isFalse();
    assertThat(item.accepts(new JsonObject().put("sku", "DEMO-00001-1"))).isFalse();
    assertThat(item.accepts(new JsonObject().put("sku", "DEMO-00001-1").put("quantity", 1).put("price", 1)))
        .isFalse();
    assertThat(item.accepts(new JsonObject().put("sku", "-bad").put("quantity", 1))).isFalse();

    assertThat(QuickSchema.compile(new JsonObject().put("type", "string").put("format", "date-time"))).isNull();
    assertThat(QuickSchema.compile(new JsonObject().put("type", "integer").put("multipleOf", 2))).isNull();
    assertThat(QuickSchema.compile(new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put("a", new JsonObject().put("type", "number"))))).isNull();
    assertThat(QuickSchema.compile(new JsonObject().put("oneOf", new JsonArray()))).isNull();
  }

  @Test
  void wordsAndUuidsAreWhatTheLibrarysTransformersMakeOfThem() {
    List<io.vertx.openapi.contract.Parameter> texts = new ArrayList<>();
    contract.operations().forEach(operation -> operation.getParameters().stream()
        .filter(parameter -> parameter.getSchemaType() == io.vertx.json.schema.common.dsl.SchemaType.STRING)
        .filter(parameter -> parameter.getStyle() == io.vertx.openapi.contract.Style.SIMPLE
            || parameter.getStyle() == io.vertx.openapi.contract.Style.FORM)
        .forEach(texts::add));
    assertThat(texts).extracting(io.vertx.openapi.contract.Parameter::getStyle)
        .contains(io.vertx.openapi.contract.Style.SIMPLE, io.vertx.openapi.contract.Style.FORM);
    Random random = new Random(7);
    List<String> raws = new ArrayList<>(List.of("abc", "ABC_1", "123", "0", "007", "1e5", "true", "null", "_"));
    for (int i = 0; i < 500; i++) {
      UUID id = new UUID(random.nextLong(), random.nextLong());
      raws.add(random.nextBoolean() ? id.toString() : id.toString().toUpperCase());
      // digits only in the first group, an exponent-like first group, zeros
      raws.add(String.format("%08d", random.nextInt(100_000_000)) + id.toString().substring(8));
      raws.add("1234e567" + id.toString().substring(8));
      raws.add(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
    }
    raws.add("00000000-0000-0000-0000-000000000000");
    int kept = 0;
    for (io.vertx.openapi.contract.Parameter parameter : texts) {
      var transformer = parameter.getStyle() == io.vertx.openapi.contract.Style.SIMPLE
          ? new io.vertx.openapi.validation.transformer.SimpleTransformer()
          : new io.vertx.openapi.validation.transformer.FormTransformer();
      for (String raw : raws) {
        if (QuickSchema.word(raw) || QuickSchema.uuid(raw)) {
          kept++;
          assertThat(transformer.transform(parameter, raw)).as("%s of %s", raw, parameter.getName()).isEqualTo(raw);
        }
      }
    }
    assertThat(kept).isGreaterThan(10_000);
    assertThat(QuickSchema.word("a-b")).isFalse();
    assertThat(QuickSchema.word("")).isFalse();
    assertThat(QuickSchema.word("é")).isFalse();
    assertThat(QuickSchema.uuid("urn:uuid:" + UUID.randomUUID())).isFalse();
  }

  private static boolean valid(io.vertx.json.schema.Validator validator, Object value) {
    try {
      OutputUnit result = validator.validate(value);
      return Boolean.TRUE.equals(result.getValid());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Map<String, JsonSchema> schemas() {
    Map<String, JsonSchema> schemas = new LinkedHashMap<>();
    contract.operations().forEach(operation -> {
      operation.getParameters().forEach(parameter -> schemas.put(operation.getOperationId() + " "
          + parameter.getIn().name().toLowerCase() + " " + parameter.getName(), parameter.getSchema()));
      if (operation.getRequestBody() != null) {
        operation.getRequestBody().getContent().forEach((type, media) ->
            schemas.put(operation.getOperationId() + " body " + type, media.getSchema()));
      }
    });
    return schemas;
  }

  private static JsonObject plain(JsonSchema schema) {
    JsonObject plain = new JsonObject();
    schema.fieldNames().forEach(key -> plain.put(key, schema.get(key)));
    return plain;
  }

  private static final List<Object> SCALARS = List.of("", "a", "A", "abc", "ABC", "USD", "usd", "US", "EUR1",
      "DEMO-00001-1", "-lead", "a-b", "a--b", "x_y", "has space", "é", "日本", "😀", "ＡＢＣ", "\u0661\u0662",
      "tab\there", "line\n", "USD\n", "12", "-1", "0", "1.5", "true", "null", "A".repeat(36), "a".repeat(65),
      "x".repeat(300), UUID.randomUUID().toString(), UUID.randomUUID().toString().toUpperCase(),
      "urn:uuid:" + UUID.randomUUID(), UUID.randomUUID() + "\n", UUID.randomUUID().toString().replace('-', '_'),
      0, 1, 2, 20, 99, 100, 101, 999, 1000, -5, Integer.MAX_VALUE, Long.MAX_VALUE, 9007199254740992L, 1.5, 2.0,
      true, false, new JsonObject(), new JsonArray());

  private static List<Object> samples(JsonObject schema, Random random) {
    List<Object> samples = new ArrayList<>(SCALARS);
    samples.add(null);
    if (schema.getValue("enum") instanceof JsonArray allowed) {
      samples.addAll(allowed.getList());
      allowed.forEach(value -> samples.add(String.valueOf(value).toUpperCase()));
    }
    if ("object".equals(schema.getString("type"))) {
      for (int i = 0; i < 200; i++) {
        samples.add(object(schema, random));
      }
    }
    if ("array".equals(schema.getString("type")) && schema.getValue("items") instanceof JsonObject items) {
      for (int i = 0; i < 100; i++) {
        JsonArray array = new JsonArray();
        int size = random.nextInt(4);
        for (int j = 0; j < size; j++) {
          List<Object> values = samples(items, random);
          array.add(values.get(random.nextInt(values.size())));
        }
        samples.add(array);
      }
    }
    return samples;
  }

  private static JsonObject object(JsonObject schema, Random random) {
    JsonObject object = new JsonObject();
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    for (String name : properties.fieldNames()) {
      if (random.nextInt(5) == 0) {
        continue; // left out
      }
      JsonObject property = properties.getJsonObject(name);
      // any corpus value (not the property's own samples: nested objects would multiply them), and
      // mostly values of the right kind, so that whole objects pass now and then
      Object value = SCALARS.get(random.nextInt(SCALARS.size()));
      Object good = goodValue(property, random);
      object.put(name, good != null && random.nextInt(4) != 0 ? good : value);
    }
    if (random.nextInt(6) == 0) {
      object.put("extra", "x");
    }
    return object;
  }

  /** A value of the property's own kind, when one is easy to make. */
  private static Object goodValue(JsonObject property, Random random) {
    if (property.getValue("enum") instanceof JsonArray allowed && !allowed.isEmpty()) {
      return allowed.getValue(random.nextInt(allowed.size()));
    }
    String type = property.getString("type", "");
    return switch (type) {
      case "string" -> "uuid".equals(property.getString("format")) ? UUID.randomUUID().toString()
          : List.of("DEMO-00001-1", "abc", "USD", "US", "a-b", "Ada").get(random.nextInt(6));
      case "integer" -> random.nextInt(3);
      case "boolean" -> random.nextBoolean();
      case "object" -> object(property, random);
      default -> null;
    };
  }
}
