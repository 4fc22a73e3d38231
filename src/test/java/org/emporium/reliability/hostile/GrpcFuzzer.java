package org.emporium.reliability.hostile;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.common.GrpcErrorException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.reliability.hostile.GrpcCases.GrpcCase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sends the hostile messages of every gRPC method to the node's port as raw bytes (so that bytes
 * no client library would produce get there too), as each persona, and checks each method's batch
 * like {@link RestFuzzer}: no INTERNAL, UNKNOWN or DATA_LOSS (nor UNAVAILABLE or
 * DEADLINE_EXCEEDED, which a bad message must not cause either), no internals in a status
 * message, and no state change from a refused call.
 */
final class GrpcFuzzer implements AutoCloseable {

  static final Set<GrpcStatus> SERVER_ERRORS = Set.of(GrpcStatus.INTERNAL, GrpcStatus.UNKNOWN, GrpcStatus.DATA_LOSS,
      GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED);
  /** Refusals the checkout saga stores by design (see {@link RestFuzzer}): 402, 404, 409 and 422. */
  private static final Set<GrpcStatus> SAGA_REFUSALS = Set.of(GrpcStatus.FAILED_PRECONDITION, GrpcStatus.NOT_FOUND,
      GrpcStatus.ABORTED);
  private static final List<String> READS = List.of("Get", "List", "Search", "Suggest", "Check", "Convert", "Quote",
      "Batch");
  private static final int IN_FLIGHT = 12;

  private final HostileNode node;
  private final StateWatch watch;
  private final boolean full;
  private final long seed;
  private final GrpcClient client;
  private final SocketAddress edge;
  private final Map<GrpcCase, String> outcomes = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<String, Tally> tallies = new java.util.LinkedHashMap<>();
  /** The batch tally of the first sending: only its answers count for the methods. */
  private Tally counting;

  GrpcFuzzer(HostileNode node, boolean full, long seed) {
    this.node = node;
    this.watch = new StateWatch(node);
    this.full = full;
    this.seed = seed;
    this.client = GrpcClient.client(node.vertx(), new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    this.edge = SocketAddress.inetSocketAddress(node.port(), "127.0.0.1");
  }

  /** Every case as the admin (who passes every permission check), and a few as the others. */
  List<GrpcCase> cases(MethodDescriptor method) {
    Map<String, List<GrpcCase>> all = new GrpcCases(method, node.world(), seed).all();
    List<GrpcCase> flat = all.values().stream().flatMap(List::stream).toList();
    List<GrpcCase> chosen = new ArrayList<>();
    for (Persona persona : Persona.values()) {
      Random pick = new Random(seed ^ (method.getFullName() + persona).hashCode());
      if (full) {
        flat.forEach(c -> chosen.add(c.as(persona)));
      } else if (persona != Persona.ADMIN) {
        for (int i = 0; i < 3; i++) {
          chosen.add(flat.get(pick.nextInt(flat.size())).as(persona));
        }
      } else {
        all.forEach((target, list) -> {
          int count = target.equals("message") ? list.size() : 2;
          for (int i = 0; i < Math.min(count, list.size()); i++) {
            chosen.add((target.equals("message") ? list.get(i) : list.get(pick.nextInt(list.size()))).as(persona));
          }
        });
      }
    }
    return chosen;
  }

  /** Sends the cases of a few methods as one batch (see {@link RestFuzzer#run}); a tally per method's full name. */
  Map<String, Tally> run(List<List<GrpcCase>> methods) {
    outcomes.clear();
    tallies.clear();
    List<GrpcCase> cases = new ArrayList<>();
    for (List<GrpcCase> method : methods) {
      if (!method.isEmpty()) {
        tallies.put(method.get(0).method().getFullName(), new Tally());
        cases.addAll(method);
      }
    }
    Tally batch = new Tally();
    counting = batch;
    List<GrpcCase> culprits = watch.run(cases, batch, this::sent, list -> list.stream().limit(8)
        .map(c -> c + " => " + outcomes.get(c)).toList().toString());
    culprits.stream().map(c -> c.method().getFullName()).distinct().forEach(name -> {
      tallies.get(name).stateChanges++;
      batch.findings.forEach(tallies.get(name)::finding);
    });
    return new java.util.LinkedHashMap<>(tallies);
  }

  private StateWatch.Sent<GrpcCase> sent(List<GrpcCase> cases, Tally tally) {
    List<GrpcCase> rejected = new ArrayList<>();
    for (int from = 0; from < cases.size(); from += IN_FLIGHT) {
      List<GrpcCase> chunk = cases.subList(from, Math.min(cases.size(), from + IN_FLIGHT));
      List<Future<GrpcStatus>> answers = chunk.stream().map(this::call).toList();
      try {
        Future.join(answers).await(120, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // each answer is looked at below
      }
      for (int i = 0; i < chunk.size(); i++) {
        count(chunk.get(i), answers.get(i), tally, rejected);
      }
    }
    List<GrpcCase> checked = rejected.stream().filter(c -> !recorded(c)).toList();
    Set<GrpcCase> refused = Collections.newSetFromMap(new IdentityHashMap<>());
    refused.addAll(rejected);
    boolean changing = cases.stream().anyMatch(c -> recorded(c)
        || !refused.contains(c) && READS.stream().noneMatch(c.method().getName()::startsWith));
    return new StateWatch.Sent<>(checked, checked.size() == cases.size(), changing);
  }

  private boolean recorded(GrpcCase c) {
    String outcome = outcomes.get(c);
    return c.method().getService().getName().equals("CheckoutService") && outcome != null
        && SAGA_REFUSALS.stream().anyMatch(s -> outcome.startsWith(s.name()));
  }

  private Future<GrpcStatus> call(GrpcCase c) {
    String token = node.world().token(c.persona());
    return client.request(edge).compose(request -> {
      request.fullMethodName(c.fullName()).timeout(60, TimeUnit.SECONDS);
      if (token != null) {
        request.headers().set("authorization", "Bearer " + token);
      }
      request.headers().set("x-cart-token", node.world().guestCartToken());
      // the node logs this id with anything the call makes it log
      request.headers().set("x-request-id", ("fuzz:" + c.method().getName() + ":" + c.target() + ":" + c.kind())
          .replaceAll("[^A-Za-z0-9._:-]", "-"));
      return request.send(c.payload());
    }).compose(response -> {
      response.handler(message -> { });
      return response.end().transform(done -> {
        outcomes.put(c, response.status() + " " + response.statusMessage());
        return Future.succeededFuture(response.status());
      });
    }).recover(failure -> {
      // the server reset the stream (vertx-grpc does for a generated service given bytes it cannot read)
      if (failure instanceof GrpcErrorException reset && reset.status() != null) {
        outcomes.put(c, reset.status() + " (stream reset: " + reset.error() + ")");
        return Future.succeededFuture(reset.status());
      }
      return Future.failedFuture(failure);
    });
  }

  /** The status one call of {@code method} (full name) ends with. */
  GrpcStatus status(String method, Persona persona, byte[] message) {
    MethodDescriptor descriptor = ProtoServices.methods().stream()
        .filter(m -> (m.getService().getFullName() + "/" + m.getName()).equals(method)).findFirst().orElseThrow();
    return HostileNode.await(call(new GrpcCase(descriptor, persona, "message", "regression",
        io.vertx.core.buffer.Buffer.buffer(message))));
  }

  private void count(GrpcCase c, Future<GrpcStatus> answer, Tally batch, List<GrpcCase> rejected) {
    Tally tally = batch == counting ? tallies.get(c.method().getFullName()) : batch;
    tally.tried++;
    if (!answer.succeeded() || answer.result() == null) {
      tally.noAnswer++;
      tally.finding(c + " got no status: " + answer.cause());
      return;
    }
    GrpcStatus status = answer.result();
    String outcome = outcomes.getOrDefault(c, status.name());
    if (SERVER_ERRORS.contains(status)) {
      tally.serverErrors++;
      tally.finding(c + " ended " + outcome);
    } else if (status == GrpcStatus.OK) {
      tally.accepted++;
    } else {
      tally.rejected++;
      rejected.add(c);
    }
    if (status != GrpcStatus.OK && Tally.LEAK.matcher(outcome).find()) {
      tally.leaked++;
      tally.finding(c + " leaked internals: " + outcome);
    }
  }

  @Override
  public void close() {
    HostileNode.await(client.close());
  }
}
