package org.emporium.identity.domain;

/** Hashes and checks passwords; CPU- and memory-heavy by design, so callers run it off the event loop. */
public interface PasswordHasher {

  /** A PHC string of {@code password} under the current cost, with a fresh random salt. */
  String hash(String password);

  /** Whether {@code password} matches {@code phc}, compared in constant time; false for a malformed hash. */
  boolean verify(String password, String phc);

  /** Whether {@code phc} was made with another cost than the current one. */
  boolean needsRehash(String phc);
}
