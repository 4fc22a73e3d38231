package org.emporium.platform.money;

/** No usable exchange rate: none is known for the pair, or the one known is older than the maximum age. */
public final class FxUnavailableException extends RuntimeException {

  public FxUnavailableException(String message) {
    super(message);
  }
}
