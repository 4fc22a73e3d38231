package org.emporium.pricing.domain;

import java.math.BigDecimal;

/**
 * One rate of a country's tax table: for a region of the country ({@code ""} for all of it) and a
 * catalog category with its subcategories ({@code ""} for every category), as a fraction (0.19).
 */
public record TaxRate(String region, String categoryId, BigDecimal rate) {

  public static final String ANY = "";
}
