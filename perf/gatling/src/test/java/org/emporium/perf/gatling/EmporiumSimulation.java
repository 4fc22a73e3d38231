package org.emporium.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every simulation shares: open-model populations (arrivals per second; a warm-up ramp whose
 * requests are grouped under "warm-up", then the measured rate), the preparation before the load,
 * and a last user, "business outcomes", that waits for the shoppers and their sagas to finish,
 * checks the outcomes and succeeds only when they hold. The assertions make the run fail otherwise.
 */
public abstract class EmporiumSimulation extends Simulation {

  protected final PerfConfig config = new PerfConfig();
  protected final Run run = new Run();
  protected final Plans plans = new Plans(run, config);
  protected final BrowseChains browse = new BrowseChains(config, plans);
  protected final CheckoutChain checkout = new CheckoutChain(run, config);
  protected final AccountPool pool = new AccountPool();
  protected final ShopChains shop = new ShopChains(run, plans, pool, browse, checkout);
  protected final FlashSale flash = new FlashSale(run, config, plans, checkout);
  private final Outcomes outcomes = new Outcomes(getClass().getSimpleName(), config, run);
  private final Preparation preparation = new Preparation(config, run, pool, flash);
  private final List<PopulationBuilder> populations = new ArrayList<>();
  private double lastArrivalSeconds;
  private double measuredSeconds;

  /** Browsing visitors at {@code rate} arrivals per second. */
  protected final void browsers(double rate) {
    steady("browse", browse.visit(), rate);
  }

  /** Shoppers at {@code rate} arrivals per second. */
  protected final void shoppers(double rate) {
    preparation.needShop();
    steady("shop", shop.visit(), rate);
  }

  /**
   * The flash sale: {@code rate} racing shoppers per second for {@code seconds}, starting at
   * {@code startSeconds}; with {@code watchers}, shoppers watch the product page during the warm-up.
   */
  protected final void flashSale(double rate, double startSeconds, double seconds, boolean watchers) {
    preparation.needFlash();
    if (watchers && config.warmupSeconds() > 0) {
      populations.add(scenario("flash watchers").exec(tracked(group("warm-up").on(flash.watch())))
          .injectOpen(constantUsersPerSec(Math.max(1, rate / 5)).during(config.warmupSeconds())));
    }
    populations.add(scenario("flash sale").exec(tracked(flash.race()))
        .injectOpen(nothingFor(millis(startSeconds)), constantUsersPerSec(rate).during(millis(seconds))));
    lastArrivalSeconds = Math.max(lastArrivalSeconds, startSeconds + seconds);
    measuredSeconds = measuredSeconds > 0 ? measuredSeconds : seconds;
  }

  private void steady(String name, ChainBuilder chain, double rate) {
    if (rate <= 0) {
      return;
    }
    int warmup = config.warmupSeconds();
    if (warmup > 0) {
      populations.add(scenario(name + " warm-up").exec(tracked(group("warm-up").on(chain)))
          .injectOpen(rampUsersPerSec(rate / 10).to(rate).during(warmup)));
    }
    List<OpenInjectionStep> steps = new ArrayList<>();
    if (warmup > 0) {
      steps.add(nothingFor(warmup));
    }
    steps.add(constantUsersPerSec(rate).during(config.seconds()).randomized());
    populations.add(scenario(name).exec(tracked(chain)).injectOpen(steps));
    lastArrivalSeconds = Math.max(lastArrivalSeconds, warmup + config.seconds());
    measuredSeconds = config.seconds();
  }

  /** Counts the users still active, so the outcome check waits for them, and the visits an error stopped. */
  private ChainBuilder tracked(ChainBuilder chain) {
    return exec(session -> {
      run.enter();
      return session;
    }).exec(chain).exec(session -> {
      run.leave();
      run.tally(session.isFailed() ? "visits.failed" : "visits.ok");
      return session;
    });
  }

  /** Call last in the subclass's constructor. */
  protected final void launch() {
    long settleNanos = Duration.ofSeconds(config.settleSeconds()).toNanos();
    ScenarioBuilder check = scenario("business outcomes")
        .exec(pause(2)) // arrivals due at the very end have started
        .exec(session -> session.set("waitFrom", System.nanoTime()).set("until", System.nanoTime() + settleNanos))
        .exec(asLongAs(session -> run.active() > 0 && System.nanoTime() < session.getLong("until")).on(pause(1)))
        .exec(session -> session.set("until", System.nanoTime() + settleNanos))
        .exec(asLongAs(session -> outcomes.unfinishedSagas() > 0 && System.nanoTime() < session.getLong("until"))
            .on(pause(1)))
        .exec(session -> session.set("outcomesHold",
            outcomes.check((System.nanoTime() - session.getLong("waitFrom")) / 1_000_000)))
        .exec(dummy("business outcomes", 1).withSuccess(session -> session.getBoolean("outcomesHold")));
    List<PopulationBuilder> all = new ArrayList<>(populations);
    all.add(check.injectOpen(nothingFor(millis(lastArrivalSeconds)), atOnceUsers(1)));
    setUp(all)
        .protocols(http.baseUrl(config.baseUrl()).acceptHeader("application/json")
            .userAgentHeader("emporium-load-test").disableWarmUp())
        .assertions(
            details("business outcomes").successfulRequests().count().is(1L),
            global().failedRequests().percent().lt(config.maxFailedPercent()));
  }

  @Override
  public void before() {
    statsAtExit();
    outcomes.begin(preparation.sells(), preparation.flash());
    preparation.run();
  }

  @Override
  public void after() {
    outcomes.close();
  }

  /** Gatling writes its report after {@code after()}; the statistics are read from it when the JVM exits. */
  private void statsAtExit() {
    String simulation = getClass().getSimpleName();
    String folder = System.getProperty("perf.resultsFolder");
    long since = System.currentTimeMillis();
    if (folder == null) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Optional<Path> report = ReportStats.latest(Path.of(folder), simulation, since);
        if (report.isPresent()) {
          Path out = config.outDir().resolve("stats-" + simulation + ".json");
          Files.createDirectories(out.getParent());
          Files.writeString(out, ReportStats.toJson(report.get(), (int) Math.round(measuredSeconds)));
        }
      } catch (IOException | RuntimeException e) {
        System.err.println("Cannot write the report's statistics as JSON: " + e);
      }
    }, "report-stats"));
  }

  private static Duration millis(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
