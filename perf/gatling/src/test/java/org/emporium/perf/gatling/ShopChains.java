package org.emporium.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import java.util.Map;

/**
 * A shopper: a search and a product page, then as a guest, a new customer (registers and signs
 * in) or a returning one (signs in with the password, or refreshes a remembered session), fills a
 * cart, looks at it and checks out with the simulated card; some abandon the cart instead.
 */
public final class ShopChains {

  private final Run run;
  private final Plans plans;
  private final AccountPool pool;
  private final BrowseChains browse;
  private final CheckoutChain checkout;

  public ShopChains(Run run, Plans plans, AccountPool pool, BrowseChains browse, CheckoutChain checkout) {
    this.run = run;
    this.plans = plans;
    this.pool = pool;
    this.browse = browse;
    this.checkout = checkout;
  }

  public ChainBuilder visit() {
    return feed(plans.shop())
        .exec(session -> session.removeAll("hits", "accessToken", "refreshToken", "orderId", "ckOutcome")
            .set("hasAccount", false))
        .exec(exitBlockOnFail().on(
            exec(http("search").get("/api/v1/search?#{search}").check(jsonPath("$.items[*].slug").findAll()
                .optional().saveAs("hits")))
                .exec(browse.think())
                .doIf(session -> !BrowseChains.listed(session, "hits").isEmpty()).then(
                    exec(http("product by slug").get(session -> "/api/v1/products/by-slug/"
                        + BrowseChains.chosen(session, "hits") + "?currency=" + session.getString("currency")))
                        .exec(browse.think()))
                .exec(this::identify)
                .doIf(session -> "new".equals(session.getString("kind"))).then(register())
                .doIfOrElse(session -> "returning".equals(session.getString("kind"))
                    && !session.getBoolean("passwordSignIn") && session.getString("refreshToken") != null)
                .then(refresh())
                .orElse(doIf(session -> !"guest".equals(session.getString("kind"))).then(signIn()))))
        .doIfOrElse(session -> "guest".equals(session.getString("kind")))
        .then(buy(Credentials.GUEST))
        .orElse(buy(Credentials.CUSTOMER))
        .exec(this::giveBackAccount);
  }

  /** A returning shopper takes an account from the pool (or becomes a new customer); a guest gets an email. */
  private Session identify(Session session) {
    String kind = session.getString("kind");
    if ("guest".equals(kind)) {
      return session.set("email", run.newEmail("guest"));
    }
    AccountPool.Account account = "returning".equals(kind) ? pool.take() : null;
    if (account == null) {
      return session.set("kind", "new").set("email", run.newEmail("customer")).remove("refreshToken");
    }
    return session.set("email", account.email()).set("refreshToken", account.refreshToken()).set("hasAccount", true);
  }

  private Session giveBackAccount(Session session) {
    if (session.getBoolean("hasAccount")) {
      // without a fresh session the token may be spent: the next visit signs in with the password
      String refreshToken = session.contains("accessToken") ? session.getString("refreshToken") : null;
      pool.giveBack(new AccountPool.Account(session.getString("email"), refreshToken));
    }
    return session;
  }

  private ChainBuilder register() {
    return exec(http("register").post("/api/v1/auth/register")
        .body(StringBody(session -> NodeClient.write(Map.of("email", session.getString("email"),
            "password", AccountPool.PASSWORD, "name", "Load Test")))).asJson()
        .check(status().is(201)))
        .exec(session -> session.set("hasAccount", !session.isFailed()))
        .exec(browse.think());
  }

  private ChainBuilder signIn() {
    return exec(http("sign in").post("/api/v1/auth/login")
        .body(StringBody(session -> NodeClient.write(Map.of("email", session.getString("email"),
            "password", AccountPool.PASSWORD)))).asJson()
        .check(jsonPath("$.access_token").saveAs("accessToken"), jsonPath("$.refresh_token").saveAs("refreshToken")));
  }

  private ChainBuilder refresh() {
    return exec(http("refresh session").post("/api/v1/auth/refresh")
        .body(StringBody(session -> NodeClient.write(Map.of("refresh_token", session.getString("refreshToken")))))
        .asJson()
        .check(jsonPath("$.access_token").saveAs("accessToken"), jsonPath("$.refresh_token").saveAs("refreshToken")));
  }

  /** Cart, lines, a look at the cart, then the checkout (unless abandoned) and the order page. */
  private ChainBuilder buy(Credentials credentials) {
    ChainBuilder fill = exec(exitBlockOnFail().on(
        exec(credentials.open(http("open cart").post("/api/v1/carts")
            .body(StringBody("{\"currency\": \"#{currency}\"}")).asJson())
            .check(status().in(200, 201), jsonPath("$.cartId").saveAs("cartId"),
                jsonPath("$.cart.itemCount").ofInt().saveAs("itemCount"))
            .check(credentials == Credentials.GUEST ? jsonPath("$.cartToken").saveAs("cartToken")
                : jsonPath("$.cartId").exists()))
            .doIf(session -> session.getInt("itemCount") > 0).then(
                exec(credentials.sign(http("clear cart").delete("/api/v1/carts/#{cartId}/items"))))
            .exec(foreach("#{lines}", "line").on(
                exec(credentials.sign(http("add to cart").post("/api/v1/carts/#{cartId}/items")
                    .body(StringBody(session -> NodeClient.write(session.getMap("line")))).asJson()))
                    .exec(browse.think())))
            .exec(credentials.sign(http("view cart").get("/api/v1/carts/#{cartId}"))
                .check(jsonPath("$.lines[*].sku").count().isEL("#{lines.size()}")))
            .exec(browse.think())));
    return exec(session -> session.set("signedIn", credentials == Credentials.GUEST || session.contains("accessToken")))
        .doIf(session -> session.getBoolean("signedIn") && !session.isFailed()).then(fill)
        .doIf(session -> !session.isFailed() && !session.getBoolean("abandon") && session.contains("cartId"))
        .then(checkout.checkout("checkout", credentials, false))
        .doIf(session -> credentials == Credentials.CUSTOMER && "paid".equals(session.getString("ckOutcome")))
        .then(exec(credentials.sign(http("order").get("/api/v1/orders/#{orderId}"))
            .check(jsonPath("$.status").is("paid"))));
  }
}
