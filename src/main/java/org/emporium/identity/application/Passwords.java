package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import org.emporium.identity.domain.PasswordHasher;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashing off the event loop, on a worker pool as wide as the machine has cores: each
 * hash is pure CPU and memory, so more threads would only queue inside the OS instead.
 */
public final class Passwords {

  private final PasswordHasher hasher;
  private final WorkerExecutor workers;
  private final String dummy;

  private Passwords(PasswordHasher hasher, WorkerExecutor workers, String dummy) {
    this.hasher = hasher;
    this.workers = workers;
    this.dummy = dummy;
  }

  /** Ready once a dummy hash of the current cost exists, spent on sign-ins of unknown emails. */
  public static Future<Passwords> start(PasswordHasher hasher, WorkerExecutor workers, SecureRandom random) {
    byte[] noise = new byte[24];
    random.nextBytes(noise);
    String unguessable = Base64.getEncoder().encodeToString(noise);
    return workers.executeBlocking(() -> hasher.hash(unguessable), false)
        .map(dummy -> new Passwords(hasher, workers, dummy));
  }

  public Future<String> hash(String password) {
    return workers.executeBlocking(() -> hasher.hash(password), false);
  }

  public Future<Boolean> verify(String password, String phc) {
    return workers.executeBlocking(() -> hasher.verify(password, phc), false);
  }

  /** Spends one verification, as for a real account, and answers false. */
  public Future<Boolean> verifyNobody(String password) {
    return workers.executeBlocking(() -> {
      hasher.verify(password, dummy);
      return false;
    }, false);
  }

  public boolean needsRehash(String phc) {
    return hasher.needsRehash(phc);
  }
}
