package org.emporium.search.infra;

import io.vertx.core.json.JsonObject;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.emporium.search.application.ProductIndex;
import org.emporium.search.application.SearchPage;
import org.emporium.search.domain.Cursor;
import org.emporium.search.domain.PriceBuckets;
import org.emporium.search.domain.SearchQuery;
import org.emporium.search.domain.SortOrder;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs searches and suggestions against a replica's current searcher. Blocking: call it off the event loop. */
public final class ProductSearch implements ProductIndex {

  private final ReplicaIndex index;
  private final String baseCurrency;
  private final ProductQueries queries;

  public ProductSearch(ReplicaIndex index, String baseCurrency) {
    this.index = index;
    this.baseCurrency = baseCurrency;
    Analyzer analyzer = new StandardAnalyzer();
    this.queries = new ProductQueries(analyzer);
  }

  /**
   * @param categoryTerm a category id (matching its subtree) or {@code slug:<slug>}, or null
   * @param rate minor units of the query's currency per minor unit of the base currency, NaN if unknown
   */
  @Override
  public SearchPage search(SearchQuery q, String categoryTerm, double rate) throws IOException {
    String currency = q.currency().getCurrencyCode();
    PriceValues prices = new PriceValues(currency, baseCurrency, rate, q.sort() == SortOrder.PRICE_DESC);
    IndexSearcher searcher = index.acquire();
    try {
      Query query = queries.search(q, categoryTerm, prices, searcher.getIndexReader());
      Sort sort = sort(q.sort(), prices);
      FieldDoc after = q.after() == null ? null : after(q.after(), searcher.getIndexReader().maxDoc());
      Object[] results = searcher.search(query, new MultiCollectorManager(
          new TopFieldCollectorManager(sort, q.limit(), after, q.limit()),
          FacetCounts.manager(prices, new PriceBuckets(q.currency().getDefaultFractionDigits()))));
      TopFieldDocs top = (TopFieldDocs) results[0];
      FacetCounts facets = (FacetCounts) results[1];
      List<JsonObject> items = new ArrayList<>();
      for (ScoreDoc hit : top.scoreDocs) {
        items.add(item(searcher, hit, q, prices));
      }
      Cursor next = top.scoreDocs.length < q.limit() ? null
          : cursor(q.sort(), (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1]);
      return new SearchPage(items, facets.total(), facets.toJson(), next);
    } finally {
      index.release(searcher);
    }
  }

  /** Up to {@code limit} distinct titles starting with what was typed. */
  @Override
  public List<JsonObject> suggest(String typed, int limit) throws IOException {
    if (!queries.hasWords(typed)) {
      return List.of();
    }
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs top = searcher.search(queries.suggest(typed), limit * 3);
      Set<String> titles = new LinkedHashSet<>();
      List<JsonObject> items = new ArrayList<>();
      for (ScoreDoc hit : top.scoreDocs) {
        JsonObject stored = stored(searcher, hit.doc);
        if (titles.add(stored.getString("name")) && items.size() < limit) {
          items.add(new JsonObject().put("text", stored.getString("name"))
              .put("productId", stored.getString("productId")).put("slug", stored.getString("slug")));
        }
      }
      return items;
    } finally {
      index.release(searcher);
    }
  }

  private static Sort sort(SortOrder order, PriceValues prices) {
    SortField id = new SortField(ProductFields.ID, SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
      case PRICE_ASC -> new Sort(prices.getSortField(false), id);
      case PRICE_DESC -> new Sort(prices.getSortField(true), id);
      case NEWEST -> new Sort(new SortedNumericSortField(ProductFields.LISTED, SortField.Type.LONG, true), id);
    };
  }

  /** The last hit as Lucene pages after it; its doc id is the highest so its own product counts as seen. */
  private static FieldDoc after(Cursor cursor, int maxDoc) {
    Object value = switch (cursor.sort()) {
      case RELEVANCE -> (float) cursor.value();
      case PRICE_ASC, PRICE_DESC -> cursor.value();
      case NEWEST -> (long) cursor.value();
    };
    return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, new Object[] {value, new BytesRef(cursor.productId())});
  }

  private static Cursor cursor(SortOrder order, FieldDoc last) {
    double value = ((Number) last.fields[0]).doubleValue();
    return new Cursor(order, value, ((BytesRef) last.fields[1]).utf8ToString());
  }

  private static JsonObject stored(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues hits = DocValues.getBinary(leaf.reader(), ProductFields.HIT);
    if (!hits.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("product document without its hit");
    }
    BytesRef bytes = hits.binaryValue();
    return new JsonObject(new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8));
  }

  private JsonObject item(IndexSearcher searcher, ScoreDoc hit, SearchQuery q, PriceValues prices) throws IOException {
    JsonObject stored = stored(searcher, hit.doc);
    JsonObject explicit = (JsonObject) stored.remove("prices");
    String currency = q.currency().getCurrencyCode();
    Long amount = explicit.getLong(currency);
    if (amount == null && prices.converts() && explicit.getLong(baseCurrency) != null) {
      amount = BigDecimal.valueOf(explicit.getLong(baseCurrency)).multiply(BigDecimal.valueOf(prices.rate()))
          .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
    if (amount != null) {
      stored.put("price", new JsonObject().put("amount", amount).put("currency", currency));
    }
    if (q.sort() == SortOrder.RELEVANCE && q.hasText()) {
      stored.put("score", ((FieldDoc) hit).fields[0]);
    }
    return stored;
  }
}
