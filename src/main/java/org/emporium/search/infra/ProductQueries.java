package org.emporium.search.infra;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.emporium.search.domain.SearchQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a search into a Lucene query: every word must match title (boost 3), brand (2) or
 * description (1), a word the index does not know within an edit distance growing with its length;
 * a whole SKU or the exact title scores far above; filters do not score.
 */
final class ProductQueries {

  private static final float TITLE = 3f;
  private static final float BRAND = 2f;
  private static final float DESCRIPTION = 1f;
  private static final float FUZZY = 0.4f;
  private static final float EXACT_TITLE = 20f;
  private static final float EXACT_SKU = 50f;

  private final Analyzer analyzer;

  ProductQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Query search(SearchQuery q, String categoryTerm, PriceValues prices, IndexReader reader) throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(q.hasText() ? text(q.text(), reader) : new MatchAllDocsQuery(), Occur.MUST);
    visibleProducts(query);
    if (categoryTerm != null) {
      query.add(new TermQuery(new Term(ProductFields.CATEGORY, categoryTerm)), Occur.FILTER);
    }
    if (q.brand() != null) {
      query.add(new TermQuery(new Term(ProductFields.BRAND_KEY, ProductFields.key(q.brand()))), Occur.FILTER);
    }
    if (q.inStockOnly()) {
      query.add(NumericDocValuesField.newSlowExactQuery(ProductFields.IN_STOCK, 1), Occur.FILTER);
    }
    if (q.filtersPrice()) {
      query.add(price(q, prices), Occur.FILTER);
    }
    return query.build();
  }

  /** Titles of visible products whose words start with the typed ones (the last word a prefix). */
  Query suggest(String typed) {
    List<String> words = words(typed);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (int i = 0; i < words.size() - 1; i++) {
      query.add(new TermQuery(new Term(ProductFields.TITLE, words.get(i))), Occur.MUST);
    }
    query.add(new PrefixQuery(new Term(ProductFields.TITLE, words.get(words.size() - 1))), Occur.MUST);
    query.add(new BoostQuery(new PrefixQuery(new Term(ProductFields.TITLE_KEYWORD, ProductFields.key(typed))), 5f),
        Occur.SHOULD);
    visibleProducts(query);
    return query.build();
  }

  boolean hasWords(String text) {
    return !words(text).isEmpty();
  }

  private static void visibleProducts(BooleanQuery.Builder query) {
    query.add(new TermQuery(new Term(ProductFields.TYPE, ProductFields.PRODUCT)), Occur.FILTER);
    query.add(new TermQuery(new Term(ProductFields.STATUS, "published")), Occur.FILTER);
  }

  /**
   * A word the index knows is matched exactly; only an unknown word (a typo, most likely) is
   * expanded to its near spellings in titles and brands, which keeps fuzzy matching, by far the
   * costliest part, off most queries.
   */
  private Query text(String text, IndexReader reader) throws IOException {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String word : words(text)) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      any.add(new BoostQuery(new TermQuery(new Term(ProductFields.TITLE, word)), TITLE), Occur.SHOULD);
      any.add(new BoostQuery(new TermQuery(new Term(ProductFields.BRAND, word)), BRAND), Occur.SHOULD);
      any.add(new BoostQuery(new TermQuery(new Term(ProductFields.DESCRIPTION, word)), DESCRIPTION), Occur.SHOULD);
      if (!known(reader, word)) {
        fuzzy(any, ProductFields.TITLE, word, TITLE);
        fuzzy(any, ProductFields.BRAND, word, BRAND);
      }
      all.add(any.build(), Occur.MUST);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    query.add(all.build(), Occur.SHOULD);
    String whole = ProductFields.key(text);
    query.add(new BoostQuery(new TermQuery(new Term(ProductFields.TITLE_KEYWORD, whole)), EXACT_TITLE), Occur.SHOULD);
    query.add(new BoostQuery(new TermQuery(new Term(ProductFields.SKU, whole)), EXACT_SKU), Occur.SHOULD);
    return query.build();
  }

  private static boolean known(IndexReader reader, String word) throws IOException {
    return reader.docFreq(new Term(ProductFields.TITLE, word)) > 0 || reader.docFreq(new Term(ProductFields.BRAND, word)) > 0
        || reader.docFreq(new Term(ProductFields.DESCRIPTION, word)) > 0;
  }

  /** One edit for words up to 7 letters (a swap of two letters counts as one), two beyond; the first letter must be right. */
  private static void fuzzy(BooleanQuery.Builder any, String field, String word, float boost) {
    int edits = word.length() <= 2 ? 0 : word.length() <= 7 ? 1 : 2;
    if (edits > 0) {
      any.add(new BoostQuery(new FuzzyQuery(new Term(field, word), edits, 1, 50, true), boost * FUZZY), Occur.SHOULD);
    }
  }

  /**
   * The price range in the requested currency: an explicit price in it, or (without one, when a
   * rate is known) a base price whose conversion rounds into the range.
   */
  private static Query price(SearchQuery q, PriceValues prices) {
    long min = q.minPrice() == null ? 0 : q.minPrice();
    long max = q.maxPrice() == null ? Long.MAX_VALUE : q.maxPrice();
    String currency = q.currency().getCurrencyCode();
    Query explicit = LongField.newRangeQuery(ProductFields.priceField(currency), min, max);
    if (!prices.converts()) {
      return explicit;
    }
    long baseMin = (long) Math.ceil((min - 0.5) / prices.rate());
    long baseMax = max == Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.floor((max + 0.5) / prices.rate());
    Query withoutExplicit = new BooleanQuery.Builder()
        .add(LongField.newRangeQuery(prices.basePriceField(), Math.max(0, baseMin), baseMax), Occur.FILTER)
        .add(new TermQuery(new Term(ProductFields.CURRENCIES, currency)), Occur.MUST_NOT)
        .build();
    return new BooleanQuery.Builder()
        .add(explicit, Occur.SHOULD)
        .add(withoutExplicit, Occur.SHOULD)
        .setMinimumNumberShouldMatch(1)
        .build();
  }

  private List<String> words(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(ProductFields.TITLE, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
