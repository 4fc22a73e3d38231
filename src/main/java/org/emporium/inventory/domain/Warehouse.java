package org.emporium.inventory.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A place stock is kept, in one region; lower {@code priority} wins ties when allocating. */
public record Warehouse(UUID id, String code, String region, int priority) {

  /** Every region's default warehouse, {@code main}; its id is derived from the region, the same on every node. */
  public static Warehouse main(String region) {
    UUID id = UUID.nameUUIDFromBytes(("emporium:warehouse:" + region + ":main").getBytes(StandardCharsets.UTF_8));
    return new Warehouse(id, "main", region, 0);
  }
}
