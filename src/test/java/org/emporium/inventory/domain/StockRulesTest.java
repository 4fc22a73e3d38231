package org.emporium.inventory.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StockRulesTest {

  private final StockRules rules = new StockRules(100, 3, 3600);

  private static ReservationRequest request(long ttl, ReservationLine... lines) {
    return new ReservationRequest(UUID.randomUUID(), "checkout-1", "eu-1", List.of(lines), ttl);
  }

  @Test
  void aGoodRequestHasNoViolations() {
    assertThat(rules.check(request(900, new ReservationLine("A-1", 1), new ReservationLine("B-2", 100)))).isEmpty();
  }

  @Test
  void everyBrokenRuleIsNamed() {
    assertThat(rules.check(request(0, new ReservationLine("A-1", 0), new ReservationLine("A-1", 101),
        new ReservationLine("-bad", 1), new ReservationLine("C", 1))))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("/ttlSeconds", "/lines", "/lines/0/quantity", "/lines/1/sku", "/lines/1/quantity",
            "/lines/2/sku");
    assertThat(rules.check(request(3601))).extracting(Violation::field).containsExactlyInAnyOrder("/ttlSeconds", "/lines");
  }

  @Test
  void aSkuAlwaysMapsToTheSameShardWithinRange() {
    assertThat(ShardOf.sku("SKU-1", 4)).isEqualTo(ShardOf.sku("SKU-1", 4)).isBetween(0, 3);
    assertThat(ShardOf.sku("", 1)).isZero();
    long used = java.util.stream.IntStream.range(0, 1000).map(i -> ShardOf.sku("SKU-" + i, 4)).distinct().count();
    assertThat(used).isEqualTo(4);
  }

  @Test
  void theMainWarehouseOfARegionIsTheSameEverywhere() {
    assertThat(Warehouse.main("eu-1").id()).isEqualTo(Warehouse.main("eu-1").id())
        .isNotEqualTo(Warehouse.main("us-1").id());
  }
}
