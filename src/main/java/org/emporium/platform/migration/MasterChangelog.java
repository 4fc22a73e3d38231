package org.emporium.platform.migration;

import org.emporium.platform.config.ConfigSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code migrations/master.yaml}: the ordered list of context changelogs to apply. */
final class MasterChangelog {

  private MasterChangelog() {
  }

  @SuppressWarnings("unchecked")
  static List<String> contexts(ConfigSource source) {
    try (InputStream in = source.open("migrations/master.yaml")
        .orElseThrow(() -> new IllegalStateException("migrations/master.yaml not found"))) {
      Map<String, Object> master = new Yaml().load(in);
      List<Map<String, Object>> entries = (List<Map<String, Object>>) master.get("databaseChangeLog");
      List<String> contexts = new ArrayList<>();
      for (Map<String, Object> entry : entries) {
        Map<String, Object> include = (Map<String, Object>) entry.get("include");
        if (include != null) {
          String file = String.valueOf(include.get("file"));
          contexts.add(file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.yaml$", ""));
        }
      }
      return contexts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
