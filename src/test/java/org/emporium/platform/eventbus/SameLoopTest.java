package org.emporium.platform.eventbus;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Bus requests answered on the caller's own event loop where an instance of the address runs there. */
class SameLoopTest {

  private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(5_000);

  private Vertx vertx;

  /** Answers with the thread it ran on and how many requests this instance has answered. */
  static final class Echo extends VerticleBase {
    private int answered;

    @Override
    public Future<?> start() {
      return new BusEndpoints(vertx).serve("test.echo", body -> Future.succeededFuture(new JsonObject()
          .put("thread", Thread.currentThread().getName()).put("answered", ++answered))).registered();
    }
  }

  /** Holds a context of each event loop: a verticle's instances are spread over the loops. */
  static final class Caller extends VerticleBase {
    static final List<Context> CONTEXTS = new CopyOnWriteArrayList<>();

    @Override
    public Future<?> start() {
      CONTEXTS.add(context);
      return Future.succeededFuture();
    }
  }

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
    Caller.CONTEXTS.clear();
    vertx.deployVerticle(Caller::new, new DeploymentOptions().setInstances(4)).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aRequestFromALoopWithAnInstanceIsAnsweredOnThatLoop() throws Exception {
    vertx.deployVerticle(Echo::new, new DeploymentOptions().setInstances(4)).await(10, TimeUnit.SECONDS);
    Set<String> loops = new HashSet<>();
    for (int caller = 0; caller < 4; caller++) {
      List<String> answeredOn = onContext(Caller.CONTEXTS.get(caller), 20).await(10, TimeUnit.SECONDS);
      String callerThread = answeredOn.remove(0);
      loops.add(callerThread);
      assertThat(answeredOn).hasSize(20).containsOnly(callerThread);
    }
    assertThat(loops).as("the callers' contexts spread over the event loops").hasSize(4);
  }

  @Test
  void withoutAnInstanceOnTheLoopOrOffAnyLoopTheAddressAnswersAsUsual() throws Exception {
    vertx.deployVerticle(Echo::new, new DeploymentOptions().setInstances(1)).await(10, TimeUnit.SECONDS);
    Set<String> answering = new HashSet<>();
    for (int caller = 0; caller < 4; caller++) {
      List<String> answeredOn = onContext(Caller.CONTEXTS.get(caller), 5).await(10, TimeUnit.SECONDS);
      answeredOn.remove(0);
      answering.addAll(answeredOn);
    }
    Message<JsonObject> offLoop = SameLoop.<JsonObject>request(vertx.eventBus(), "test.echo", new JsonObject(), OPTIONS)
        .await(10, TimeUnit.SECONDS);
    answering.add(offLoop.body().getString("thread"));
    assertThat(answering).as("one instance answers every caller").hasSize(1);
  }

  @Test
  void anInstanceThatWasUndeployedIsForgottenAndTheAddressAnswers() throws Exception {
    String first = vertx.deployVerticle(Echo::new, new DeploymentOptions().setInstances(4)).await(10, TimeUnit.SECONDS);
    Context caller = Caller.CONTEXTS.get(0);
    String callerLoop = onContext(caller, 1).await(10, TimeUnit.SECONDS).get(1);
    vertx.undeploy(first).await(10, TimeUnit.SECONDS);
    vertx.deployVerticle(Echo::new, new DeploymentOptions().setInstances(1)).await(10, TimeUnit.SECONDS);
    // the loop's instance is gone: the request goes to the address, with no failure
    List<String> answeredOn = onContext(caller, 3).await(10, TimeUnit.SECONDS);
    assertThat(answeredOn).hasSize(4);
    assertThat(answeredOn.get(0)).isEqualTo(callerLoop);
    assertThat(new HashSet<>(answeredOn.subList(1, 4))).as("the one new instance").hasSize(1);
  }

  /** The caller's thread, then the threads that answered {@code count} same-loop requests from it. */
  private static Future<List<String>> onContext(Context context, int count) {
    Promise<List<String>> done = Promise.promise();
    context.runOnContext(v -> {
      List<String> threads = new ArrayList<>();
      threads.add(Thread.currentThread().getName());
      next(context, threads, count, done);
    });
    return done.future();
  }

  private static void next(Context context, List<String> threads, int left, Promise<List<String>> done) {
    if (left == 0) {
      done.complete(threads);
      return;
    }
    SameLoop.<JsonObject>request(context.owner().eventBus(), "test.echo", new JsonObject(), OPTIONS)
        .onSuccess(reply -> {
          threads.add(reply.body().getString("thread"));
          next(context, threads, left - 1, done);
        })
        .onFailure(done::fail);
  }
}
