package org.emporium.perf.gatling;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business outcomes every run must leave: orders paid = payments captured (each for the order's
 * total) = what the units sold say, no stock below zero or out of step with its ledger, no
 * reservation still held, every saga ended, every order a client was told about paid; for a flash
 * sale, no more units sold than offered, each in a paid order. Written to
 * {@code outcomes-<simulation>.json}; a run whose outcomes do not hold fails.
 */
public final class Outcomes {

  private final String simulation;
  private final PerfConfig config;
  private final Run run;
  private final NodeClient node;
  private boolean sells;
  private boolean flash;
  private OutcomeQueries queries;

  public Outcomes(String simulation, PerfConfig config, Run run) {
    this.simulation = simulation;
    this.config = config;
    this.run = run;
    this.node = new NodeClient(config.baseUrl());
  }

  /** Connects to PostgreSQL before the load, so a run that could not be checked does not start. */
  public void begin(boolean sells, boolean flash) {
    this.sells = sells;
    this.flash = flash;
    if (!config.checkOutcomes()) {
      return;
    }
    try {
      queries = new OutcomeQueries(config, run);
      queries.stock();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the node's PostgreSQL at " + config.pgUrl() + " (perf.pg.url, "
          + "perf.pg.user, perf.pg.password) to check the run's outcomes: " + e.getMessage(), e);
    }
  }

  public long unfinishedSagas() {
    try {
      return queries == null ? 0 : queries.unfinishedSagas();
    } catch (Exception e) {
      return 0;
    }
  }

  /** Reads the figures, checks them, writes the JSON file; answers whether the outcomes hold. */
  public boolean check(long waitedMillis) {
    List<String> failures = new ArrayList<>();
    ObjectNode out = NodeClient.object();
    out.put("simulation", simulation).put("runId", run.id()).put("baseUrl", config.baseUrl())
        .put("smoke", config.smoke()).put("startedAt", run.started().toString()).put("checkedAt", Instant.now().toString())
        .put("settleMillis", waitedMillis).put("usersStillActive", run.active()).put("checked", queries != null);
    ObjectNode figures = out.putObject("figures");
    try {
      if (queries != null) {
        Map<String, Long> all = new LinkedHashMap<>(queries.checkouts());
        all.putAll(queries.stock());
        all.put("client_confirmed_orders", (long) run.confirmedOrders().size());
        all.put("confirmed_not_paid", queries.confirmedNotPaid(run.confirmedOrders()));
        all.forEach((k, v) -> figures.put(camel(k), v));
        verify(all, failures);
        if (flash) {
          flash(out.putObject("flash"), failures);
        }
      }
    } catch (Exception e) {
      failures.add("the outcomes could not be read: " + e);
    }
    ObjectNode client = out.putObject("client");
    run.tallies().forEach(client::put);
    long failedVisits = run.tallied("visits.failed");
    long visits = failedVisits + run.tallied("visits.ok");
    double failedPercent = visits == 0 ? 0 : 100.0 * failedVisits / visits;
    expect(failures, visits > 0, "no visit ended");
    expect(failures, failedPercent < config.maxFailedPercent(), String.format(Locale.ROOT,
        "%.2f%% of the visits were stopped by an error (%d of %d; perf.maxFailedPercent %.2f)", failedPercent,
        failedVisits, visits, config.maxFailedPercent()));
    out.put("passed", failures.isEmpty());
    failures.forEach(out.putArray("failures")::add);
    boolean written = write(out);
    System.out.println("Business outcomes of " + simulation + " (" + run.id() + "): "
        + (failures.isEmpty() ? "hold" : "DO NOT HOLD " + failures) + "\n" + figures);
    return failures.isEmpty() && written;
  }

  private void verify(Map<String, Long> f, List<String> failures) {
    expect(failures, f.get("sagas_unfinished") == 0, "sagas not ended after settling: " + f.get("sagas_unfinished"));
    expect(failures, f.get("orders_paid").equals(f.get("payments_captured")),
        "orders paid " + f.get("orders_paid") + " != payments captured " + f.get("payments_captured"));
    expect(failures, f.get("units_sold").equals(f.get("units_ordered")),
        "units sold (ledger) " + f.get("units_sold") + " != units in paid orders " + f.get("units_ordered"));
    expect(failures, f.get("paid_without_matching_capture") == 0,
        "paid orders without a capture of their total: " + f.get("paid_without_matching_capture"));
    expect(failures, f.get("reservations_held") == 0, "reservations still held by ended checkouts: " + f.get("reservations_held"));
    expect(failures, f.get("negative_stock_rows") == 0, "stock rows below zero: " + f.get("negative_stock_rows"));
    expect(failures, f.get("ledger_mismatches") == 0, "stock rows out of step with their ledger: " + f.get("ledger_mismatches"));
    expect(failures, f.get("confirmed_not_paid") == 0, "orders answered 201 but not paid: " + f.get("confirmed_not_paid"));
    if (sells) {
      expect(failures, f.get("orders_paid") > 0, "the run sold nothing");
    }
  }

  private void flash(ObjectNode out, List<String> failures) throws Exception {
    String sku = config.flashSku();
    Map<String, Long> f = queries.flash(sku);
    long offered = config.flashUnits();
    long available = FlashSale.available(node, sku);
    out.put("sku", sku).put("unitsOffered", offered).put("availableAfter", available);
    f.forEach((k, v) -> out.put(camel(k), v));
    out.put("soldOut", available == 0);
    long sold = f.get("units_sold");
    expect(failures, sold <= offered, "flash sale oversold: " + sold + " units of " + offered);
    expect(failures, sold == f.get("units_ordered") && sold == f.get("orders"),
        "flash units sold " + sold + " != paid flash orders " + f.get("orders") + " (units " + f.get("units_ordered") + ")");
    expect(failures, available == offered - sold, "flash units lost: " + available + " available after selling " + sold
        + " of " + offered);
    expect(failures, sold > 0, "the flash sale sold nothing");
  }

  private static void expect(List<String> failures, boolean holds, String failure) {
    if (!holds) {
      failures.add(failure);
    }
  }

  private boolean write(ObjectNode out) {
    try {
      Path dir = config.outDir();
      Files.createDirectories(dir);
      Path file = dir.resolve("outcomes-" + simulation + ".json");
      Files.writeString(file, NodeClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
      System.out.println("Outcomes written to " + file.toAbsolutePath().normalize());
      return true;
    } catch (IOException e) {
      System.out.println("Cannot write the outcomes: " + e);
      return false;
    }
  }

  private static String camel(String snake) {
    Matcher m = Pattern.compile("_([a-z])").matcher(snake);
    return m.replaceAll(r -> r.group(1).toUpperCase());
  }

  public void close() {
    try {
      if (queries != null) {
        queries.close();
      }
    } catch (Exception ignored) {
      // the run is over; a connection that does not close cleanly changes nothing
    }
  }
}
