package org.emporium.search.infra;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.emporium.search.domain.IndexedProduct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's replica of the catalog: a Lucene index on disk with its near-real-time searcher, and
 * the stream positions it reflects, kept in the commit's user data so a restart resumes where the
 * last commit stopped. Every method but {@link #acquire()}/{@link #release} runs on one thread.
 */
public final class ReplicaIndex implements AutoCloseable {

  /** Bumped whenever fields or analysis change: an index of another version is rebuilt. */
  public static final String SCHEMA = "search-3/standard-analyzer";
  private static final String SCHEMA_KEY = "schema";
  private static final String COMPLETE_KEY = "complete";
  private static final String POSITION_PREFIX = "position:";

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ReplicaState state = new ReplicaState();
  private final Map<String, Long> positions = new HashMap<>();
  private boolean complete;
  private boolean dirty;
  private boolean changed;

  private ReplicaIndex(FSDirectory directory, IndexWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens (or creates) the index in {@code dir}; an index of another schema is emptied. */
  public static ReplicaIndex open(Path dir) {
    try {
      Files.createDirectories(dir);
      FSDirectory directory = FSDirectory.open(dir);
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(64);
      ReplicaIndex index = new ReplicaIndex(directory, new IndexWriter(directory, config));
      index.load();
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void load() throws IOException {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    if (!SCHEMA.equals(data.get(SCHEMA_KEY))) {
      writer.deleteAll();
      return;
    }
    complete = "true".equals(data.get(COMPLETE_KEY));
    data.forEach((key, value) -> {
      if (key.startsWith(POSITION_PREFIX)) {
        positions.put(key.substring(POSITION_PREFIX.length()), Long.parseLong(value));
      }
    });
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        loadLeaf(leaf.reader());
      }
    }
  }

  private void loadLeaf(LeafReader leaf) throws IOException {
    Bits live = leaf.getLiveDocs();
    StoredFields fields = leaf.storedFields();
    for (int doc = 0; doc < leaf.maxDoc(); doc++) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      Document d = fields.document(doc);
      String sku = d.get(ProductFields.STOCK_SKU);
      if (sku != null) {
        state.stock(sku, d.getField(ProductFields.IN_STOCK_SKU).numericValue().longValue());
      } else {
        state.product(d.get(ProductFields.ID), d.getField(ProductFields.VERSION).numericValue().longValue(),
            Arrays.asList(d.getValues(ProductFields.SKU)));
      }
    }
  }

  /** Whether the last commit holds a finished rebuild (else the replica must be rebuilt). */
  public boolean complete() {
    return complete;
  }

  /** Stream positions of the last commit and what was applied since, by {@code topic:partition}. */
  public Map<String, Long> positions() {
    return positions;
  }

  public void position(String topicPartition, long next) {
    positions.put(topicPartition, next);
    dirty = true;
  }

  public int products() {
    return state.products();
  }

  /** Indexes a snapshot newer than the one held; returns whether it was. */
  public boolean apply(IndexedProduct product) {
    return state.isNewer(product.id(), product.version()) && write(product);
  }

  /**
   * Indexes a snapshot at least as new as the one held: a product reloaded because its brand or
   * category changed keeps its version but not its names.
   */
  public boolean reindex(IndexedProduct product) {
    return !state.isOlder(product.id(), product.version()) && write(product);
  }

  private boolean write(IndexedProduct product) {
    List<String> skus = product.skus().stream().map(ProductFields::key).toList();
    state.product(product.id(), product.version(), skus);
    try {
      writer.updateDocument(ProductFields.idTerm(product.id()), ProductFields.product(product, state.inStock(product.id())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dirty = true;
    changed = true;
    return true;
  }

  /**
   * Records a SKU's available units. Search only asks whether a product has a variant in stock, so
   * the index is written only when the SKU is new or crosses zero (then its product's in-stock flag
   * is updated in place if it flips): the steady stream of stock changes under load costs no writes,
   * refreshes or merges.
   */
  public void stock(String sku, long available) {
    String key = ProductFields.key(sku);
    String productId = state.productOf(key);
    boolean productWasInStock = productId != null && state.inStock(productId);
    if (!state.stock(key, available)) {
      return;
    }
    try {
      writer.updateDocument(ProductFields.stockTerm(key), ProductFields.stock(key, available > 0));
      if (productId != null && state.inStock(productId) != productWasInStock) {
        writer.updateNumericDocValue(ProductFields.idTerm(productId), ProductFields.IN_STOCK,
            state.inStock(productId) ? 1 : 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dirty = true;
    changed = true;
  }

  /** Empties the replica before a rebuild; the commit says incomplete until {@link #markComplete()}. */
  public void clear() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    state.clear();
    positions.clear();
    complete = false;
    dirty = true;
    changed = true;
  }

  public void markComplete() {
    complete = true;
    dirty = true;
  }

  /** Makes what was applied visible to new searches; a no-op when no document changed. */
  public void refresh() {
    if (!changed) {
      return;
    }
    changed = false;
    try {
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes what was applied durable, with the positions it reflects; a no-op when nothing changed. */
  public void commit() {
    if (!dirty) {
      return;
    }
    Map<String, String> data = new HashMap<>();
    data.put(SCHEMA_KEY, SCHEMA);
    data.put(COMPLETE_KEY, String.valueOf(complete));
    positions.forEach((tp, next) -> data.put(POSITION_PREFIX + tp, String.valueOf(next)));
    try {
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dirty = false;
  }

  public IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  public void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  @Override
  public void close() {
    try {
      commit();
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
