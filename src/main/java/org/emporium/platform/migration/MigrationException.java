package org.emporium.platform.migration;

/** A migration that could not be applied; the node does not start. */
public final class MigrationException extends RuntimeException {

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
