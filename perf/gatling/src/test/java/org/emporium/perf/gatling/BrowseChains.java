package org.emporium.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.List;

/**
 * A visitor who browses: the category tree, a category's pages (cursor paging), a product page by
 * id with its stock, a search with facets and filters (and its next page), a product by slug from
 * the hits, and search-as-you-type suggestions. Think time between pages.
 */
public final class BrowseChains {

  private final PerfConfig config;
  private final Plans plans;

  public BrowseChains(PerfConfig config, Plans plans) {
    this.config = config;
    this.plans = plans;
  }

  public ChainBuilder visit() {
    return feed(plans.browse()).exec(exitBlockOnFail().on(
        exec(session -> session.removeAll("cursor", "listed", "hits", "searchCursor"))
            .doIf("#{landing}").then(exec(http("categories").get("/api/v1/categories")
                .check(jsonPath("$.items[0].slug").exists())).exec(think()))
            .exec(http("category page").get("/api/v1/products?category=#{category}&limit=20&currency=#{currency}")
                .check(jsonPath("$.items[*].id").findAll().optional().saveAs("listed"),
                    jsonPath("$.nextCursor").optional().saveAs("cursor")))
            .exec(think())
            .exec(repeat("#{categoryPages}").on(exec(nextCategoryPage())))
            .doIf(session -> !listed(session, "listed").isEmpty()).then(productPage())
            .exec(http("search").get("/api/v1/search?#{search}")
                .check(jsonPath("$.facets.categories").exists(), jsonPath("$.total").exists(),
                    jsonPath("$.items[*].slug").findAll().optional().saveAs("hits"),
                    jsonPath("$.nextCursor").optional().saveAs("searchCursor")))
            .exec(think())
            .doIf(session -> session.getBoolean("searchNext") && usable(session.getString("searchCursor"))).then(
                exec(http("search (next page)").get(session -> "/api/v1/search?" + session.getString("search")
                    + "&cursor=" + CatalogData.encode(session.getString("searchCursor"))))
                    .exec(think()))
            .doIf(session -> !listed(session, "hits").isEmpty()).then(
                exec(http("product by slug").get(session -> "/api/v1/products/by-slug/" + chosen(session, "hits")
                    + "?currency=" + session.getString("currency")).check(jsonPath("$.id").exists()))
                    .exec(think()))
            .exec(repeat(3, "typedMore").on(
                exec(http("suggestions").get(session -> "/api/v1/search/suggestions?limit=8&q="
                    + prefix(session.getString("typed"), 2 + session.getInt("typedMore"))))
                    .exec(pause(Duration.ofMillis(100), Duration.ofMillis(300)))))));
  }

  private ChainBuilder nextCategoryPage() {
    return exec(session -> session.set("pageCursor", session.getString("cursor")).remove("cursor"))
        .doIf(session -> usable(session.getString("pageCursor"))).then(
            exec(http("category page (next)").get(session -> "/api/v1/products?category=" + session.getString("category")
                + "&limit=20&currency=" + session.getString("currency") + "&cursor="
                + CatalogData.encode(session.getString("pageCursor")))
                .check(jsonPath("$.nextCursor").optional().saveAs("cursor")))
                .exec(think()));
  }

  /** The product page a visitor opens from the listing: the product and the stock of its first variant. */
  private ChainBuilder productPage() {
    return exec(http("product by id").get(session -> "/api/v1/products/" + chosen(session, "listed")
        + "?currency=" + session.getString("currency"))
        .check(jsonPath("$.variants[0].sku").saveAs("viewedSku")))
        .exec(http("stock").get("/api/v1/inventory/#{viewedSku}").check(status().in(200, 404)))
        .exec(think());
  }

  ChainBuilder think() {
    return pause(config.thinkMin(), config.thinkMax());
  }

  static List<String> listed(Session session, String key) {
    return session.contains(key) ? session.getList(key) : List.of();
  }

  /** One of the listed values, chosen by the plan's seeded number. */
  static String chosen(Session session, String key) {
    List<String> values = listed(session, key);
    return values.get(session.getInt("pick") % values.size());
  }

  static boolean usable(String cursor) {
    return cursor != null && !cursor.isBlank() && !"null".equals(cursor);
  }

  private static String prefix(String word, int length) {
    return CatalogData.encode(word.substring(0, Math.min(word.length(), length)));
  }
}
