package org.emporium.search.infra;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.util.Objects;

/**
 * A product's price in the requested currency: its explicit (lowest) price there, else its base
 * price times the rate, else none. As a values source it sorts products without a price last.
 */
final class PriceValues extends DoubleValuesSource {

  static final long NONE = -1;

  private final String currency;
  private final String baseCurrency;
  private final double rate;
  private final boolean descending;

  /** {@code rate} is minor units of {@code currency} per minor unit of the base, or NaN when unknown. */
  PriceValues(String currency, String baseCurrency, double rate, boolean descending) {
    this.currency = currency;
    this.baseCurrency = baseCurrency;
    this.rate = currency.equals(baseCurrency) ? 1.0 : rate;
    this.descending = descending;
  }

  boolean converts() {
    return !currency.equals(baseCurrency) && !Double.isNaN(rate);
  }

  double rate() {
    return rate;
  }

  String basePriceField() {
    return ProductFields.priceField(baseCurrency);
  }

  /** Reads prices of one segment, document by document in increasing order. */
  final class Reader {
    private final SortedNumericDocValues explicit;
    private final SortedNumericDocValues base;

    Reader(LeafReaderContext leaf) throws IOException {
      explicit = DocValues.getSortedNumeric(leaf.reader(), ProductFields.priceField(currency));
      base = converts() ? DocValues.getSortedNumeric(leaf.reader(), ProductFields.priceField(baseCurrency))
          : DocValues.emptySortedNumeric();
    }

    long price(int doc) throws IOException {
      if (explicit.advanceExact(doc)) {
        return explicit.nextValue();
      }
      if (base.advanceExact(doc)) {
        return Math.round(base.nextValue() * rate);
      }
      return NONE;
    }
  }

  Reader reader(LeafReaderContext leaf) throws IOException {
    return new Reader(leaf);
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    Reader reader = reader(ctx);
    double missing = descending ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        long price = reader.price(doc);
        value = price == NONE ? missing : price;
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PriceValues other && currency.equals(other.currency)
        && baseCurrency.equals(other.baseCurrency) && Double.compare(rate, other.rate) == 0
        && descending == other.descending;
  }

  @Override
  public int hashCode() {
    return Objects.hash(currency, baseCurrency, rate, descending);
  }

  @Override
  public String toString() {
    return "price(" + currency + ")";
  }
}
