package org.emporium.pricing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rate a line gets, and what an administrator's table may hold. */
class TaxTableTest {

  private static final String BOOKS = "0b6c5b7e-0000-7000-8000-000000000001";
  private static final String MEDIA = "0b6c5b7e-0000-7000-8000-000000000002";

  @Test
  void theMostSpecificRateWinsCategoryBeforeRegionDeeperCategoryFirst() {
    TaxTable table = new TaxTable("US", false, List.of(
        new TaxRate("", "", new BigDecimal("0.05")),
        new TaxRate("CA", "", new BigDecimal("0.0725")),
        new TaxRate("", MEDIA, new BigDecimal("0.03")),
        new TaxRate("", BOOKS, new BigDecimal("0.01")),
        new TaxRate("CA", BOOKS, BigDecimal.ZERO)));
    assertThat(table.rateFor(null, List.of())).isEqualByComparingTo("0.05");
    assertThat(table.rateFor("ca", List.of())).isEqualByComparingTo("0.0725");
    assertThat(table.rateFor("NY", List.of(MEDIA))).isEqualByComparingTo("0.03");
    assertThat(table.rateFor("CA", List.of(MEDIA))).as("a category anywhere beats the region").isEqualByComparingTo("0.03");
    assertThat(table.rateFor(null, List.of(MEDIA, BOOKS))).isEqualByComparingTo("0.01");
    assertThat(table.rateFor("CA", List.of(MEDIA, BOOKS))).isEqualByComparingTo("0");
    assertThat(new TaxTable("HK", false, List.of()).rateFor(null, List.of(BOOKS))).isEqualByComparingTo("0");
  }

  @Test
  void anAdministratorsTableIsCheckedFieldByField() {
    TaxTableInput input = new TaxTableInput("de", null, Arrays.asList(
        new TaxTableInput.RateLine(null, null, "0.19"),
        new TaxTableInput.RateLine(null, null, "0.07"),
        new TaxTableInput.RateLine("", "books", "1"),
        null));
    assertThat(input.violations()).extracting(Violation::field).containsExactly("/country", "/inclusive", "/rates/1",
        "/rates/2/region", "/rates/2/categoryId", "/rates/2/rate", "/rates/3");
    TaxTableInput good = new TaxTableInput("DE", true, List.of(new TaxTableInput.RateLine(" by ", BOOKS.toUpperCase(),
        "0.070")));
    assertThat(good.violations()).isEmpty();
    assertThat(good.toTable().rates()).containsExactly(new TaxRate("BY", BOOKS, new BigDecimal("0.070")));
  }
}
