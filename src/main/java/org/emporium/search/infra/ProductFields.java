package org.emporium.search.infra;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.emporium.search.domain.IndexedProduct;

import java.util.Locale;

/** The index's fields and how a product and a SKU's stock become Lucene documents. */
final class ProductFields {

  static final String TYPE = "type";
  static final String PRODUCT = "product";
  static final String STOCK = "stock";
  static final String ID = "id";
  static final String VERSION = "version";
  static final String STATUS = "status";
  static final String TITLE = "title";
  static final String TITLE_KEYWORD = "title_keyword";
  static final String BRAND = "brand";
  static final String BRAND_KEY = "brand_key";
  static final String BRAND_FACET = "brand_facet";
  static final String DESCRIPTION = "description";
  static final String SKU = "sku";
  static final String CATEGORY = "category";
  static final String CATEGORY_FACET = "category_facet";
  static final String CURRENCIES = "currencies";
  static final String PRICE_PREFIX = "price_";
  static final String LISTED = "listed";
  static final String IN_STOCK = "in_stock";
  static final String HIT = "hit";
  static final String STOCK_SKU = "stock_sku";
  static final String IN_STOCK_SKU = "sku_in_stock";
  /** Separates a facet value from its label inside one doc value. */
  static final char LABEL = '\u001f';

  private ProductFields() {
  }

  static Term idTerm(String productId) {
    return new Term(ID, productId);
  }

  static Term stockTerm(String sku) {
    return new Term(STOCK_SKU, sku);
  }

  static String priceField(String currency) {
    return PRICE_PREFIX + currency;
  }

  static String key(String text) {
    return text.toLowerCase(Locale.ROOT).trim();
  }

  static Document product(IndexedProduct p, boolean inStock) {
    Document doc = new Document();
    doc.add(new StringField(TYPE, PRODUCT, Field.Store.NO));
    doc.add(new StringField(ID, p.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(p.id())));
    doc.add(new StoredField(VERSION, p.version()));
    doc.add(new StringField(STATUS, p.status(), Field.Store.NO));
    doc.add(new TextField(TITLE, p.title(), Field.Store.NO));
    doc.add(new StringField(TITLE_KEYWORD, key(p.title()), Field.Store.NO));
    if (p.description() != null) {
      doc.add(new TextField(DESCRIPTION, p.description(), Field.Store.NO));
    }
    if (p.brand() != null) {
      doc.add(new TextField(BRAND, p.brand().name(), Field.Store.NO));
      for (String k : new String[] {p.brand().id(), p.brand().slug(), p.brand().name()}) {
        if (k != null) {
          doc.add(new StringField(BRAND_KEY, key(k), Field.Store.NO));
        }
      }
      doc.add(new SortedDocValuesField(BRAND_FACET, new BytesRef(p.brand().slug() + LABEL + p.brand().name())));
    }
    for (String sku : p.skus()) {
      doc.add(new StringField(SKU, key(sku), Field.Store.YES));
    }
    for (String categoryId : p.categoryPath()) {
      doc.add(new StringField(CATEGORY, categoryId, Field.Store.NO));
    }
    if (p.category() != null) {
      doc.add(new StringField(CATEGORY, "slug:" + p.category().slug(), Field.Store.NO));
      doc.add(new SortedDocValuesField(CATEGORY_FACET, new BytesRef(p.category().id() + LABEL + p.category().name())));
    }
    p.prices().forEach((currency, amount) -> {
      doc.add(new StringField(CURRENCIES, currency, Field.Store.NO));
      doc.add(new LongField(priceField(currency), amount, Field.Store.NO));
    });
    doc.add(new LongField(LISTED, p.listedAtMillis(), Field.Store.NO));
    doc.add(new NumericDocValuesField(IN_STOCK, inStock ? 1 : 0));
    doc.add(new BinaryDocValuesField(HIT, new BytesRef(hit(p).encode())));
    return doc;
  }

  /** A SKU's side of zero, stored so a reopened replica knows it without the stock topic. */
  static Document stock(String sku, boolean inStock) {
    Document doc = new Document();
    doc.add(new StringField(TYPE, STOCK, Field.Store.NO));
    doc.add(new StringField(STOCK_SKU, sku, Field.Store.YES));
    doc.add(new StoredField(IN_STOCK_SKU, inStock ? 1 : 0));
    return doc;
  }

  /** What a hit shows, as one doc value: read per hit without decompressing stored-field blocks. */
  private static JsonObject hit(IndexedProduct p) {
    JsonObject prices = new JsonObject();
    p.prices().forEach(prices::put);
    JsonObject hit = new JsonObject().put("productId", p.id()).put("name", p.title()).put("slug", p.slug())
        .put("categoryIds", new JsonArray(p.categoryPath())).put("prices", prices);
    if (p.brand() != null) {
      hit.put("brand", p.brand().name());
    }
    if (p.imageUrl() != null) {
      hit.put("imageUrl", p.imageUrl());
    }
    return hit;
  }
}
