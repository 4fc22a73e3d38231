package org.emporium.platform.events.relay;

/**
 * What one claim of a shard did: how many rows it published, whether the batch was full (more may
 * be waiting), or whether another relay held the shard.
 */
public record ShardBatch(int published, boolean full, boolean skipped) {

  static final ShardBatch SKIPPED = new ShardBatch(0, false, true);
}
