package org.emporium.search.infra;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
import org.emporium.search.domain.PriceBuckets;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/** Counts every matching product by category, brand and price range; also the total. */
final class FacetCounts extends SimpleCollector {

  private static final int TOP = 20;

  private final PriceValues prices;
  private final PriceBuckets buckets;
  private final long[] bucketCounts;
  private final Map<String, Long> categories = new HashMap<>();
  private final Map<String, Long> brands = new HashMap<>();
  private long total;
  private SortedDocValues category;
  private SortedDocValues brand;
  private PriceValues.Reader price;
  private int[] categoryOrds;
  private int[] brandOrds;

  FacetCounts(PriceValues prices, PriceBuckets buckets) {
    this.prices = prices;
    this.buckets = buckets;
    this.bucketCounts = new long[buckets.size()];
  }

  @Override
  protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
    flush();
    category = DocValues.getSorted(leaf.reader(), ProductFields.CATEGORY_FACET);
    brand = DocValues.getSorted(leaf.reader(), ProductFields.BRAND_FACET);
    categoryOrds = new int[category.getValueCount()];
    brandOrds = new int[brand.getValueCount()];
    price = prices.reader(leaf);
  }

  @Override
  public void collect(int doc) throws IOException {
    total++;
    if (category.advanceExact(doc)) {
      categoryOrds[category.ordValue()]++;
    }
    if (brand.advanceExact(doc)) {
      brandOrds[brand.ordValue()]++;
    }
    long amount = price.price(doc);
    if (amount != PriceValues.NONE) {
      bucketCounts[buckets.bucketOf(amount)]++;
    }
  }

  /** Per-segment ordinals become values once a segment is done. */
  private void flush() throws IOException {
    if (category != null) {
      add(categories, category, categoryOrds);
      add(brands, brand, brandOrds);
    }
  }

  private static void add(Map<String, Long> counts, SortedDocValues values, int[] ords) throws IOException {
    for (int ord = 0; ord < ords.length; ord++) {
      if (ords[ord] > 0) {
        BytesRef term = values.lookupOrd(ord);
        counts.merge(term.utf8ToString(), (long) ords[ord], Long::sum);
      }
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  long total() {
    return total;
  }

  /** One collector per index slice, summed at the end. */
  static CollectorManager<FacetCounts, FacetCounts> manager(PriceValues prices, PriceBuckets buckets) {
    return new CollectorManager<>() {
      @Override
      public FacetCounts newCollector() {
        return new FacetCounts(prices, buckets);
      }

      @Override
      public FacetCounts reduce(Collection<FacetCounts> slices) throws IOException {
        FacetCounts sum = new FacetCounts(prices, buckets);
        for (FacetCounts slice : slices) {
          slice.flush();
          slice.category = null;
          sum.total += slice.total;
          slice.categories.forEach((k, v) -> sum.categories.merge(k, v, Long::sum));
          slice.brands.forEach((k, v) -> sum.brands.merge(k, v, Long::sum));
          for (int i = 0; i < sum.bucketCounts.length; i++) {
            sum.bucketCounts[i] += slice.bucketCounts[i];
          }
        }
        return sum;
      }
    };
  }

  JsonObject toJson() throws IOException {
    flush();
    category = null;
    JsonArray ranges = new JsonArray();
    for (int i : buckets.nonEmpty(bucketCounts)) {
      JsonObject range = new JsonObject().put("min", buckets.min(i)).put("count", bucketCounts[i]);
      if (buckets.max(i) != null) {
        range.put("max", buckets.max(i));
      }
      ranges.add(range);
    }
    return new JsonObject().put("categories", values(categories)).put("brands", values(brands))
        .put("priceRanges", ranges);
  }

  private static JsonArray values(Map<String, Long> counts) {
    JsonArray values = new JsonArray();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .forEach(e -> {
          int split = e.getKey().indexOf(ProductFields.LABEL);
          values.add(new JsonObject().put("value", e.getKey().substring(0, split))
              .put("label", e.getKey().substring(split + 1)).put("count", e.getValue()));
        });
    return values;
  }
}
