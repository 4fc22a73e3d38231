package org.emporium.perf.gatling.ratio;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's side of the ratio table: hot-SKU reservations, cart add-line and guest checkouts
 * over REST, one context after the other, each in an open model (arrivals on a schedule, whatever
 * the answers do) at increasing rates, one step per rate after a warm-up. Writes
 * {@code ratio-<label>-<context>.json} per context into {@code perf.outDir}: each step's started,
 * answered and failed requests and latency percentiles from the scheduled send, and the highest
 * rate held (p99 within the context's limit, at most 0.1% failed, the generator on schedule)
 * below the first step that saturated the node.
 */
public class RatioSimulation extends Simulation {

  private final RatioSettings settings = RatioSettings.fromSystemProperties();
  private final Shop shop = new Shop(settings);
  private final Map<String, Steps> steps = new LinkedHashMap<>();

  {
    List<PopulationBuilder> populations = new ArrayList<>();
    for (String context : settings.contexts()) {
      double[] rates = settings.rates(context);
      Steps recorder = new Steps(context, rates, settings.stepSeconds(), settings.warmupSeconds(),
          settings.p99LimitMs(context));
      steps.put(context, recorder);
      populations.add(scenario(context).exec(measured(recorder, request(context))).injectOpen(injection(rates)));
    }
    PopulationBuilder chain = populations.get(populations.size() - 1);
    for (int i = populations.size() - 2; i >= 0; i--) {
      chain = populations.get(i).andThen(chain);
    }
    setUp(chain).protocols(http.baseUrl(settings.baseUrl()).shareConnections()
        .warmUp(settings.baseUrl() + "/health/live").acceptHeader("application/json"));
  }

  @Override
  public void before() {
    shop.prepare();
  }

  @Override
  public void after() {
    try {
      Files.createDirectories(settings.outDir());
      for (Map.Entry<String, Steps> entry : steps.entrySet()) {
        Files.writeString(settings.outDir().resolve("ratio-" + settings.label() + "-" + entry.getKey() + ".json"),
            entry.getValue().json(settings.label()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ChainBuilder request(String context) {
    return switch (context) {
      case "inventory" -> exec(Requests.reserve(shop));
      case "cart" -> exec(shop::nextLine).exec(Requests.addLine());
      case "checkout" -> exec(shop::nextCheckoutCart).doIf(session -> !session.isFailed())
          .then(exec(Requests.checkout()));
      default -> throw new IllegalArgumentException("no ratio load for " + context + "; use " + RatioSettings.ALL);
    };
  }

  private static ChainBuilder measured(Steps recorder, ChainBuilder request) {
    return exec(session -> {
      long now = System.nanoTime();
      return session.set("step", recorder.begin(now)).set("t0", now);
    }).doIf(session -> session.getInt("step") != Steps.SKIP).then(request.exec(session -> {
      recorder.end(session.getInt("step"), session.getLong("t0"), System.nanoTime(), !session.isFailed());
      return session;
    }));
  }

  private OpenInjectionStep[] injection(double[] rates) {
    List<OpenInjectionStep> injection = new ArrayList<>();
    if (settings.warmupSeconds() > 0) {
      injection.add(constantUsersPerSec(rates[0]).during(settings.warmupSeconds()).randomized());
    }
    for (double rate : rates) {
      injection.add(constantUsersPerSec(rate).during(settings.stepSeconds()).randomized());
    }
    return injection.toArray(OpenInjectionStep[]::new);
  }
}
