package org.emporium.inventory.domain;

/** Why a line could not be reserved: {@code insufficient} stock or an {@code unknown} SKU in the region. */
public record Shortage(String sku, int requested, String reason) {

  public static final String INSUFFICIENT = "insufficient";
  public static final String UNKNOWN = "unknown";
}
