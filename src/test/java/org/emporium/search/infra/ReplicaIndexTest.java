package org.emporium.search.infra;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.emporium.search.application.SearchPage;
import org.emporium.search.domain.IndexedProduct;
import org.emporium.search.domain.SearchQuery;
import org.emporium.search.domain.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica on disk: what survives a reopen, stock that arrives before its product, stock that
 * writes only when it crosses zero, a schema change.
 */
class ReplicaIndexTest {

  @TempDir
  Path dir;

  static IndexedProduct product(String id, long version, String title, String sku) {
    return new IndexedProduct(id, version, "published", id, title, null, null, null, List.of(), List.of(sku),
        Map.of("USD", 100L), null, 0);
  }

  static List<String> inStock(ReplicaIndex index) throws Exception {
    SearchPage page = new ProductSearch(index, "USD").search(new SearchQuery(null, null, null, null, null,
        Currency.getInstance("USD"), true, SortOrder.RELEVANCE, 10, null), null, Double.NaN);
    return page.items().stream().map(i -> i.getString("productId")).toList();
  }

  @Test
  void stockThatArrivesBeforeItsProductCountsWhenTheProductComes() throws Exception {
    try (ReplicaIndex index = ReplicaIndex.open(dir)) {
      index.stock("SKU-A", 2);
      index.apply(product("a", 1, "Anvil", "sku-a"));
      index.apply(product("b", 1, "Bucket", "SKU-B"));
      index.refresh();

      assertThat(inStock(index)).containsExactly("a");
    }
  }

  @Test
  void stockWritesOnlyWhenASkuCrossesZero() throws Exception {
    try (ReplicaIndex index = ReplicaIndex.open(dir); FSDirectory files = FSDirectory.open(dir)) {
      index.apply(product("a", 1, "Anvil", "SKU-A"));
      index.stock("SKU-A", 5);
      index.refresh();
      index.commit();
      long generation = SegmentInfos.getLastCommitGeneration(files);

      index.stock("SKU-A", 4);
      index.stock("SKU-A", 1);
      index.refresh();
      index.commit();
      assertThat(SegmentInfos.getLastCommitGeneration(files)).isEqualTo(generation);
      assertThat(inStock(index)).containsExactly("a");

      index.stock("SKU-A", 0);
      index.refresh();
      index.commit();
      assertThat(SegmentInfos.getLastCommitGeneration(files)).isGreaterThan(generation);
      assertThat(inStock(index)).isEmpty();

      index.stock("SKU-A", 3);
      index.refresh();
      assertThat(inStock(index)).containsExactly("a");
    }
  }

  @Test
  void aReopenedReplicaKeepsVersionsStockAndPositions() throws Exception {
    try (ReplicaIndex index = ReplicaIndex.open(dir)) {
      index.apply(product("a", 3, "Anvil", "SKU-A"));
      index.stock("SKU-A", 0);
      index.position("catalog.product.v1:0", 42);
      index.markComplete();
      index.commit();
    }
    try (ReplicaIndex index = ReplicaIndex.open(dir)) {
      assertThat(index.complete()).isTrue();
      assertThat(index.positions()).containsEntry("catalog.product.v1:0", 42L);
      assertThat(index.products()).isEqualTo(1);
      assertThat(index.apply(product("a", 2, "Old Anvil", "SKU-A"))).isFalse();
      index.stock("SKU-A", 1);
      index.refresh();
      assertThat(inStock(index)).containsExactly("a");
    }
  }

  @Test
  void aReplicaOfAnotherSchemaIsEmptiedAndMustBeRebuilt() throws Exception {
    try (ReplicaIndex index = ReplicaIndex.open(dir)) {
      index.apply(product("a", 1, "Anvil", "SKU-A"));
      index.markComplete();
      index.commit();
    }
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      writer.setLiveCommitData(Map.of("schema", "search-0/older", "complete", "true").entrySet());
      writer.commit();
    }
    try (ReplicaIndex index = ReplicaIndex.open(dir)) {
      assertThat(index.complete()).isFalse();
      assertThat(index.products()).isZero();
      assertThat(index.positions()).isEmpty();
    }
  }
}
