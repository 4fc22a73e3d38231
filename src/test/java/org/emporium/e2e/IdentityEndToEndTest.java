package org.emporium.e2e;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.customer.v1.Customer;
import org.emporium.edge.grpc.customer.v1.GetCustomerRequest;
import org.emporium.edge.grpc.customer.v1.GetProfileRequest;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up to sign-out over HTTP against a whole node: the built-in issuer's tokens validated by
 * the edge through OIDC discovery and its JWKS, sessions, roles and the customer context.
 */
class IdentityEndToEndTest {

  static final String ADMIN_EMAIL = "admin@emporium.local";
  static final String ADMIN_PASSWORD = "An admin password for tests";

  @TempDir
  static Path dataDir;
  static TestNode node;
  static Api api;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, Map.of("adminPassword", ADMIN_PASSWORD));
    api = new Api(node.node().vertx(), node.httpPort());
  }

  @AfterAll
  static void stop() {
    api.close();
    node.close();
  }

  static String email() {
    return "shopper-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void registerLoginReadProfileRefreshAndLogout() {
    String email = email();
    String customerId = api.register(email, "correct horse battery", "Ada Lovelace");
    JsonObject pair = api.login(email, "correct horse battery");
    assertThat(pair.getString("token_type")).isEqualTo("Bearer");
    assertThat(pair.getInteger("expires_in")).isEqualTo(600);

    JsonObject me = api.expect(200, HttpMethod.GET, "/api/v1/me", pair.getString("access_token"), null);
    assertThat(me.getString("customerId")).isEqualTo(customerId);
    assertThat(me.getString("email")).isEqualTo(email);
    assertThat(me.getString("name")).isEqualTo("Ada Lovelace");
    assertThat(me.getJsonArray("roles")).containsExactly("customer");

    JsonObject next = api.expect(200, HttpMethod.POST, "/api/v1/auth/refresh", null,
        new JsonObject().put("refresh_token", pair.getString("refresh_token")));
    assertThat(next.getString("refresh_token")).isNotEqualTo(pair.getString("refresh_token"));
    api.expect(200, HttpMethod.GET, "/api/v1/me", next.getString("access_token"), null);

    api.expect(204, HttpMethod.POST, "/api/v1/auth/logout", next.getString("access_token"), null);
    assertThat(api.refreshStatus(next.getString("refresh_token"))).isEqualTo(401);
  }

  @Test
  void aRotatedRefreshTokenUsedAgainRevokesTheWholeSession() {
    String email = email();
    api.register(email, "correct horse battery", "Grace");
    JsonObject first = api.login(email, "correct horse battery");
    JsonObject second = api.expect(200, HttpMethod.POST, "/api/v1/auth/refresh", null,
        new JsonObject().put("refresh_token", first.getString("refresh_token")));

    assertThat(api.refreshStatus(first.getString("refresh_token"))).isEqualTo(401);
    assertThat(api.refreshStatus(second.getString("refresh_token"))).isEqualTo(401);
  }

  @Test
  void logoutAllEndsEverySessionOfTheAccountOnly() {
    String email = email();
    api.register(email, "correct horse battery", "Linus");
    JsonObject phone = api.login(email, "correct horse battery");
    JsonObject laptop = api.login(email, "correct horse battery");
    String other = email();
    api.register(other, "correct horse battery", "Other");
    JsonObject bystander = api.login(other, "correct horse battery");

    api.expect(204, HttpMethod.POST, "/api/v1/auth/logout-all", phone.getString("access_token"), null);

    assertThat(api.refreshStatus(phone.getString("refresh_token"))).isEqualTo(401);
    assertThat(api.refreshStatus(laptop.getString("refresh_token"))).isEqualTo(401);
    assertThat(api.refreshStatus(bystander.getString("refresh_token"))).isEqualTo(200);
  }

  @Test
  void aPasswordChangeRevokesSessionsAndOnlyTheNewPasswordSignsIn() {
    String email = email();
    api.register(email, "correct horse battery", "Barbara");
    JsonObject session = api.login(email, "correct horse battery");
    api.expect(204, HttpMethod.POST, "/api/v1/auth/password", session.getString("access_token"),
        new JsonObject().put("currentPassword", "correct horse battery").put("newPassword", "a brand new secret"));

    assertThat(api.refreshStatus(session.getString("refresh_token"))).isEqualTo(401);
    api.expect(401, HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", "correct horse battery"));
    api.login(email, "a brand new secret");
  }

  @Test
  void protectedOperationsNeedAValidToken() {
    api.expect(401, HttpMethod.GET, "/api/v1/me", null, null);
    api.expect(401, HttpMethod.GET, "/api/v1/me", "not-a-jwt", null);
    String email = email();
    api.register(email, "correct horse battery", "Alan");
    String token = api.login(email, "correct horse battery").getString("access_token");
    String[] parts = token.split("\\.");

    String unsigned = Jwts.encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + parts[1] + ".";
    api.expect(401, HttpMethod.GET, "/api/v1/me", unsigned, null);

    JsonObject claims = Jwts.decode(parts[1]);
    claims.put("realm_access", new JsonObject().put("roles", new JsonArray().add("customer").add("admin")));
    String tampered = parts[0] + "." + Jwts.encode(claims) + "." + parts[2];
    api.expect(401, HttpMethod.GET, "/api/v1/me", tampered, null);

    JsonObject jwks = api.expect(200, HttpMethod.GET, "/.well-known/jwks.json", null, null);
    String hs256 = Jwts.hs256WithPublicKey(jwks.getJsonArray("keys").getJsonObject(0), Jwts.decode(parts[1]));
    api.expect(401, HttpMethod.GET, "/api/v1/me", hs256, null);

    api.expect(200, HttpMethod.GET, "/api/v1/me", token, null);
  }

  @Test
  void customersAreRefusedAdminOperationsAndAdminsGrantRoles() {
    String email = email();
    String customerId = api.register(email, "correct horse battery", "Sophie");
    String customer = api.login(email, "correct horse battery").getString("access_token");
    String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD).getString("access_token");

    api.expect(403, HttpMethod.GET, "/api/v1/admin/accounts/" + customerId, customer, null);
    api.expect(403, HttpMethod.PUT, "/api/v1/admin/accounts/" + customerId + "/roles/admin", customer, null);
    api.expect(403, HttpMethod.GET, "/api/v1/admin/customers/" + customerId, customer, null);

    String shopId = UUID.randomUUID().toString();
    JsonObject account = api.expect(200, HttpMethod.PUT, "/api/v1/admin/accounts/" + customerId + "/roles/seller",
        admin, new JsonObject().put("shopId", shopId));
    assertThat(account.getJsonArray("roles")).contains("customer", "seller");
    assertThat(account.getString("shopId")).isEqualTo(shopId);
    assertThat(api.expect(200, HttpMethod.GET, "/api/v1/admin/customers/" + customerId, admin, null)
        .getString("email")).isEqualTo(email);

    JsonObject refreshed = api.login(email, "correct horse battery");
    JsonObject claims = Jwts.decode(refreshed.getString("access_token").split("\\.")[1]);
    assertThat(claims.getJsonObject("realm_access").getJsonArray("roles")).contains("seller");
    assertThat(claims.getString("shop_id")).isEqualTo(shopId);
  }

  @Test
  void grpcCustomerServiceTakesTheSameTokensAndRules() throws Exception {
    String email = email();
    String customerId = api.register(email, "correct horse battery", "Katherine");
    String customer = api.login(email, "correct horse battery").getString("access_token");
    String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD).getString("access_token");
    try (Grpc grpc = new Grpc(node.httpPort())) {
      Customer profile = grpc.await(grpc.as(customer).getProfile(GetProfileRequest.getDefaultInstance()));
      assertThat(profile.getCustomerId()).isEqualTo(customerId);
      assertThat(profile.getEmail()).isEqualTo(email);

      GetCustomerRequest read = GetCustomerRequest.newBuilder().setCustomerId(customerId).build();
      assertThat(grpc.status(grpc.as(customer).getCustomer(read))).isEqualTo(GrpcStatus.PERMISSION_DENIED);
      assertThat(grpc.status(grpc.as(null).getProfile(GetProfileRequest.getDefaultInstance())))
          .isEqualTo(GrpcStatus.UNAUTHENTICATED);
      assertThat(grpc.status(grpc.as(customer + "x").getProfile(GetProfileRequest.getDefaultInstance())))
          .isEqualTo(GrpcStatus.UNAUTHENTICATED);
      assertThat(grpc.await(grpc.as(admin).getCustomer(read)).getEmail()).isEqualTo(email);
    }
  }

  @Test
  void oneCustomerCannotSeeOrChangeAnothersAddresses() {
    String a = email();
    String b = email();
    api.register(a, "correct horse battery", "A");
    api.register(b, "correct horse battery", "B");
    String tokenA = api.login(a, "correct horse battery").getString("access_token");
    String tokenB = api.login(b, "correct horse battery").getString("access_token");
    JsonObject address = new JsonObject().put("name", "A").put("line1", "1 Main St").put("city", "Lyon")
        .put("postalCode", "69001").put("country", "FR");
    String addressId = api.expect(201, HttpMethod.POST, "/api/v1/me/addresses", tokenA, address)
        .getString("addressId");

    api.expect(404, HttpMethod.PUT, "/api/v1/me/addresses/" + addressId, tokenB, address.copy().put("city", "Paris"));
    api.expect(404, HttpMethod.DELETE, "/api/v1/me/addresses/" + addressId, tokenB, null);
    assertThat(api.expect(200, HttpMethod.GET, "/api/v1/me/addresses", tokenB, null).getJsonArray("items")).isEmpty();
    JsonArray own = api.expect(200, HttpMethod.GET, "/api/v1/me/addresses", tokenA, null).getJsonArray("items");
    assertThat(own).hasSize(1);
    assertThat(own.getJsonObject(0).getString("city")).isEqualTo("Lyon");
  }

  @Test
  void roleAndOwnerFieldsInBodiesAreRejectedAndChangeNothing() {
    String email = email();
    api.expect(400, HttpMethod.POST, "/api/v1/auth/register", null, new JsonObject().put("email", email)
        .put("password", "correct horse battery").put("name", "Mallory").put("roles", new JsonArray().add("admin")));
    api.expect(401, HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", "correct horse battery"));

    String customerId = api.register(email, "correct horse battery", "Mallory");
    String token = api.login(email, "correct horse battery").getString("access_token");
    api.expect(400, HttpMethod.PATCH, "/api/v1/me", token,
        new JsonObject().put("name", "Eve").put("customerId", UUID.randomUUID().toString()));
    api.expect(400, HttpMethod.PATCH, "/api/v1/me", token,
        new JsonObject().put("roles", new JsonArray().add("admin")));
    JsonObject me = api.expect(200, HttpMethod.GET, "/api/v1/me", token, null);
    assertThat(me.getString("customerId")).isEqualTo(customerId);
    assertThat(me.getString("name")).isEqualTo("Mallory");
    assertThat(me.getJsonArray("roles")).containsExactly("customer");
  }

  @Test
  void invalidSignUpsGetFieldErrorsAndCreateNothing() {
    String email = email();
    JsonObject badEmail = api.expect(400, HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", "not-an-email").put("password", "correct horse battery").put("name", "X"));
    assertThat(badEmail.getJsonArray("errors").encode()).contains("/email");
    JsonObject shortPassword = api.expect(400, HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email).put("password", "short").put("name", "X"));
    assertThat(shortPassword.getJsonArray("errors").encode()).contains("/password");
    api.expect(400, HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email).put("password", "correct horse battery").put("name", "x".repeat(100_000)));
    api.expect(401, HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", "correct horse battery"));

    api.register(email, "correct horse battery", "First");
    api.expect(409, HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email.toUpperCase()).put("password", "another password").put("name", "Second"));
    api.login(email, "correct horse battery");
  }
}
