package org.emporium.reliability.hostile;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Sends the hostile cases of every contract operation to the node, as each persona, and checks
 * each operation's batch: no 5xx, no internals in an answer, and the stores unchanged by the
 * rejected requests. When some cases were accepted after all (valid by the contract), the
 * rejected ones are sent again on their own and checked then.
 */
final class RestFuzzer {

  /** Requests in flight at once: enough to keep the node busy, few enough that none times out. */
  private static final int IN_FLIGHT = 12;
  /**
   * Refusals the checkout saga records by design once it has started (docs/checkout.md): the saga
   * row, the idempotency key's stored answer (a retry gets the same failure) and the
   * {@code checkout.failed} event. Validation refusals (400) store nothing and are checked.
   */
  private static final Set<Integer> SAGA_REFUSALS = Set.of(402, 404, 409, 422);

  private final HostileNode node;
  private final StateWatch watch;
  private final boolean full;
  private final long seed;
  private final Map<FuzzCase, Integer> statuses = new IdentityHashMap<>();
  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  /** The batch tally of the first sending: only its answers count for the operations. */
  private Tally counting;

  RestFuzzer(HostileNode node, boolean full, long seed) {
    this.node = node;
    this.watch = new StateWatch(node);
    this.full = full;
    this.seed = seed;
  }

  /**
   * The cases of {@code op}: all of them (short mode: one per field, three for the body and the URL)
   * as the operation's own persona, and as the others only a few in short mode, since they are
   * refused before validation the same way every time.
   */
  List<FuzzCase> cases(Contract contract, Contract.Operation op) {
    int bodyLimit = node.node().config().http().bodyLimit();
    Map<String, List<FuzzCase>> all = new RestCases(contract, op, node.world(), seed, bodyLimit).all();
    List<FuzzCase> flat = all.values().stream().flatMap(List::stream).toList();
    List<FuzzCase> chosen = new ArrayList<>();
    for (Persona persona : Persona.values()) {
      Random pick = new Random(seed ^ (op.id() + persona).hashCode());
      String token = node.world().token(persona);
      if (full) {
        flat.forEach(c -> chosen.add(c.as(persona, token)));
      } else if (persona != op.persona()) {
        for (int i = 0; i < 3; i++) {
          chosen.add(flat.get(pick.nextInt(flat.size())).as(persona, token));
        }
      } else {
        all.forEach((target, list) -> {
          int count = target.equals("body") || target.equals("url") ? 3 : 1;
          for (int i = 0; i < Math.min(count, list.size()); i++) {
            chosen.add(list.get(pick.nextInt(list.size())).as(persona, token));
          }
        });
      }
    }
    return chosen;
  }

  /**
   * Sends the cases of a few operations as one batch (one fingerprint before and after, which
   * costs more than the requests) and returns a tally per operation id; a state change counts
   * for the operations of the fewest requests that make it.
   */
  Map<String, Tally> run(List<List<FuzzCase>> operations) {
    statuses.clear();
    tallies.clear();
    List<FuzzCase> cases = new ArrayList<>();
    for (List<FuzzCase> op : operations) {
      if (!op.isEmpty()) {
        tallies.put(op.get(0).op().id(), new Tally());
        cases.addAll(op);
      }
    }
    Tally batch = new Tally();
    counting = batch;
    List<FuzzCase> culprits = watch.run(cases, batch, this::sent, this::described);
    culprits.stream().map(c -> c.op().id()).distinct().forEach(id -> {
      tallies.get(id).stateChanges++;
      batch.findings.forEach(tallies.get(id)::finding);
    });
    return new LinkedHashMap<>(tallies);
  }

  private StateWatch.Sent<FuzzCase> sent(List<FuzzCase> cases, Tally tally) {
    List<FuzzCase> rejected = send(cases, tally);
    List<FuzzCase> checked = rejected.stream().filter(c -> !recorded(c)).toList();
    Set<FuzzCase> refused = Collections.newSetFromMap(new IdentityHashMap<>());
    refused.addAll(rejected);
    boolean changing = cases.stream().anyMatch(c -> recorded(c) || !refused.contains(c) && c.method() != HttpMethod.GET);
    return new StateWatch.Sent<>(checked, checked.size() == cases.size(), changing);
  }

  private boolean recorded(FuzzCase c) {
    Integer status = statuses.get(c);
    return c.op().id().equals("checkout") && status != null && SAGA_REFUSALS.contains(status);
  }

  private String described(List<FuzzCase> cases) {
    return cases.stream().limit(8).map(c -> c + " => " + statuses.get(c)).toList().toString();
  }

  /** Sends every case, counting answers; returns the cases that were rejected (4xx). */
  private List<FuzzCase> send(List<FuzzCase> cases, Tally tally) {
    List<FuzzCase> rejected = new ArrayList<>();
    for (int from = 0; from < cases.size(); from += IN_FLIGHT) {
      List<FuzzCase> chunk = cases.subList(from, Math.min(cases.size(), from + IN_FLIGHT));
      List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
      for (FuzzCase c : chunk) {
        answers.add(node.send(c.method(), c.uri(), c.headers(), c.body()));
      }
      try {
        Future.join(answers).await(120, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // each answer is looked at below
      }
      for (int i = 0; i < chunk.size(); i++) {
        count(chunk.get(i), answers.get(i), tally, rejected);
      }
    }
    return rejected;
  }

  private void count(FuzzCase c, Future<HttpResponse<Buffer>> answer, Tally batch, List<FuzzCase> rejected) {
    Tally tally = batch == counting ? tallies.get(c.op().id()) : batch;
    tally.tried++;
    if (!answer.succeeded()) {
      tally.noAnswer++;
      tally.finding(c + " got no answer: " + answer.cause());
      return;
    }
    HttpResponse<Buffer> response = answer.result();
    int status = response.statusCode();
    statuses.put(c, status);
    String body = response.bodyAsString() == null ? "" : response.bodyAsString();
    if (status >= 500) {
      tally.serverErrors++;
      tally.finding(c + " answered " + status + " " + body);
    } else if (status >= 400) {
      tally.rejected++;
      rejected.add(c);
    } else {
      tally.accepted++;
    }
    if (status >= 400 && Tally.LEAK.matcher(body).find()) {
      tally.leaked++;
      tally.finding(c + " leaked internals: " + body);
    }
  }
}
