package org.emporium.search.application;

import io.vertx.core.json.JsonObject;
import org.emporium.search.domain.SearchQuery;

import java.io.IOException;
import java.util.List;

/** The node's replica as the use cases query it. Blocking: call it off the event loop. */
public interface ProductIndex {

  /**
   * @param categoryTerm a category id (its whole subtree matches) or {@code slug:<slug>} (that category only), or null
   * @param rate minor units of the query's currency per minor unit of the base currency; NaN when unknown
   */
  SearchPage search(SearchQuery query, String categoryTerm, double rate) throws IOException;

  /** Up to {@code limit} distinct titles of visible products starting with what was typed. */
  List<JsonObject> suggest(String typed, int limit) throws IOException;
}
