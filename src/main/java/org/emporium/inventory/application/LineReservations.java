package org.emporium.inventory.application;

import io.vertx.core.Future;

/** Reserves single lines through the shard that owns their SKU (coalesced with concurrent requests). */
public interface LineReservations {

  Future<LineOutcome> reserve(LineRequest request);
}
