package org.emporium.platform.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

  @TempDir
  Path home;

  private final Map<String, String> env = new HashMap<>();
  private final Properties properties = new Properties();

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(home.resolve("conf"));
    // the real base file, so every documented key is covered
    Files.copy(Path.of("conf/base.json"), home.resolve("conf/base.json"));
    Files.writeString(home.resolve("conf/local.json"), """
        {"http": {"port": 8081}, "region": "file-region"}""");
    Files.writeString(home.resolve("conf/other.json"), """
        {"http": {"port": 9000}}""");
  }

  private JsonObject load(String profile, Path extra) {
    return new ConfigLoader(env, properties, new ConfigSource(home)).load(profile, extra);
  }

  @Test
  void profileFileOverridesBase() {
    JsonObject config = load(null, null);
    assertThat(config.getString("profile")).isEqualTo("local");
    assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(8081);
    assertThat(config.getString("region")).isEqualTo("file-region");
    assertThat(config.getJsonObject("http").getInteger("bodyLimit")).isEqualTo(1048576);
  }

  @Test
  void environmentOverridesFileAndSystemPropertyOverridesEnvironment() {
    env.put("EMPORIUM_HTTP_PORT", "8082");
    env.put("EMPORIUM_REGION", "env-region");
    assertThat(load(null, null).getJsonObject("http").getValue("port")).isEqualTo(8082L);
    assertThat(load(null, null).getString("region")).isEqualTo("env-region");

    properties.setProperty("emporium.http.port", "8083");
    assertThat(load(null, null).getJsonObject("http").getValue("port")).isEqualTo(8083L);
    assertThat(load(null, null).getString("region")).isEqualTo("env-region");
  }

  @Test
  void camelCaseKeysMapToUpperSnakeEnvironmentNames() {
    assertThat(ConfigKeys.envName("http.bodyLimit")).isEqualTo("EMPORIUM_HTTP_BODY_LIMIT");
    assertThat(ConfigKeys.envName("dataDir")).isEqualTo("EMPORIUM_DATA_DIR");
    env.put("EMPORIUM_DATA_DIR", "/var/lib/emporium");
    env.put("EMPORIUM_EMBEDDED_ENABLED", "true");
    env.put("EMPORIUM_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701");
    NodeConfig config = NodeConfig.from(load(null, null));
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/emporium"));
    assertThat(config.embedded().enabled()).isTrue();
    assertThat(config.cluster().members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
  }

  @Test
  void profileComesFromArgumentThenEnvironment() {
    env.put("EMPORIUM_PROFILE", "other");
    assertThat(load(null, null).getJsonObject("http").getInteger("port")).isEqualTo(9000);
    assertThat(load("local", null).getJsonObject("http").getInteger("port")).isEqualTo(8081);
  }

  @Test
  void extraFileSitsBetweenProfileAndEnvironment() throws IOException {
    Path extra = home.resolve("extra.json");
    Files.writeString(extra, """
        {"http": {"port": 7000, "bodyLimit": 2048}}""");
    assertThat(load(null, extra).getJsonObject("http").getInteger("port")).isEqualTo(7000);
    env.put("EMPORIUM_HTTP_PORT", "7001");
    JsonObject config = load(null, extra);
    assertThat(config.getJsonObject("http").getValue("port")).isEqualTo(7001L);
    assertThat(config.getJsonObject("http").getInteger("bodyLimit")).isEqualTo(2048);
  }

  @Test
  void perContextPostgresConnectionFromEnvironment() {
    env.put("EMPORIUM_POSTGRES_CONTEXTS_CATALOG", "postgresql://cat:secret@db-catalog:6432/catalog");
    env.put("EMPORIUM_POSTGRES_PASSWORD", "shared");
    PostgresSettings postgres = NodeConfig.from(load(null, null)).postgres();
    PostgresSettings.PgSettings catalog = postgres.forContext("catalog");
    assertThat(catalog.host()).isEqualTo("db-catalog");
    assertThat(catalog.port()).isEqualTo(6432);
    assertThat(catalog.database()).isEqualTo("catalog");
    assertThat(catalog.user()).isEqualTo("cat");
    assertThat(catalog.password()).isEqualTo("secret");
    assertThat(catalog.poolSize()).isEqualTo(16);
    assertThat(postgres.forContext("inventory").password()).isEqualTo("shared");
    assertThat(postgres.forContext("inventory").host()).isEqualTo("127.0.0.1");
    assertThat(catalog.toString()).doesNotContain("secret");
  }

  @Test
  void badValuesAreRejectedWithTheKeyName() {
    env.put("EMPORIUM_HTTP_PORT", "eighty");
    assertThatThrownBy(() -> load(null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.port")
        .hasMessageContaining("EMPORIUM_HTTP_PORT");
    env.put("EMPORIUM_HTTP_PORT", "70000");
    assertThatThrownBy(() -> NodeConfig.from(load(null, null))).hasMessageContaining("http.port");
  }

  @Test
  void unknownProfileAndUnknownKeysAreRejected() throws IOException {
    assertThatThrownBy(() -> load("nope", null)).hasMessageContaining("unknown profile 'nope'");
    Files.writeString(home.resolve("conf/typo.json"), """
        {"htp": {"port": 1}}""");
    assertThatThrownBy(() -> load("typo", null)).hasMessageContaining("unknown setting 'htp'");
  }

  @Test
  void shippedProfilesAreValid() {
    for (String profile : new String[] {"local", "external", "test"}) {
      JsonObject config = new ConfigLoader(Map.of(), new Properties(), new ConfigSource(Path.of("."))).load(profile, null);
      assertThat(NodeConfig.from(config).profile()).isEqualTo(profile);
    }
  }

  @Test
  void openMapsTakeAnyKeysFromFilesAndWholeObjectsFromTheEnvironment() throws IOException {
    Path extra = home.resolve("extra.json");
    Files.writeString(extra, """
        {"events": {"topics": {"catalog.product.v1": {"partitions": 24}}}}""");
    JsonObject topics = load(null, extra).getJsonObject("events").getJsonObject("topics");
    assertThat(topics.getJsonObject("catalog.product.v1").getInteger("partitions")).isEqualTo(24);

    env.put("EMPORIUM_EVENTS_TOPICS", "{\"cart.cart.v1\": {\"retentionMs\": 1000}}");
    topics = load(null, extra).getJsonObject("events").getJsonObject("topics");
    assertThat(topics.fieldNames()).containsExactly("cart.cart.v1");

    env.put("EMPORIUM_EVENTS_TOPICS", "not json");
    assertThatThrownBy(() -> load(null, null)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("EMPORIUM_EVENTS_TOPICS");
  }
}
