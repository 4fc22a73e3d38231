package org.emporium.reliability;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecard page written from suite files shaped as {@link Scorecard} writes them. */
class ScorecardPageTest {

  @TempDir
  Path dir;

  private static JsonObject suite(String name, String title, String mode, JsonObject... rows) {
    return new JsonObject().put("suite", name).put("title", title).put("mode", mode)
        .put("startedAt", "2026-11-21T10:00:00Z").put("finishedAt", "2026-11-21T10:02:30Z")
        .put("machine", new JsonObject().put("os", "Linux 6.1").put("arch", "amd64").put("cores", 2)
            .put("java", "OpenJDK 64-Bit Server VM 17.0.15"))
        .put("rows", new JsonArray(List.of((Object[]) rows)));
  }

  private static JsonObject row(String area, String name, boolean passed, JsonObject figures) {
    return new JsonObject().put("area", area).put("case", name).put("outcome", passed ? "passed" : "failed")
        .put("figures", figures);
  }

  private void save(JsonObject suite) throws Exception {
    Files.writeString(dir.resolve(suite.getString("suite") + ".json"), suite.encodePrettily());
  }

  @Test
  void thePageSumsEveryHarmFigureAgainstZeroAndListsEachSuiteCaseByCase() throws Exception {
    save(suite("faults", "Crashes and outages", "short",
        row("node loss", "kill -9 of 1 of 3 nodes", true, new JsonObject().put("ratePerSecond", 4.0).put("shoppers", 80)
            .put("acknowledged", 70)
            .put("lost", 0).put("duplicated", 0).put("recoverySeconds", 9.5)),
        row("Kafka outage", "broker down 10 s", false, new JsonObject().put("shoppers", 40).put("acknowledged", 38)
            .put("lost", 2).put("cpuPercent", 12.5))));
    save(suite("security", "Security | OWASP", "short",
        row("API1 object level", "another customer's cart", true, new JsonObject().put("tried", 12).put("leaked", 0)),
        row("API3 property level", "price in\nthe body", true, new JsonObject().put("tried", 5).put("leaked", 0))));
    Path page = dir.resolve("out/scorecard.md");

    ScorecardPage.write(dir, page);

    String text = Files.readString(page);
    assertThat(text).startsWith("# Reliability scorecard")
        .contains("- **When:** 2026-11-21 10:00 UTC to 2026-11-21 10:02 UTC")
        .contains("- **Mode:** short (the short version")
        .contains("- **Machine:** Linux 6.1, amd64, 2 cores, OpenJDK 64-Bit Server VM 17.0.15")
        .contains("| Load held | 108 checkouts acknowledged of 120 shoppers arriving at 4/s during 2 faults |")
        .contains("| Faults injected / survived | 2 / 1 (node loss, Kafka outage) |")
        .contains("| Inputs tried | 17 (security) |")
        .contains("| Cases passed / failed | 3 / 1 |")
        .contains("| Suites not run | hostile-input |")
        .contains("| lost | 2 | 0 | **no** |")
        .contains("| duplicated | 0 | 0 | yes |")
        .contains("| leaked | 0 | 0 | yes |")
        .contains("| serverErrors | not counted | 0 | - |")
        .contains("## Crashes and outages (`faults`, short mode, 2 cases)")
        .contains("| node loss | kill -9 of 1 of 3 nodes | passed | ratePerSecond 4.0, shoppers 80, acknowledged 70, "
            + "lost 0, duplicated 0, recoverySeconds 9.5 |")
        .contains("| Kafka outage | broker down 10 s | **failed** | shoppers 40, acknowledged 38, **lost 2**, cpuPercent 12.5 |")
        .contains("## Security \\| OWASP (`security`, short mode, 2 cases)")
        .contains("| API3 property level | price in the body | passed | tried 5, leaked 0 |");
    // faults come first, whatever the file names' order
    assertThat(text.indexOf("## Crashes and outages")).isLessThan(text.indexOf("## Security"));
  }

  @Test
  void suitesRunInDifferentModesAreNamedWithTheirMode() throws Exception {
    save(suite("faults", "Crashes and outages", "full", row("node loss", "kill", true, new JsonObject().put("lost", 0))));
    save(suite("hostile-input", "Hostile input", "short", row("REST", "every operation", true,
        new JsonObject().put("tried", 4000).put("serverErrors", 0).put("stateChanges", 0))));

    String text = Files.readString(ScorecardPage.write(dir, dir.resolve("page.md")));

    assertThat(text).contains("- **Mode:** full (faults), short (hostile-input)")
        .contains("| serverErrors | 0 | 0 | yes |")
        .contains("| Suites not run | security |")
        .doesNotContain("| lost | not counted");
  }

  @Test
  void withoutResultsThePageSaysSo() throws Exception {
    String text = Files.readString(ScorecardPage.write(dir.resolve("none"), dir.resolve("page.md")));

    assertThat(text).contains("No results: no suite has run.");
  }
}
