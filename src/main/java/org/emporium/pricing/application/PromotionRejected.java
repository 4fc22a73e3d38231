package org.emporium.pricing.application;

import org.emporium.pricing.domain.PromotionRejection;

/** Carries a {@link PromotionRejection} through a failed future (rolling back a transaction); no stack trace. */
public final class PromotionRejected extends RuntimeException {

  private final PromotionRejection rejection;

  public PromotionRejected(PromotionRejection rejection) {
    super(rejection.toString(), null, false, false);
    this.rejection = rejection;
  }

  public PromotionRejection rejection() {
    return rejection;
  }
}
