package org.emporium.reliability.hostile;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.emporium.reliability.Scorecard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against one real node of every context (scorecard suite {@code hostile-input}):
 * every REST operation of the contract, every gRPC method of the proto files and the event-bus
 * bridge get malformed, oversized and out-of-range input. Targets: no 5xx (no INTERNAL, UNKNOWN or
 * DATA_LOSS over gRPC), no internals in any answer, no change to PostgreSQL or Redis from a
 * rejected request, and the node keeps serving. {@code -Dreliability.mode=full} sends every case
 * as every persona; the short mode samples each field. {@code -Dreliability.seed} picks the sample.
 */
class HostileInputTest {

  static final boolean FULL = "full".equals(System.getProperty("reliability.mode", "short"));
  static final long SEED = Long.getLong("reliability.seed", 20_231L);

  static HostileNode node;
  static Scorecard scorecard;

  @BeforeAll
  static void start() {
    node = HostileNode.shared();
    scorecard = new Scorecard("hostile-input", "Hostile input", FULL ? "full" : "short");
  }

  @AfterAll
  static void write() {
    if (scorecard != null) {
      scorecard.write();
    }
  }

  @Test
  void requestsThatOnceFailedWithA5xxAreRefusedCleanly() {
    Tally tally = new Tally();
    for (Regressions.Case c : Regressions.CASES) {
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      String token = node.world().token(c.persona());
      if (token != null) {
        headers.add("Authorization", "Bearer " + token);
      }
      if (c.body() != null) {
        headers.add("Content-Type", "application/json");
      }
      HttpResponse<Buffer> response = HostileNode.await(node.send(c.method(), c.uri(), headers,
          c.body() == null ? null : Buffer.buffer(c.body())));
      tally.tried++;
      assertThat(response.statusCode()).as("%s: %s %s answered %s", c.why(), c.method(), c.uri(),
          response.bodyAsString()).isEqualTo(c.status());
      assertThat(response.getHeader("Content-Type")).as(c.why()).startsWith("application/problem+json");
      assertThat(response.bodyAsString()).as(c.why()).doesNotContainPattern(Tally.LEAK);
      tally.rejected++;
    }
    scorecard.add("REST", "requests that once answered 5xx", tally.passed(), tally.figures());
  }

  @Test
  void everyRestOperationSurvivesHostileInputAndRejectedRequestsChangeNothing() {
    Contract contract = Contract.load();
    RestFuzzer fuzzer = new RestFuzzer(node, FULL, SEED);
    Tally total = new Tally();
    List<String> operations = new ArrayList<>();
    for (Contract.Operation op : contract.operations()) {
      Tally tally = fuzzer.run(fuzzer.cases(contract, op));
      operations.add(op.id());
      scorecard.add("REST", op.toString(), tally.passed(), tally.figures());
      total.add(tally);
    }
    Map<String, Object> figures = total.figures();
    figures.put("operations", operations.size());
    scorecard.add("REST", "all operations of the contract", total.passed(), figures);
    System.out.println("hostile-input REST: " + figures);
    assertThat(total.findings).as("findings").isEmpty();
    assertThat(operations).hasSizeGreaterThanOrEqualTo(78);
    assertThat(total.tried).isGreaterThan(operations.size() * 10);
  }
}
