package org.emporium.inventory.domain;

import java.nio.charset.StandardCharsets;

/**
 * Which shard serves a SKU: a stable hash (FNV-1a over the UTF-8 bytes), the same on every node
 * and every run, unlike {@code String.hashCode} spread by {@code HashMap}.
 */
public final class ShardOf {

  private ShardOf() {
  }

  public static int sku(String sku, int shards) {
    int hash = 0x811c9dc5;
    for (byte b : sku.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return Math.floorMod(hash, shards);
  }
}
