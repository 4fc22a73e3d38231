package org.emporium.identity.application;

import io.vertx.core.Future;
import org.emporium.identity.domain.SigningKey;

import java.time.Instant;
import java.util.List;

/** The signing keys every node shares. */
public interface SigningKeyStore {

  /** Active keys, and retired ones retired after {@code retiredAfter}. */
  Future<List<SigningKey>> load(Instant retiredAfter);

  /**
   * Adds {@code fresh} and retires every other active key, unless an active key created after
   * {@code freshAfter} exists by then; nodes racing here add one key between them. True if added.
   */
  Future<Boolean> rotate(SigningKey fresh, Instant freshAfter);

  /** Deletes keys retired before {@code cutoff}. */
  Future<Integer> deleteRetiredBefore(Instant cutoff);
}
