package org.emporium.identity.domain;

/** Argon2id cost: memory in KiB, passes over it, lanes. */
public record HashCost(int memoryKib, int iterations, int parallelism) {

  public HashCost {
    if (parallelism < 1 || parallelism > 255) {
      throw new IllegalArgumentException("Argon2 parallelism must be 1-255, not " + parallelism);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("Argon2 iterations must be at least 1, not " + iterations);
    }
    if (memoryKib < 8 * parallelism) {
      throw new IllegalArgumentException("Argon2 memory must be at least 8 KiB per lane, not " + memoryKib);
    }
  }
}
