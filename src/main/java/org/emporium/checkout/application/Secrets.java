package org.emporium.checkout.application;

import org.emporium.checkout.domain.CheckoutCommand;

/**
 * What the first steps need and nothing may store: the guest's cart token and the card. A
 * recovered saga has none, which is why it never runs those steps again.
 */
public record Secrets(String cartToken, CheckoutCommand.Card card) {

  @Override
  public String toString() {
    return "Secrets[hidden]";
  }
}
