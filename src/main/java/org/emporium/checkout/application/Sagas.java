package org.emporium.checkout.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/** Where sagas and idempotency keys are kept (PostgreSQL schema {@code checkout}). */
public interface Sagas {

  /** The start of a checkout: its key taken and its saga recorded together, or why not. */
  sealed interface Start {
  }

  record Begun(SagaRecord saga) implements Start {
  }

  /** The key is held (live, not expired): its fingerprint and the stored response (null while running). */
  record KeyHeld(String fingerprint, JsonObject response) implements Start {
  }

  record CartBusy() implements Start {
  }

  /** Takes the key (unless held and not expired) and inserts the saga, leased until {@code leaseUntil}. */
  Future<Start> begin(SagaRecord saga, String fingerprint, Instant now, Instant keyExpiresAt, Instant leaseUntil);

  /** Records the saga's step, state and context and renews the lease; false when the lease was lost. */
  Future<Boolean> advance(SagaRecord saga, Instant now, Instant leaseUntil);

  /**
   * Ends the saga with its response (stored for the key too) and its event, in one transaction;
   * false when the lease was lost.
   */
  Future<Boolean> finish(SagaRecord saga, JsonObject response, String event, JsonObject eventData, Instant now);

  /** Claims up to {@code limit} unfinished sagas whose lease ran out ({@code FOR UPDATE SKIP LOCKED}). */
  Future<List<SagaRecord>> claimExpired(String owner, Instant now, Instant leaseUntil, int limit);

  /** Deletes keys past their expiry and ended sagas older than {@code endedBefore}; the rows deleted. */
  Future<Integer> purge(Instant now, Instant endedBefore, int limit);
}
