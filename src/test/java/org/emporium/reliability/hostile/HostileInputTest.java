package org.emporium.reliability.hostile;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.reliability.Scorecard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

  /** Operations (gRPC: methods) checked against one fingerprint of the stores before and after. */
  static final int OPERATIONS_PER_BATCH = 6;

  static HostileNode node;
  static Scorecard scorecard;
  static ServerLog log;

  @BeforeAll
  static void start() {
    node = HostileNode.shared();
    log = ServerLog.attach();
    scorecard = new Scorecard("hostile-input", "Hostile input", FULL ? "full" : "short");
  }

  @AfterAll
  static void write() {
    if (log != null) {
      log.close();
    }
    if (scorecard != null) {
      scorecard.write();
    }
  }

  @Test
  void requestsThatOnceFailedAreRefusedCleanlyAndChangeNothing() {
    log.drain();
    Fingerprint fingerprint = new Fingerprint(node);
    fingerprint.quiet(); // the events of earlier tests' writes are applied by their consumers first
    Map<String, String> before = fingerprint.settled();
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
      if (!c.uri().startsWith("/api/")) {
        headers.add("Connection", "close"); // SockJS polling closes the connections it answers on
      }
      HttpResponse<Buffer> response = HostileNode.await(node.send(c.method(), c.uri(), headers,
          c.body() == null || c.body().isEmpty() && !c.uri().startsWith("/api/") ? null : Buffer.buffer(c.body())));
      tally.tried++;
      assertThat(response.statusCode()).as("%s: %s %s answered %s", c.why(), c.method(), c.uri(),
          response.bodyAsString()).isEqualTo(c.status());
      if (c.uri().startsWith("/api/")) {
        assertThat(response.getHeader("Content-Type")).as(c.why()).startsWith("application/problem+json");
      }
      assertThat(String.valueOf(response.bodyAsString())).as(c.why()).doesNotContainPattern(Tally.LEAK);
      tally.rejected += c.status() >= 400 ? 1 : 0;
    }
    try (GrpcFuzzer grpc = new GrpcFuzzer(node, FULL, SEED)) {
      for (Regressions.Call c : Regressions.CALLS) {
        GrpcStatus status = grpc.status(c.method(), c.persona(), c.message());
        tally.tried++;
        assertThat(status).as(c.why()).isEqualTo(c.status());
        tally.rejected++;
      }
    }
    assertThat(Fingerprint.changed(before, fingerprint.settled())).as("changed by the refused requests").isEmpty();
    assertThat(log.drain()).as("unexpected failures in the node's log").isEmpty();
    scorecard.add("REST and gRPC", "requests that once answered 5xx or changed state", tally.passed(), tally.figures());
  }

  /**
   * Inventory reserves in group commits: one statement for every request that queued meanwhile. A
   * request whose text PostgreSQL refuses failed the whole statement, and every other request in
   * it got 503.
   */
  @Test
  void aReservationThatCannotBeStoredFailsAloneNotWithItsBatch() {
    Tally tally = new Tally();
    MultiMap admin = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + node.world().adminToken())
        .add("Content-Type", "application/json");
    for (int round = 0; round < 3; round++) {
      List<Future<HttpResponse<Buffer>>> valid = new ArrayList<>();
      Future<HttpResponse<Buffer>> poisoned = null;
      for (int i = 0; i < 12; i++) {
        if (i == 2) {
          poisoned = node.send(HttpMethod.POST, "/api/v1/inventory/reservations", admin,
              reservation("poison\\u0000" + round));
        }
        valid.add(node.send(HttpMethod.POST, "/api/v1/inventory/reservations", admin,
            reservation("batch-" + round + "-" + i)));
      }
      tally.tried += valid.size() + 1;
      int poison = HostileNode.await(poisoned).statusCode();
      assertThat(poison).as("the reservation with a NUL character").isEqualTo(400);
      for (Future<HttpResponse<Buffer>> answer : valid) {
        HttpResponse<Buffer> response = HostileNode.await(answer);
        assertThat(response.statusCode()).as("a valid reservation queued with it: %s", response.bodyAsString())
            .isEqualTo(201);
      }
      tally.rejected++;
      tally.accepted += valid.size();
    }
    scorecard.add("REST", "a reservation that cannot be stored fails alone, not with its batch", true, tally.figures());
  }

  private Buffer reservation(String reference) {
    return Buffer.buffer(new JsonObject().put("reservationId", UUID.randomUUID().toString())
        .put("reference", "REF").put("lines", new JsonArray().add(new JsonObject()
            .put("sku", node.world().sku()).put("quantity", 1))).encode().replace("\"REF\"", "\"" + reference + "\""));
  }

  @Test
  void everyRestOperationSurvivesHostileInputAndRejectedRequestsChangeNothing() {
    log.drain();
    long started = System.nanoTime();
    Contract contract = Contract.load();
    RestFuzzer fuzzer = new RestFuzzer(node, FULL, SEED);
    Tally total = new Tally();
    List<String> operations = new ArrayList<>();
    List<Contract.Operation> all = contract.operations();
    for (int from = 0; from < all.size(); from += OPERATIONS_PER_BATCH) {
      List<Contract.Operation> batch = all.subList(from, Math.min(all.size(), from + OPERATIONS_PER_BATCH));
      Map<String, Tally> tallies = fuzzer.run(batch.stream().map(op -> fuzzer.cases(contract, op)).toList());
      for (Contract.Operation op : batch) {
        Tally tally = tallies.getOrDefault(op.id(), new Tally());
        operations.add(op.id());
        scorecard.add("REST", op.toString(), tally.passed(), tally.figures());
        total.add(tally);
      }
    }
    List<String> logged = log.drain();
    logged.forEach(total::finding);
    Map<String, Object> figures = total.figures();
    figures.put("unexpectedLogged", logged.size());
    figures.put("operations", operations.size());
    figures.put("seconds", (System.nanoTime() - started) / 1_000_000_000L);
    scorecard.add("REST", "all operations of the contract", total.passed(), figures);
    System.out.println("hostile-input REST: " + figures);
    assertThat(total.findings).as("findings").isEmpty();
    assertThat(operations).hasSizeGreaterThanOrEqualTo(78);
    assertThat(total.tried).isGreaterThan(operations.size() * 10);
  }

  @Test
  void everyGrpcMethodSurvivesHostileMessagesAndRefusedCallsChangeNothing() {
    log.drain();
    long started = System.nanoTime();
    Tally total = new Tally();
    List<String> methods = new ArrayList<>();
    try (GrpcFuzzer fuzzer = new GrpcFuzzer(node, FULL, SEED)) {
      List<MethodDescriptor> all = ProtoServices.methods();
      for (int from = 0; from < all.size(); from += OPERATIONS_PER_BATCH) {
        List<MethodDescriptor> batch = all.subList(from, Math.min(all.size(), from + OPERATIONS_PER_BATCH));
        Map<String, Tally> tallies = fuzzer.run(batch.stream().map(fuzzer::cases).toList());
        for (MethodDescriptor method : batch) {
          Tally tally = tallies.getOrDefault(method.getFullName(), new Tally());
          methods.add(method.getFullName());
          scorecard.add("gRPC", method.getFullName(), tally.passed(), tally.figures());
          total.add(tally);
        }
      }
    }
    List<String> logged = log.drain();
    logged.forEach(total::finding);
    Map<String, Object> figures = total.figures();
    figures.put("unexpectedLogged", logged.size());
    figures.put("methods", methods.size());
    figures.put("protoFiles", ProtoServices.files().size());
    figures.put("seconds", (System.nanoTime() - started) / 1_000_000_000L);
    scorecard.add("gRPC", "all methods of the proto files", total.passed(), figures);
    System.out.println("hostile-input gRPC: " + figures);
    assertThat(total.findings).as("findings").isEmpty();
    assertThat(methods).hasSizeGreaterThanOrEqualTo(35);
    assertThat(total.tried).isGreaterThan(methods.size() * 10);
  }

  @Test
  void theBridgeAnswersHostileFramesWithErrorsDeliversNothingAndKeepsServing() {
    Fingerprint fingerprint = new Fingerprint(node);
    Map<String, String> before = fingerprint.settled();
    BridgeFuzzer fuzzer = new BridgeFuzzer(node, SEED);
    Tally tally = new Tally();
    Map<String, Object> extra;
    try {
      extra = fuzzer.run(tally);
    } finally {
      fuzzer.close();
    }
    List<String> changed = Fingerprint.changed(before, fingerprint.settled());
    if (!changed.isEmpty()) {
      tally.stateChanges++;
      tally.finding("hostile bridge frames changed " + changed);
    }
    Map<String, Object> figures = tally.figures();
    figures.putAll(extra);
    scorecard.add("bridge", "hostile frames over /eventbus/websocket and the SockJS transports", tally.passed(), figures);
    System.out.println("hostile-input bridge: " + figures);
    assertThat(tally.findings).as("findings").isEmpty();
    assertThat(HostileNode.await(node.send(HttpMethod.GET, "/health/ready",
        MultiMap.caseInsensitiveMultiMap(), null)).statusCode()).isEqualTo(200);
  }
}
