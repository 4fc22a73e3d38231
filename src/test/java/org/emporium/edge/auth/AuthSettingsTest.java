package org.emporium.edge.auth;

import io.vertx.core.json.JsonArray;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code auth.*} as the edge reads it from the layered configuration. */
class AuthSettingsTest {

  @TempDir
  Path dir;

  AuthSettings settings(Map<String, String> overrides) {
    return AuthSettings.from(TestNode.config("test", dir, overrides));
  }

  Map<String, String> external(String key, String value) {
    Map<String, String> overrides = new HashMap<>(Map.of(
        "auth.oidc.issuer", "https://sso.example.com/realms/emporium",
        "auth.oidc.audience", "emporium-api"));
    if (key != null) {
      overrides.put(key, value);
    }
    return overrides;
  }

  @Test
  void byDefaultOnlyTheBuiltInIssuerOnThisNodesPortIsTrusted() {
    NodeConfig config = TestNode.config("test", dir, Map.of());
    AuthSettings settings = AuthSettings.from(config);

    assertThat(settings.issuers()).hasSize(1);
    TrustedIssuer builtIn = settings.issuers().get(0);
    assertThat(builtIn.url()).isEqualTo("http://localhost:" + config.http().port());
    assertThat(builtIn.audience()).isEqualTo("emporium");
    assertThat(builtIn.roleMapping().realmRoles()).containsOnlyKeys("customer", "seller", "admin");
    assertThat(builtIn.roleMapping().shopIdClaim()).isEqualTo("shop_id");
    assertThat(settings.algorithms()).containsExactlyInAnyOrder("RS256", "ES256");
    assertThat(settings.clockSkewSeconds()).isEqualTo(30);
    assertThat(settings.jwksMinRefreshIntervalMs()).isEqualTo(30_000);
    assertThat(settings.permissions().grantedTo(java.util.Set.of("customer")))
        .containsExactlyInAnyOrder("customer:self", "cart:own", "checkout:place", "orders:own");
  }

  @Test
  void theBuiltInIssuerUrlIsIdentityIssuerUrlWhenSet() {
    assertThat(settings(Map.of("identity.issuerUrl", "https://shop.example.com")).issuers().get(0).url())
        .isEqualTo("https://shop.example.com");
    assertThat(settings(Map.of("auth.builtInIssuer", "false")).issuers()).isEmpty();
  }

  @Test
  void anExternalIssuerComesWithItsRoleMapping() {
    Map<String, String> overrides = external("auth.oidc.realmRoles", "{\"shop-admin\": \"admin\"}");
    overrides.put("auth.oidc.clientId", "emporium-web");
    overrides.put("auth.oidc.clientRoles", "{\"seller\": \"seller\"}");
    overrides.put("auth.oidc.shopIdClaim", "shop");
    AuthSettings settings = settings(overrides);

    assertThat(settings.issuers()).hasSize(2);
    TrustedIssuer sso = settings.issuers().get(1);
    assertThat(sso.url()).isEqualTo("https://sso.example.com/realms/emporium");
    assertThat(sso.audience()).isEqualTo("emporium-api");
    assertThat(sso.clientId()).isEqualTo("emporium-web");
    assertThat(sso.roleMapping()).isEqualTo(new RoleMapping(Map.of("shop-admin", "admin"), "emporium-web",
        Map.of("seller", "seller"), java.util.Set.of("customer"), "shop"));
  }

  @Test
  void settingsThatWouldWeakenValidationAreRefusedAtStart() {
    assertThatThrownBy(() -> settings(Map.of("auth.algorithms", "RS256,none")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auth.algorithms: 'none'");
    assertThatThrownBy(() -> settings(Map.of("auth.algorithms", "HS256")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'HS256' is not accepted");
    assertThatThrownBy(() -> settings(Map.of("auth.oidc.issuer", "https://sso.example.com")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auth.oidc.audience is required");
    assertThatThrownBy(() -> settings(external("auth.oidc.realmRoles", "{\"boss\": \"root\"}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auth.oidc.realmRoles.boss: 'root' is not a role");
    assertThatThrownBy(() -> settings(external("auth.oidc.clientRoles", "{\"seller\": \"seller\"}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("needs auth.oidc.clientId");
    assertThatThrownBy(() -> settings(external("auth.oidc.defaultRoles", "guest")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'guest' is not a role");
    assertThatThrownBy(() -> settings(Map.of("auth.clockSkewSeconds", "-1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auth.clockSkewSeconds must be at least 0");
  }

  @Test
  void theExternalIssuerCannotBeTheBuiltInOne() {
    assertThatThrownBy(() -> settings(Map.of("identity.issuerUrl", "https://shop.example.com",
        "auth.oidc.issuer", "https://shop.example.com", "auth.oidc.audience", "emporium")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("built-in issuer");
  }

  @Test
  void permissionsMustBeLists() {
    NodeConfig config = TestNode.config("test", dir, Map.of());
    config.json().getJsonObject("auth").getJsonObject("permissions").put("customer", "customer:self");
    assertThatThrownBy(() -> AuthSettings.from(config)).hasMessageContaining("auth.permissions.customer must be a list");
    config.json().getJsonObject("auth").getJsonObject("permissions").put("customer", new JsonArray().add("a"));
    assertThat(AuthSettings.from(config).permissions().byRole()).containsEntry("customer", java.util.Set.of("a"));
  }
}
