package org.emporium.reliability.security;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.ordering.v1.ListOrdersRequest;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.World;

import java.util.Map;
import java.util.UUID;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * API2, broken authentication: forged access tokens (alg none, algorithm confusion, expired,
 * foreign issuer or audience, tampered payload or signature, unknown key, crit, embedded or remote
 * keys) are 401 over REST and UNAUTHENTICATED over gRPC while the genuine token passes; a reused
 * refresh token revokes its whole session; password guessing is throttled.
 */
final class Authentication {

  private static final String ORDERS = "/api/v1/orders";
  private static final String LIST_ORDERS = "emporium.ordering.v1.OrderService/ListOrders";

  private final HostileNode node;
  private final GrpcProbe grpc;

  Authentication(HostileNode node, GrpcProbe grpc) {
    this.node = node;
    this.grpc = grpc;
  }

  Check forgedTokens(Trap trap) {
    Check check = new Check("API2 authentication", "forged access tokens: 401 / UNAUTHENTICATED");
    Map<String, String> tokens = Forgeries.external(node.issuerUrl(), HostileNode.OIDC_AUDIENCE, node.issuerKey(),
        trap.url("/attacker/jwks.json"));
    String genuine = tokens.remove("genuine");
    HttpResponse<Buffer> control = node.call(GET, ORDERS, genuine, null);
    if (control.statusCode() != 200) {
      throw new AssertionError("the genuine token of the external issuer must pass, or the forgeries prove nothing: "
          + control.statusCode() + " " + control.bodyAsString());
    }
    JsonObject jwks = node.expect(200, GET, "/.well-known/jwks.json", null, null);
    tokens.putAll(Forgeries.builtIn(node.world().alice().accessToken(), jwks));
    tokens.put("refresh token as an access token", node.world().bob().refreshToken());
    for (Map.Entry<String, String> forged : tokens.entrySet()) {
      HttpResponse<Buffer> response = node.call(GET, ORDERS, forged.getValue(), null);
      check.expect(response.statusCode() == 401 && String.valueOf(response.getHeader("WWW-Authenticate"))
          .startsWith("Bearer"), forged.getKey() + " over REST answered " + response.statusCode());
      GrpcStatus status = grpc.call(LIST_ORDERS, forged.getValue(), ListOrdersRequest.getDefaultInstance()).status();
      check.expect(status == GrpcStatus.UNAUTHENTICATED, forged.getKey() + " over gRPC ended " + status);
    }
    for (String header : new String[] {"Basic YWRtaW46YWRtaW4=", "Bearer", "Token " + genuine, genuine}) {
      HttpResponse<Buffer> response = node.call(GET, ORDERS, null, null, io.vertx.core.MultiMap
          .caseInsensitiveMultiMap().add("Authorization", header));
      check.status(response, 401, "Authorization: " + header.substring(0, Math.min(header.length(), 20)) + "...");
    }
    // tokens are verified locally: never shown to the issuer, and no key set fetched from where a token says
    check.expect(node.issuerRequests("introspect") == 0 && node.issuerRequests("userinfo") == 0,
        "a token was sent to the issuer's introspection or userinfo endpoint");
    check.expect(trap.hits().isEmpty(), "the node fetched a URL a token named: " + trap.hits());
    return check.figure("forgeries", tokens.size());
  }

  Check refreshReuse() {
    Check check = new Check("API2 authentication", "a reused refresh token revokes the session family");
    String email = "family-" + UUID.randomUUID() + "@example.com";
    node.expect(201, POST, "/api/v1/auth/register", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD).put("name", "Family"));
    JsonObject first = node.expect(200, POST, "/api/v1/auth/login", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD));
    JsonObject second = refresh(first.getString("refresh_token"));
    check.expect(second != null, "a fresh refresh token was refused");
    HttpResponse<Buffer> reuse = node.call(POST, "/api/v1/auth/refresh", null,
        new JsonObject().put("refresh_token", first.getString("refresh_token")));
    check.status(reuse, 401, "the first refresh token, used again");
    check.expect(second == null || refresh(second.getString("refresh_token")) == null,
        "the newest refresh token of the family still worked after the reuse");
    JsonObject other = node.expect(200, POST, "/api/v1/auth/login", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD));
    check.expect(refresh(other.getString("refresh_token")) != null, "a new session was caught in the revocation");
    return check;
  }

  private JsonObject refresh(String token) {
    HttpResponse<Buffer> response = node.call(POST, "/api/v1/auth/refresh", null,
        new JsonObject().put("refresh_token", token));
    return response.statusCode() == 200 ? response.bodyAsJsonObject() : null;
  }

  Check passwordGuessing() {
    Check check = new Check("API2 authentication", "password guessing: 429 after the per-account limit");
    String email = "guess-" + UUID.randomUUID() + "@example.com";
    node.expect(201, POST, "/api/v1/auth/register", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD).put("name", "Guess"));
    int limit = node.node().config().json().getJsonObject("identity").getJsonObject("loginLimits")
        .getJsonObject("perAccount").getInteger("attempts");
    for (int i = 0; i < limit; i++) {
      check.status(login(email, "wrong password " + i), 401, "wrong password " + i);
    }
    HttpResponse<Buffer> over = login(email, World.PASSWORD);
    check.expect(over.statusCode() == 429 && over.getHeader("Retry-After") != null,
        "the right password after " + limit + " wrong ones answered " + over.statusCode());
    return check.figure("limit", limit);
  }

  private HttpResponse<Buffer> login(String email, String password) {
    return node.call(HttpMethod.POST, "/api/v1/auth/login", null, new JsonObject().put("email", email)
        .put("password", password));
  }
}
