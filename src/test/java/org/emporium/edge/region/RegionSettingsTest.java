package org.emporium.edge.region;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.ConfigException;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code regions} settings as a node loads them, and the order in which a request's region is found. */
class RegionSettingsTest {

  @TempDir
  Path dir;

  private RegionSettings settings(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(Map.of("region", "eu-1", "regions.enabled", "true",
        "regions.peers", new JsonObject().put("us-1", "https://us.shop.example/").encode(),
        "regions.countries", new JsonObject().put("us", "us-1").put("DE", "eu-1").encode()));
    all.putAll(overrides);
    return RegionSettings.from(TestNode.config("test", dir, all));
  }

  @Test
  void loadsPeersAndCountries() {
    RegionSettings settings = settings(Map.of("regions.mode", "redirect"));
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.mode()).isEqualTo(RegionSettings.Mode.REDIRECT);
    assertThat(settings.peers()).containsExactly(Map.entry("us-1", "https://us.shop.example"));
    assertThat(settings.countries()).containsOnly(Map.entry("US", "us-1"), Map.entry("DE", "eu-1"));
    assertThat(settings.countryHeader()).isEqualTo("CloudFront-Viewer-Country");
  }

  @Test
  void isOffByDefault() {
    RegionSettings settings = RegionSettings.from(TestNode.config("test", dir, Map.of()));
    assertThat(settings.enabled()).isFalse();
    assertThat(settings.peers()).isEmpty();
  }

  @Test
  void refusesSettingsThatCannotRoute() {
    assertThatThrownBy(() -> settings(Map.of("regions.mode", "proxy"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("regions.mode");
    assertThatThrownBy(() -> settings(Map.of("regions.peers", "{\"us-1\": \"ftp://us.example\"}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("regions.peers.us-1");
    assertThatThrownBy(() -> settings(Map.of("regions.peers", "{\"eu-1\": \"https://eu.example\"}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not another region");
    assertThatThrownBy(() -> settings(Map.of("regions.countries", "{\"FR\": \"ap-1\"}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("neither this region nor a peer");
    assertThatThrownBy(() -> settings(Map.of("regions.countries", "{\"FRA\": \"eu-1\"}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ISO country code");
  }

  @Test
  void theHomeRegionComesFirstThenXRegionThenTheCountryThenThisNode() {
    RegionResolver resolver = new RegionResolver(settings(Map.of()));
    assertThat(resolver.resolve("us-1", "eu-1", "DE")).isEqualTo(
        new RegionResolver.Remote("us-1", RegionResolver.Source.TOKEN, "https://us.shop.example"));
    assertThat(resolver.resolve(null, "eu-1", "US"))
        .isEqualTo(new RegionResolver.Local("eu-1", RegionResolver.Source.HEADER));
    assertThat(resolver.resolve(" ", " us-1 ", "DE")).isInstanceOf(RegionResolver.Remote.class);
    assertThat(resolver.resolve(null, null, "us"))
        .isEqualTo(new RegionResolver.Remote("us-1", RegionResolver.Source.COUNTRY, "https://us.shop.example"));
    assertThat(resolver.resolve(null, null, "FR")).isEqualTo(new RegionResolver.Local("eu-1", RegionResolver.Source.NODE));
    assertThat(resolver.resolve(null, "mars-1", "US"))
        .isEqualTo(new RegionResolver.Unknown("mars-1", RegionResolver.Source.HEADER));
  }

  @Test
  void readsTheHomeRegionClaimOnlyFromABearerToken() {
    String payload = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"sub\":\"a\",\"home_region\":\"us-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(HomeRegionClaim.of("Bearer eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln")).isEqualTo("us-1");
    assertThat(HomeRegionClaim.of("bearer x." + payload + ".y")).isEqualTo("us-1");
    assertThat(HomeRegionClaim.of("Basic dXNlcjpwYXNz")).isNull();
    assertThat(HomeRegionClaim.of("Bearer not-a-token")).isNull();
    assertThat(HomeRegionClaim.of("Bearer x.!!!.y")).isNull();
    assertThat(HomeRegionClaim.of(null)).isNull();
  }

  @Test
  void customerDataIsRegionalAndGlobalDataIsNot() {
    assertThat(RegionRouting.isRegional(new JsonObject().put("x-emporium-address", "cart.create"))).isTrue();
    assertThat(RegionRouting.isRegional(new JsonObject().put("x-emporium-address", "ordering.list"))).isTrue();
    assertThat(RegionRouting.isRegional(new JsonObject().put("x-emporium-address", "catalog.listProducts"))).isFalse();
    assertThat(RegionRouting.isRegional(new JsonObject().put("x-emporium-address", "pricing.listRates"))).isFalse();
    assertThat(RegionRouting.isRegional(new JsonObject().put("x-emporium-address", "identity.jwks")
        .put("x-emporium-regional", false))).isFalse();
  }
}
