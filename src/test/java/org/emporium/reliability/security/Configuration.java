package org.emporium.reliability.security;

import com.google.protobuf.InvalidProtocolBufferException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.grpc.reflection.v1.ServerReflectionRequest;
import io.vertx.grpc.reflection.v1.ServerReflectionResponse;
import io.vertx.grpc.reflection.v1.ServiceResponse;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.World;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * API8, security misconfiguration: failures are problem JSON without internals, every answer has
 * the security headers and no server banner, CORS allows only the listed origin. API9, improper
 * inventory: the node serves what the contract and the proto files list, nothing else.
 */
final class Configuration {

  /** What only an internal failure writes: exception names, stack frames, source files, packages. */
  private static final Pattern INTERNALS = Pattern.compile("Exception|\\tat |\\.java:\\d|org\\.emporium\\.|io\\.vertx\\."
      + "|SQLSTATE|PSQL");

  private final HostileNode node;
  private final World world;

  Configuration(HostileNode node) {
    this.node = node;
    this.world = node.world();
  }

  Check errorsAndHeaders() {
    Check check = new Check("API8 misconfiguration", "failures: problem JSON, no stack traces, security headers");
    String token = world.alice().accessToken();
    List<Supplier<HttpResponse<Buffer>>> failures = List.of(
        () -> node.call(GET, "/api/v1/nothing-here", null, null),
        () -> node.call(HttpMethod.PATCH, "/api/v1/carts", null, null),
        () -> node.call(POST, "/api/v1/auth/register", null, null, MultiMap.caseInsensitiveMultiMap()
            .add("Content-Type", "text/plain")),
        () -> HostileNode.await(node.send(POST, "/api/v1/auth/login", MultiMap.caseInsensitiveMultiMap()
            .add("Content-Type", "application/json"), Buffer.buffer("{\"email\": "))),
        () -> node.call(GET, "/api/v1/me", null, null),
        () -> node.call(GET, "/api/v1/admin/shops", token, null),
        () -> node.call(GET, "/api/v1/orders/" + UUID.randomUUID(), token, null),
        () -> node.call(POST, "/api/v1/auth/register", null, new io.vertx.core.json.JsonObject()
            .put("email", world.alice().email()).put("password", World.PASSWORD).put("name", "Again")),
        () -> node.call(GET, "/api/v1/carts/%zz", null, null),
        () -> node.call(GET, "/api/v1/products?limit=abc", null, null));
    for (Supplier<HttpResponse<Buffer>> failure : failures) {
      HttpResponse<Buffer> response = failure.get();
      String body = String.valueOf(response.bodyAsString());
      String what = response.statusCode() + " " + Check.clip(body);
      check.expect(response.statusCode() >= 400 && response.statusCode() < 500, "not a 4xx: " + what);
      check.expect(String.valueOf(response.getHeader("Content-Type")).startsWith("application/problem+json"),
          "not problem JSON: " + what);
      check.expect(!INTERNALS.matcher(body).find(), "internals: " + what);
      check.expect("nosniff".equals(response.getHeader("X-Content-Type-Options"))
          && "DENY".equals(response.getHeader("X-Frame-Options"))
          && String.valueOf(response.getHeader("Content-Security-Policy")).contains("default-src 'none'")
          && "no-referrer".equals(response.getHeader("Referrer-Policy")) && response.getHeader("Server") == null,
          "security headers missing: " + response.headers());
    }
    return check.figure("failures", failures.size());
  }

  Check cors() {
    Check check = new Check("API8 misconfiguration", "CORS: a foreign origin gets no allow header");
    String evil = "https://evil.example";
    for (String path : List.of("/api/v1/products", "/api/v1/me", "/eventbus/info", "/health/live")) {
      HttpResponse<Buffer> response = node.call(GET, path, world.alice().accessToken(), null,
          MultiMap.caseInsensitiveMultiMap().add("Origin", evil));
      check.expect(response.headers().names().stream().noneMatch(n -> n.toLowerCase().startsWith("access-control-")),
          path + " from " + evil + " carried " + response.headers());
      HttpResponse<Buffer> preflight = node.call(HttpMethod.OPTIONS, path, null, null, MultiMap
          .caseInsensitiveMultiMap().add("Origin", evil).add("Access-Control-Request-Method", "POST")
          .add("Access-Control-Request-Headers", "authorization"));
      check.expect(preflight.statusCode() == 403 && preflight.getHeader("Access-Control-Allow-Origin") == null,
          "a preflight of " + path + " from " + evil + " answered " + preflight.statusCode());
    }
    for (String lookalike : List.of(HostileNode.ALLOWED_ORIGIN + ".evil.example", "http://shop.example", "null")) {
      HttpResponse<Buffer> response = node.call(GET, "/api/v1/products", null, null,
          MultiMap.caseInsensitiveMultiMap().add("Origin", lookalike));
      check.expect(response.getHeader("Access-Control-Allow-Origin") == null, lookalike + " was allowed");
    }
    HttpResponse<Buffer> allowed = node.call(GET, "/api/v1/products", null, null,
        MultiMap.caseInsensitiveMultiMap().add("Origin", HostileNode.ALLOWED_ORIGIN));
    check.expect(HostileNode.ALLOWED_ORIGIN.equals(allowed.getHeader("Access-Control-Allow-Origin")),
        "the allowed origin (the control) got no allow header");
    return check;
  }

  Check inventory(GrpcProbe grpc, Set<String> protoServices) {
    Check check = new Check("API9 inventory", "only what the contract and the proto files list is served");
    for (String path : List.of("/api/v2/products", "/api/v1/internal/health", "/actuator/env", "/debug/vars",
        "/api/v1/admin", "/.git/config", "/swagger-ui.html", "/graphql", "/api/v1/products.json", "/.env",
        "/api/v1/admin/accounts", "/api/v1/outbox")) {
      check.status(node.call(GET, path, world.adminToken(), null), 404, path);
    }
    check.status(node.call(HttpMethod.DELETE, "/api/v1/carts", world.adminToken(), null), 405, "DELETE /api/v1/carts");
    check.status(node.call(HttpMethod.PUT, "/api/v1/orders", world.adminToken(), null), 405, "PUT /api/v1/orders");
    check.expect(node.call(HttpMethod.TRACE, "/api/v1/products", null, null).statusCode() >= 400, "TRACE answered");
    GrpcProbe.Answer answer = grpc.call("grpc.reflection.v1.ServerReflection/ServerReflectionInfo", null,
        ServerReflectionRequest.newBuilder().setListServices("*").build());
    try {
      Set<String> served = ServerReflectionResponse.parseFrom(answer.body().getBytes()).getListServicesResponse()
          .getServiceList().stream().map(ServiceResponse::getName).collect(Collectors.toCollection(TreeSet::new));
      Set<String> listed = new TreeSet<>(protoServices);
      listed.add("grpc.reflection.v1.ServerReflection");
      check.expect(served.equals(listed), "gRPC serves " + served + ", the proto files list " + listed);
    } catch (InvalidProtocolBufferException e) {
      check.expect(false, "reflection answered no list: " + answer.status() + " " + e);
    }
    return check;
  }
}
