package org.emporium.checkout.domain;

import java.util.Locale;

/** Where a saga stands: running forward, compensating, or ended in exactly one outcome. */
public enum SagaState {
  RUNNING,
  COMPENSATING,
  COMPLETED,
  FAILED;

  public boolean ended() {
    return this == COMPLETED || this == FAILED;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SagaState ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
