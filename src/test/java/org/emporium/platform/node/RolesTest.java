package org.emporium.platform.node;

import io.vertx.core.Deployable;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.ConfigSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesTest {

  private final ConfigSource source = new ConfigSource(Path.of("."));

  @Test
  void roleAllDeploysEveryVerticleWithTheEdgeLast() throws IOException {
    List<String> descriptors;
    try (Stream<Path> files = Files.list(Path.of("verticles"))) {
      descriptors = files.map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .map(name -> name.substring(0, name.length() - 5))
          .toList();
    }
    List<String> all = Roles.resolve(source, List.of("all")).stream().map(VerticleDescriptor::name).toList();
    assertThat(all).containsExactlyInAnyOrderElementsOf(descriptors);
    assertThat(all.get(all.size() - 1)).isEqualTo("edge");
  }

  @Test
  void everyDescriptorNamesADeployableClass() throws Exception {
    for (VerticleDescriptor descriptor : Roles.resolve(source, List.of("all"))) {
      Class<?> type = Class.forName(descriptor.main());
      assertThat(Deployable.class).isAssignableFrom(type);
      assertThat(descriptor.instanceCount(4)).isPositive();
    }
  }

  @Test
  void aClusterSplitIntoEdgeCoreAndAsyncNodesRunsEverythingOfAll() {
    List<String> split = Roles.resolve(source, List.of("edge", "core", "async")).stream()
        .map(VerticleDescriptor::name).toList();
    List<String> all = Roles.resolve(source, List.of("all")).stream().map(VerticleDescriptor::name).toList();
    assertThat(split).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void rolesAreMergedWithoutDuplicates() {
    List<String> names = Roles.resolve(source, List.of("edge", "all")).stream().map(VerticleDescriptor::name).toList();
    assertThat(names).doesNotHaveDuplicates().contains("edge");
  }

  @Test
  void unknownRoleIsRefused() {
    assertThatThrownBy(() -> Roles.resolve(source, List.of("nope")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown role 'nope'");
  }
}
