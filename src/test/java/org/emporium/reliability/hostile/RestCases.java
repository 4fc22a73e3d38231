package org.emporium.reliability.hostile;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.reliability.hostile.BadValues.Bad;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Every hostile request the contract suggests for one operation: each parameter and each body
 * property (nested ones too) broken one way at a time while the rest is valid, plus damage to the
 * body as a whole ({@link BodyCases}) and to the URL. Deterministic for a seed.
 */
final class RestCases {

  private final Contract contract;
  private final Contract.Operation op;
  private final Values values;
  private final Map<String, String> known;
  private final Random random;
  private final int bodyLimit;

  RestCases(Contract contract, Contract.Operation op, World world, long seed, int bodyLimit) {
    this.contract = contract;
    this.op = op;
    this.random = new Random(seed ^ op.id().hashCode());
    this.known = known(op, world, random);
    this.values = new Values(contract, known, random);
    this.bodyLimit = bodyLimit;
  }

  /** Ids of the seeded world by parameter or property name; {@code id} depends on the path. */
  private static Map<String, String> known(Contract.Operation op, World world, Random random) {
    Map<String, String> known = new HashMap<>();
    known.put("cartId", world.guestCartId());
    known.put("X-Cart-Token", world.guestCartToken());
    known.put("sku", world.sku());
    known.put("accountId", world.spareAccountId());
    known.put("customerId", world.spareAccountId());
    known.put("paymentId", world.alice().paymentId());
    known.put("orderId", world.alice().orderId());
    known.put("provider", "simulator");
    known.put("currency", "USD");
    known.put("country", "DE");
    known.put("code", world.couponCode());
    known.put("slug", world.productSlug());
    known.put("categoryId", world.categoryId());
    known.put("shopId", world.shopId());
    known.put("brandId", world.brandId());
    known.put("productId", world.productId());
    String path = op.path();
    String id = path.startsWith("/api/v1/products") ? world.productId()
        : path.startsWith("/api/v1/me/addresses") ? world.alice().addressId()
        : path.startsWith("/api/v1/orders") ? world.alice().orderId()
        : path.startsWith("/api/v1/admin/promotions") ? world.promotionId()
        : path.startsWith("/api/v1/admin/categories") ? world.categoryId()
        : path.startsWith("/api/v1/admin/brands") ? world.brandId()
        : path.startsWith("/api/v1/admin/shops") ? world.shopId() : null;
    // a delete that got through would take the world away from the cases after it
    if (id != null && !"delete".equals(op.method())) {
      known.put("id", id);
    }
    if ("delete".equals(op.method())) {
      known.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
    }
    return known;
  }

  /** A request being built: parameters by location, and the body (a JSON object or raw text). */
  final class Draft {
    final Map<String, String> path = new LinkedHashMap<>();
    final Map<String, List<String>> query = new LinkedHashMap<>();
    final MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    Object body;
    String contentType;

    FuzzCase build(String target, String kind) {
      String uri = op.path();
      for (Map.Entry<String, String> p : path.entrySet()) {
        uri = uri.replace("{" + p.getKey() + "}", p.getValue());
      }
      StringBuilder q = new StringBuilder();
      query.forEach((name, list) -> list.forEach(v -> q.append(q.length() == 0 ? "?" : "&").append(name).append('=')
          .append(v)));
      MultiMap h = MultiMap.caseInsensitiveMultiMap().addAll(headers);
      Buffer buffer = null;
      if (body instanceof Buffer raw) {
        buffer = raw;
      } else if (body instanceof String text) {
        buffer = Buffer.buffer(text);
      } else if (body instanceof JsonObject json) {
        buffer = Buffer.buffer(JsonEdits.encode(json));
      }
      if (contentType != null) {
        h.set("Content-Type", contentType);
      }
      return new FuzzCase(op, Persona.ANONYMOUS, target, kind, World.method(op.method()), uri + q, h, buffer);
    }
  }

  /** The valid request every case starts from. */
  Draft baseline() {
    Draft draft = new Draft();
    for (Contract.Parameter p : op.parameters()) {
      if (!p.required() && !known.containsKey(p.name())) {
        continue;
      }
      String value = String.valueOf(values.valid(p.name(), p.schema()));
      if (p.name().equalsIgnoreCase("Idempotency-Key")) {
        value = new UUID(random.nextLong(), random.nextLong()).toString();
      }
      put(draft, p, value);
    }
    if (op.body() != null) {
      if (op.bodyType().equals("application/json")) {
        draft.body = values.valid("body", op.body());
      } else {
        draft.body = "base,quote,rate\nUSD,EUR,0.92\n";
      }
      draft.contentType = op.bodyType();
    }
    return draft;
  }

  private static void put(Draft draft, Contract.Parameter p, String value) {
    switch (p.in()) {
      case "path" -> draft.path.put(p.name(), encoded(value));
      case "query" -> draft.query.put(p.name(), new ArrayList<>(List.of(encoded(value))));
      case "header" -> draft.headers.set(p.name(), value);
      default -> {
      }
    }
  }

  static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Every case of the operation, grouped by target (a parameter, a body property, the body, the URL). */
  Map<String, List<FuzzCase>> all() {
    Map<String, List<FuzzCase>> cases = new LinkedHashMap<>();
    for (Contract.Parameter p : op.parameters()) {
      List<FuzzCase> list = cases.computeIfAbsent(p.in() + " " + p.name(), k -> new ArrayList<>());
      for (Bad bad : BadValues.of(p.schema(), p.required(), false)) {
        if (p.in().equals("header") && bad.value() instanceof String text && !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
          continue; // an HTTP client cannot send these in a header at all
        }
        Draft draft = baseline();
        if (bad.value() == BadValues.MISSING) {
          draft.path.remove(p.name());
          draft.query.remove(p.name());
          draft.headers.remove(p.name());
          if (p.in().equals("path")) {
            draft.path.put(p.name(), "");
          }
        } else {
          put(draft, p, String.valueOf(bad.value()));
        }
        list.add(draft.build(p.in() + " " + p.name(), bad.kind()));
      }
    }
    if (op.body() != null && op.bodyType().equals("application/json")) {
      properties(cases, op.body(), new ArrayList<>(), 0);
    }
    cases.put("body", new BodyCases(this, op, random, bodyLimit).cases());
    cases.put("url", urlCases());
    return cases;
  }

  private void properties(Map<String, List<FuzzCase>> cases, JsonObject schema, List<Object> at, int depth) {
    JsonObject resolved = contract.resolve(schema);
    if (resolved.containsKey("allOf")) {
      JsonObject merged = new JsonObject();
      resolved.getJsonArray("allOf").forEach(part -> merged.mergeIn(contract.resolve((JsonObject) part), true));
      resolved = merged;
    }
    JsonObject properties = resolved.getJsonObject("properties", new JsonObject());
    JsonArray required = resolved.getJsonArray("required", new JsonArray());
    for (String name : properties.fieldNames()) {
      List<Object> path = new ArrayList<>(at);
      path.add(name);
      JsonObject property = contract.resolve(properties.getJsonObject(name));
      String target = "body " + JsonEdits.pointer(path);
      List<FuzzCase> list = cases.computeIfAbsent(target, k -> new ArrayList<>());
      for (Bad bad : BadValues.of(property, required.contains(name), true)) {
        Draft draft = baseline();
        if (draft.body instanceof JsonObject body && JsonEdits.set(body, path, bad.value())) {
          list.add(draft.build(target, bad.kind()));
        }
      }
      String type = Values.type(property);
      if (depth < 3 && type.equals("object")) {
        properties(cases, property, path, depth + 1);
      } else if (depth < 3 && type.equals("array")) {
        JsonObject items = contract.resolve(property.getJsonObject("items", new JsonObject()));
        if (Values.type(items).equals("object")) {
          List<Object> first = new ArrayList<>(path);
          first.add(0);
          properties(cases, items, first, depth + 1);
        }
      }
    }
  }

  private List<FuzzCase> urlCases() {
    List<FuzzCase> cases = new ArrayList<>();
    for (Contract.Parameter p : op.parameters()) {
      if (p.in().equals("path")) {
        for (String raw : List.of("%", "%zz", "..", "a%2F..%2F..", "%00", "x".repeat(70_000))) {
          Draft draft = baseline();
          draft.path.put(p.name(), raw);
          cases.add(draft.build("path " + p.name(), "raw path segment"));
        }
      }
    }
    Draft extra = baseline();
    extra.query.put("hostileExtra", List.of(encoded("' OR 1=1")));
    cases.add(extra.build("query", "unknown parameter"));
    Draft broken = baseline();
    broken.query.put("q%zz", List.of("%zz"));
    cases.add(broken.build("query", "bad percent-encoding"));
    for (Contract.Parameter p : op.parameters()) {
      if (p.in().equals("query")) {
        Draft twice = baseline();
        twice.query.put(p.name(), List.of(encoded("1"), encoded("two")));
        cases.add(twice.build("query " + p.name(), "repeated parameter"));
      }
    }
    Draft header = baseline();
    header.headers.set("X-Hostile", "h".repeat(20_000));
    cases.add(header.build("headers", "header too large"));
    return cases;
  }

  Random random() {
    return random;
  }
}
