package org.emporium.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Checkout with the simulated card, as a careful client does it: one Idempotency-Key per attempt;
 * 409 "in progress" or "being completed", 502/504 and no answer are asked again with the same key
 * (the saga goes on, the repeat gets its stored answer); 503 was undone and is tried again with a
 * new key. 201 is a paid order. A 409 for lack of stock is a sold-out answer, expected only where
 * the scenario says so; anything else fails the request.
 */
public final class CheckoutChain {

  static final String CARD = "4242424242424242";

  private final Run run;
  private final PerfConfig config;

  public CheckoutChain(Run run, PerfConfig config) {
    this.run = run;
    this.config = config;
  }

  /**
   * @param name the request's name in the report ("checkout", "flash checkout")
   * @param soldOutExpected whether a sold-out 409 is an expected answer (the flash sale) or a failure
   */
  public ChainBuilder checkout(String name, Credentials credentials, boolean soldOutExpected) {
    String tally = name.replace(' ', '.');
    return exec(session -> session.set("ckKey", UUID.randomUUID().toString()).set("ckAttempt", 0)
        .set("ckDone", false).set("ckOutcome", "none"))
        .exec(asLongAs(session -> !session.getBoolean("ckDone")).on(
            exec(session -> session.removeAll("ckStatus", "ckError", "orderId"))
                .exec(credentials.sign(http(session -> session.getInt("ckAttempt") == 0 ? name : name + " (retry)")
                    .post("/api/v1/checkout")
                    .header("Idempotency-Key", "#{ckKey}")
                    .body(StringBody(session -> NodeClient.write(body(session, credentials)))).asJson())
                    .check(status().saveAs("ckStatus"), status().in(201, 409))
                    .checkIf((response, session) -> response.status().code() == 201)
                    .then(jsonPath("$.orderId").saveAs("orderId"), jsonPath("$.status").is("paid"))
                    .checkIf((response, session) -> response.status().code() == 409)
                    .then(jsonPath("$.errors[0].message").optional().saveAs("ckError"),
                        soldOutExpected ? regex("at most \\d+ units").notExists() : regex("not enough stock").notExists(),
                        bodyString().exists()))
                .exec(session -> classify(session, tally))
                .doIf(session -> !session.getBoolean("ckDone"))
                .then(pause(session -> Duration.ofMillis(500L * session.getInt("ckAttempt"))))))
        .doIf(session -> "gaveUp".equals(session.getString("ckOutcome")))
        .then(exec(dummy(name + " (unresolved)", 1).withSuccess(false)));
  }

  private Session classify(Session session, String tally) {
    int status = session.contains("ckStatus") ? session.getInt("ckStatus") : 0;
    int attempt = session.getInt("ckAttempt") + 1;
    session = session.set("ckAttempt", attempt);
    String error = session.contains("ckError") ? session.getString("ckError") : "";
    if (status == 201) {
      run.confirmed(session.getString("orderId"));
      run.tally(tally + ".paid");
      return session.set("ckDone", true).set("ckOutcome", "paid").markAsSucceeded();
    }
    if (status == 409 && error.contains("not enough stock")) {
      run.tally(tally + ".soldOut");
      return session.set("ckDone", true).set("ckOutcome", "soldOut");
    }
    boolean sameKey = status == 409 || status == 502 || status == 504 || status == 0;
    if (!sameKey && status != 503) {
      run.tally(tally + ".failed." + status);
      return session.set("ckDone", true).set("ckOutcome", "failed");
    }
    run.tally(tally + ".retried." + status);
    if (attempt >= config.checkoutAttempts()) {
      run.tally(tally + ".gaveUp");
      return session.set("ckDone", true).set("ckOutcome", "gaveUp");
    }
    return sameKey ? session : session.set("ckKey", UUID.randomUUID().toString());
  }

  private static Map<String, Object> body(Session session, Credentials credentials) {
    Map<String, Object> body = new HashMap<>();
    body.put("cartId", session.getString("cartId"));
    if (credentials == Credentials.GUEST) {
      body.put("email", session.getString("email"));
    }
    body.put("shippingAddress", session.getMap("address"));
    body.put("payment", Map.of("method", "card", "cardNumber", CARD, "expiry", "12/30", "holder", "Load Test"));
    return body;
  }
}
