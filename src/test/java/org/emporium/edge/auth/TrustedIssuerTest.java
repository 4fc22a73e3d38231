package org.emporium.edge.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Role mapping and principal building from verified claims. */
class TrustedIssuerTest {

  static final RolePermissions PERMISSIONS = new RolePermissions(Map.of(
      "customer", Set.of("customer:self", "orders:own"), "seller", Set.of("customer:self", "catalog:write"),
      "admin", Set.of("*")));

  final TrustedIssuer builtIn = new TrustedIssuer("http://localhost:8080", "emporium", "emporium",
      RoleMapping.builtIn(PERMISSIONS.roles()));
  final TrustedIssuer keycloak = new TrustedIssuer("https://sso.example.com/realms/shop", "emporium-api", "web",
      new RoleMapping(Map.of("shop-admin", "admin"), "web", Map.of("seller", "seller"), Set.of("customer"), "shop"));

  static JsonObject claims(String sub) {
    return new JsonObject().put("sub", sub);
  }

  static JsonObject roles(String... names) {
    return new JsonObject().put("roles", new JsonArray(java.util.List.of((Object[]) names)));
  }

  @Test
  void theBuiltInIssuersRealmRolesAreEmporiumRolesAndItsSubjectIsTheCustomerId() {
    UUID account = UUID.randomUUID();
    Principal principal = builtIn.principal(claims(account.toString())
        .put("realm_access", roles("seller", "customer", "superuser"))
        .put("shop_id", "shop-7").put("sid", "s-1").put("email", "ann@example.com").put("name", "Ann"), PERMISSIONS);

    assertThat(principal.customerId()).isEqualTo(account);
    assertThat(principal.roles()).containsExactlyInAnyOrder("seller", "customer");
    assertThat(principal.permissions()).containsExactlyInAnyOrder("customer:self", "orders:own", "catalog:write");
    assertThat(principal.shopId()).isEqualTo("shop-7");
    assertThat(principal.sessionId()).isEqualTo("s-1");
    assertThat(principal.name()).isEqualTo("Ann");
  }

  @Test
  void noRolesOnTheBuiltInIssuerMeansNoPermissions() {
    Principal principal = builtIn.principal(claims(UUID.randomUUID().toString()), PERMISSIONS);
    assertThat(principal.roles()).isEmpty();
    assertThat(principal.permissions()).isEmpty();
  }

  @Test
  void externalRealmAndClientRolesAreMappedAndOtherClientsRolesIgnored() {
    JsonObject claims = claims("f:1234:alice")
        .put("realm_access", roles("shop-admin", "offline_access"))
        .put("resource_access", new JsonObject().put("web", roles("seller")).put("other", roles("shop-admin")));
    assertThat(keycloak.roleMapping().roles(claims)).containsExactlyInAnyOrder("customer", "admin", "seller");

    JsonObject otherClientOnly = claims("bob").put("resource_access", new JsonObject().put("other", roles("seller")));
    assertThat(keycloak.roleMapping().roles(otherClientOnly)).containsExactly("customer");
  }

  @Test
  void malformedRoleClaimsGrantNothing() {
    JsonObject claims = claims("carol").put("realm_access", "shop-admin")
        .put("resource_access", new JsonObject().put("web", new JsonObject().put("roles", "seller")));
    assertThat(keycloak.roleMapping().roles(claims)).containsExactly("customer");
    assertThat(keycloak.roleMapping().shopId(claims("carol").put("shop", new JsonObject()))).isNull();
    assertThat(keycloak.roleMapping().shopId(claims("carol").put("shop", 42))).isEqualTo("42");
  }

  @Test
  void anExternalSubjectGetsAStableNameBasedCustomerId() {
    Principal first = keycloak.principal(claims("alice").put("preferred_username", "al"), PERMISSIONS);
    Principal again = keycloak.principal(claims("alice"), PERMISSIONS);

    UUID expected = UUID.nameUUIDFromBytes("https://sso.example.com/realms/shop|alice".getBytes(StandardCharsets.UTF_8));
    assertThat(first.customerId()).isEqualTo(expected).isEqualTo(again.customerId());
    assertThat(first.name()).isEqualTo("al");
    assertThat(first.issuer()).isEqualTo("https://sso.example.com/realms/shop");
    assertThat(builtIn.customerId("alice")).isNotEqualTo(expected);
    assertThat(keycloak.customerId("1-2-3-4-5")).as("not a canonical UUID")
        .isEqualTo(UUID.nameUUIDFromBytes("https://sso.example.com/realms/shop|1-2-3-4-5".getBytes(StandardCharsets.UTF_8)));
  }
}
