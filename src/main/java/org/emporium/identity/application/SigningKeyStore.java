package org.emporium.identity.application;

import io.vertx.core.Future;
import org.emporium.identity.domain.SigningKey;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The signing keys every node shares. */
public interface SigningKeyStore {

  /** Active keys, and retired ones retired after {@code retiredAfter}. */
  Future<List<SigningKey>> load(Instant retiredAfter);

  /**
   * Unless an active key created after {@code freshAfter} exists, adds the key {@code newKey} makes
   * and retires every other active key. Nodes racing here wait for each other, so one key is made
   * and added between them. True if this call added it.
   */
  Future<Boolean> rotate(Instant freshAfter, Supplier<Future<SigningKey>> newKey);

  /** Deletes keys retired before {@code cutoff}. */
  Future<Integer> deleteRetiredBefore(Instant cutoff);
}
