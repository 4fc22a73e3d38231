package org.emporium.search;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.search.v1.SearchHit;
import org.emporium.edge.grpc.search.v1.SearchRequest;
import org.emporium.edge.grpc.search.v1.SearchResponse;
import org.emporium.edge.grpc.search.v1.SearchServiceGrpcClient;
import org.emporium.edge.grpc.search.v1.SuggestRequest;
import org.emporium.edge.grpc.search.v1.Suggestion;
import org.emporium.search.domain.PriceConversion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emporium.search.SearchFixture.await;
import static org.emporium.search.SearchFixture.eventually;

/** {@code emporium.search.v1.SearchService} on the node's public port, anonymously, answering as REST does. */
class SearchGrpcTest {

  @TempDir
  static Path dir;
  static SearchFixture fixture;
  static Vertx clientVertx;
  static SearchServiceGrpcClient search;

  @BeforeAll
  static void start() {
    fixture = new SearchFixture(dir);
    fixture.deployEmptyReplica(fixture.vertx, fixture.standIns, dir.resolve("replica"), PriceConversion.NONE);
    for (int i = 0; i < 5; i++) {
      fixture.catalogEvent("published", Products.product(String.format("01950000-0000-7000-8000-%012d", i),
          "Trail Shoe " + i, "Stride", Products.APPAREL, "SHOE-" + i, Map.of("USD", 5_000L + i * 1_000, "EUR", 4_500L),
          "2026-11-0" + (i + 1) + "T10:00:00Z", 1));
    }
    eventually(() -> fixture.search("q=shoe").getLong("total"), n -> n == 5, Duration.ofSeconds(20));
    clientVertx = Vertx.vertx();
    GrpcClient client = GrpcClient.client(clientVertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    search = SearchServiceGrpcClient.create(client, SocketAddress.inetSocketAddress(fixture.node.httpPort(), "127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    await(clientVertx.close());
    fixture.close();
  }

  @Test
  void searchPagesWithFacetsAndCursors() {
    SearchRequest first = SearchRequest.newBuilder().setQ("trial shoe").setSort("price_desc").setLimit(3).build();
    SearchResponse page = await(search.search(first));

    assertThat(page.getTotal()).isEqualTo(5);
    assertThat(page.getItemsList()).extracting(SearchHit::getName).containsExactly("Trail Shoe 4", "Trail Shoe 3", "Trail Shoe 2");
    assertThat(page.getItems(0).getPrice().getAmount()).isEqualTo(9_000);
    assertThat(page.getFacets().getBrands(0).getCount()).isEqualTo(5);
    assertThat(page.getFacets().getBrands(0).getLabel()).isEqualTo("Stride");
    List<String> rest = new ArrayList<>();
    SearchResponse next = await(search.search(first.toBuilder().setCursor(page.getNextCursor()).build()));
    next.getItemsList().forEach(hit -> rest.add(hit.getName()));
    assertThat(rest).containsExactly("Trail Shoe 1", "Trail Shoe 0");
    assertThat(next.hasNextCursor()).isFalse();
  }

  @Test
  void suggestCompletesTitles() {
    List<Suggestion> items = await(search.suggest(SuggestRequest.newBuilder().setQ("trail sh").setLimit(2).build()))
        .getItemsList();

    assertThat(items).hasSize(2);
    assertThat(items.get(0).getText()).startsWith("Trail Shoe");
  }

  @Test
  void badParametersAreInvalidArgument() {
    SearchRequest bad = SearchRequest.newBuilder().setMinPrice(500).setMaxPrice(100).build();

    assertThatThrownBy(() -> await(search.search(bad)))
        .isInstanceOfSatisfying(InvalidStatusException.class, e -> {
          assertThat(e.actualStatus()).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
        });
  }

  @Test
  void aHugeLimitIsServedAsTheLargestPage() {
    SearchResponse page = await(search.search(SearchRequest.newBuilder().setQ("trial shoe").setLimit(1_000_000).build()));

    assertThat(page.getTotal()).isEqualTo(5);
    assertThat(page.getItemsList()).hasSize(5);
  }
}
