package org.emporium.reliability.hostile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Damage to a request body as a whole: not JSON, not an object, empty, of another media type,
 * larger than the edge accepts, nested too deep, too many members, repeated keys, compressed; for
 * operations without a body, a body anyway; for text uploads (CSV, XML), hostile files.
 */
final class BodyCases {

  private final RestCases owner;
  private final Contract.Operation op;
  private final Random random;
  private final int bodyLimit;
  private final List<FuzzCase> cases = new ArrayList<>();

  BodyCases(RestCases owner, Contract.Operation op, Random random, int bodyLimit) {
    this.owner = owner;
    this.op = op;
    this.random = random;
    this.bodyLimit = bodyLimit;
  }

  List<FuzzCase> cases() {
    if (op.body() == null) {
      add("unexpected body", "application/json", "{\"hostile\": true}");
      add("unexpected body", "application/octet-stream", garbage(64));
      return cases;
    }
    if (!op.bodyType().equals("application/json")) {
      text();
    } else {
      json();
    }
    add("wrong content type", "application/x-www-form-urlencoded", "a=1&b=2");
    add("wrong content type", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--");
    add("oversized body", op.bodyType(), "{\"x\": \"" + "A".repeat(bodyLimit + 1) + "\"}");
    add("binary garbage", op.bodyType(), garbage(512));
    if (op.bodyRequired()) {
      add("no body", null, (Buffer) null);
    }
    return cases;
  }

  private void json() {
    JsonObject valid = (JsonObject) owner.baseline().body;
    String encoded = JsonEdits.encode(valid);
    for (String text : List.of("{", "{\"a\":}", "nul", "{\"a\": 1}}", "{'a': 1}", "{\"a\" 1}", "\uFEFF{}", "{\"a\": 01}",
        "{\"a\": \"\\x41\"}", "{\"a\": \"unterminated}")) {
      add("invalid JSON", "application/json", text);
    }
    for (String text : List.of("[]", "\"text\"", "42", "null", "true", "[" + encoded + "]")) {
      add("not an object", "application/json", text);
    }
    add("empty body", "application/json", "");
    add("wrong content type", "text/plain", encoded);
    add("wrong content type", "application/xml", "<cart><sku>x</sku></cart>");
    add("odd charset", "application/json; charset=utf-16", encoded);
    add("deep nesting", "application/json", "{\"deep\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}");
    add("deep nesting", "application/json", "{\"deep\": " + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}");
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 20_000; i++) {
      many.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":").append(i);
    }
    add("too many members", "application/json", many.append('}').toString());
    add("extra property", "application/json", JsonEdits.encode(valid.copy().put("isAdmin", true)
        .put("roles", new io.vertx.core.json.JsonArray().add("admin"))));
    add("prototype pollution", "application/json", JsonEdits.encode(valid.copy()
        .put("__proto__", new JsonObject().put("admin", true)).put("constructor", new JsonObject()
            .put("prototype", new JsonObject().put("admin", true)))));
    if (!valid.isEmpty()) {
      String first = valid.fieldNames().iterator().next();
      add("duplicate key", "application/json", "{\"" + first + "\": {\"twice\": [1]}, " + encoded.substring(1));
    }
    RestCases.Draft gzip = draft("application/json", gzip(encoded));
    gzip.headers.set("Content-Encoding", "gzip");
    cases.add(gzip.build("body", "gzip body"));
  }

  private void text() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>";
    StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    laughs.append("]><lolz>&lol9;</lolz>");
    add("XML external entity", "application/xml", xxe);
    add("XML entity expansion", "application/xml", laughs.toString());
    add("not XML", "application/xml", "<unclosed><a></unclosed");
    add("not CSV", "text/csv", "\u0000\u0001\u0002,,,\n\"unterminated");
    add("CSV bad values", "text/csv", "base,quote,rate\nUSD,EUR,-1\nUSD,GBP,NaN\nUSD,JPY,1e400\nUSD,usd,1");
    add("CSV injection", "text/csv", "base,quote,rate\n=cmd|' /C calc'!A0,EUR,0.9\n");
    add("CSV huge line", "text/csv", "base,quote,rate\nUSD,EUR," + "9".repeat(200_000));
    add("CSV too long", "text/csv", "base,quote,rate\n" + "#".repeat(1_000_001));
    add("empty body", "text/csv", "");
    add("wrong content type", "application/json", "{\"base\": \"USD\"}");
  }

  private String garbage(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private RestCases.Draft draft(String contentType, Object body) {
    RestCases.Draft draft = owner.baseline();
    draft.contentType = contentType;
    draft.body = body;
    return draft;
  }

  private void add(String kind, String contentType, String text) {
    add(kind, contentType, text == null ? null : Buffer.buffer(text.getBytes(kind.equals("binary garbage")
        || kind.equals("unexpected body") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8)));
  }

  private void add(String kind, String contentType, Buffer body) {
    RestCases.Draft draft = draft(contentType, body);
    cases.add(draft.build("body", kind));
  }

  private static Buffer gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(bytes.toByteArray());
  }
}
