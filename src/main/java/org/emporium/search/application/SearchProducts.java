package org.emporium.search.application;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problem.FieldError;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.search.domain.PriceConversion;
import org.emporium.search.domain.SearchQuery;

import java.util.ArrayList;
import java.util.List;

/** Searching and suggesting over this node's replica; Lucene runs on worker threads. */
public final class SearchProducts {

  private static final int DEFAULT_SUGGESTIONS = 10;
  private static final int MAX_SUGGESTIONS = 20;

  private final Vertx vertx;
  private final ProductIndex index;
  private final Categories categories;
  private final PriceConversion rates;
  private final SearchSettings settings;
  private final SearchRequests requests;

  public SearchProducts(Vertx vertx, ProductIndex index, Categories categories, PriceConversion rates,
      SearchSettings settings) {
    this.vertx = vertx;
    this.index = index;
    this.categories = categories;
    this.rates = rates;
    this.settings = settings;
    this.requests = new SearchRequests(settings.defaultCurrency());
  }

  /** {@code search.query}: one page of hits with the facets of the whole result. */
  public Future<JsonObject> search(ForwardedRequest request) {
    SearchQuery query = requests.read(request);
    double rate = rates.rate(settings.baseCurrency(), query.currency()).orElse(Double.NaN);
    return categories.term(query.category())
        .compose(term -> vertx.executeBlocking(() -> index.search(query, term, rate), false))
        .map(page -> {
          JsonObject body = new JsonObject().put("items", new JsonArray(page.items())).put("facets", page.facets())
              .put("total", page.total()).put("currency", query.currency().getCurrencyCode())
              .put("nextCursor", page.next() == null ? null : Cursors.encode(page.next()));
          return ForwardedReply.ok(body);
        });
  }

  /** {@code search.suggest}: titles starting with what was typed, for search-as-you-type. */
  public Future<JsonObject> suggest(ForwardedRequest request) {
    List<FieldError> errors = new ArrayList<>();
    String typed = SearchRequests.text(request, "q");
    if (typed == null) {
      errors.add(new FieldError("/q", "is required"));
    }
    int limit = request.query("limit") == null ? DEFAULT_SUGGESTIONS : SearchRequests.limit(request, errors);
    if (!errors.isEmpty()) {
      throw Problem.invalid("The suggestion parameters are not valid.", errors).toException();
    }
    return vertx.executeBlocking(() -> index.suggest(typed, Math.min(limit, MAX_SUGGESTIONS)), false)
        .map(items -> ForwardedReply.ok(new JsonObject().put("items", new JsonArray(items))));
  }
}
