package org.emporium.pricing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate imports (raw CSV and ECB XML through the edge) and tax tables, as administrators use them over REST. */
class PricingAdminTest {

  private static final String IMPORT = "/api/v1/admin/fx-rates/import";
  static PricingNodes nodes;

  @BeforeAll
  static void start() {
    nodes = PricingNodes.get();
  }

  private static long events() {
    return nodes.count("SELECT count(*) FROM pricing.outbox");
  }

  private static long rates() {
    return nodes.count("SELECT count(*) FROM pricing.fx_rate");
  }

  private static JsonObject rate(JsonArray items, String pair) {
    return items.stream().map(JsonObject.class::cast)
        .filter(item -> (item.getString("base") + "/" + item.getString("quote")).equals(pair)).findFirst().orElseThrow();
  }

  @Test
  void aCsvFileIsImportedWithItsSourceAndOneEvent() {
    long before = events();
    JsonObject reply = nodes.expect(true, 200, HttpMethod.POST, IMPORT, nodes.adminToken(), "text/csv; charset=utf-8",
        Buffer.buffer("base,quote,rate,asOf\nUSD,CAD,1.3712,2026-11-20T16:00:00Z\nUSD,AUD,1.5301,\n"));

    assertThat(reply.getInteger("imported")).isEqualTo(2);
    JsonArray listed = nodes.expect(true, 200, HttpMethod.GET, "/api/v1/fx-rates", null, null, null)
        .getJsonArray("items");
    assertThat(rate(listed, "USD/CAD").getString("rate")).isEqualTo("1.3712");
    assertThat(rate(listed, "USD/CAD").getString("source")).isEqualTo("csv");
    assertThat(rate(listed, "USD/CAD").getString("asOf")).isEqualTo("2026-11-20T16:00:00Z");
    assertThat(events()).isEqualTo(before + 1);
  }

  @Test
  void anEcbFileIsImportedAgainstTheEuro() {
    String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    String older = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
          <gesmes:subject>Reference rates</gesmes:subject>
          <Cube>
            <Cube time='%s'>
              <Cube currency='NZD' rate='1.8712'/>
              <Cube currency='SGD' rate='1.4521'/>
            </Cube>
            <Cube time='%s'>
              <Cube currency='NZD' rate='1.8655'/>
            </Cube>
          </Cube>
        </gesmes:Envelope>
        """.formatted(day, older);
    JsonObject reply = nodes.expect(true, 200, HttpMethod.POST, IMPORT, nodes.adminToken(), "application/xml",
        Buffer.buffer(xml));

    assertThat(reply.getInteger("imported")).isEqualTo(2);
    JsonObject nzd = rate(reply.getJsonArray("items"), "EUR/NZD");
    assertThat(nzd.getString("rate")).isEqualTo("1.8712");
    assertThat(nzd.getString("source")).isEqualTo("ecb");
    assertThat(nzd.getString("asOf")).startsWith(day + "T1");
    assertThat(nodes.rows("SELECT source FROM pricing.fx_rate WHERE base = 'EUR' AND quote = 'SGD'"))
        .singleElement().satisfies(row -> assertThat(row.getString("source")).isEqualTo("ecb"));
  }

  @Test
  void aFileWithOneBadLineImportsNothingAndNamesEveryBadLine() {
    long ratesBefore = rates();
    long eventsBefore = events();
    JsonObject problem = nodes.expect(true, 400, HttpMethod.POST, IMPORT, nodes.adminToken(), "text/csv",
        Buffer.buffer("base,quote,rate\nUSD,HKD,7.78\nUSD,XXX,1\nUSD,TWD,0\nUSD,HKD,7.79\n"));

    assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .containsExactly("line 3/quote", "line 4/rate", "line 5");
    assertThat(rates()).isEqualTo(ratesBefore);
    assertThat(events()).isEqualTo(eventsBefore);
    assertThat(nodes.rows("SELECT 1 FROM pricing.fx_rate WHERE quote = 'HKD'")).isEmpty();

    JsonObject doctype = nodes.expect(true, 400, HttpMethod.POST, IMPORT, nodes.adminToken(), "application/xml",
        Buffer.buffer("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
            + "<r><Cube time='2026-11-20'><Cube currency='HKD' rate='&x;'/></Cube></r>"));
    assertThat(doctype.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("line 2");
    assertThat(rates()).isEqualTo(ratesBefore);
  }

  @Test
  void onlyAdministratorsImportAndOnlyFilesOfTheDeclaredTypes() {
    Buffer csv = Buffer.buffer("base,quote,rate\nUSD,MXN,17.1\n");
    nodes.expect(true, 401, HttpMethod.POST, IMPORT, null, "text/csv", csv);
    nodes.expect(true, 403, HttpMethod.POST, IMPORT, nodes.customerToken(), "text/csv", csv);
    nodes.expect(true, 415, HttpMethod.POST, IMPORT, nodes.adminToken(), "text/plain", csv);
    nodes.expect(true, 415, HttpMethod.POST, IMPORT, nodes.adminToken(), null,
        new JsonObject().put("format", "csv").put("content", csv.toString()).toBuffer());
    nodes.expect(true, 400, HttpMethod.POST, IMPORT, nodes.adminToken(), "text/csv", Buffer.buffer("x".repeat(1_000_001)));
    assertThat(nodes.rows("SELECT 1 FROM pricing.fx_rate WHERE quote = 'MXN'")).isEmpty();
  }

  @Test
  void anAdministratorReplacesACountrysTaxTableAndListsThem() {
    String category = UUID.randomUUID().toString();
    JsonObject stored = nodes.expect(true, 200, HttpMethod.PUT, "/api/v1/admin/tax-rates/US", nodes.adminToken(), null,
        new JsonObject().put("inclusive", false).put("rates", new JsonArray()
            .add(new JsonObject().put("region", "ca").put("rate", "0.0725"))
            .add(new JsonObject().put("categoryId", category).put("rate", "0"))).toBuffer());
    assertThat(stored.getJsonArray("rates")).hasSize(2);
    nodes.expect(true, 200, HttpMethod.PUT, "/api/v1/admin/tax-rates/US", nodes.adminToken(), null,
        new JsonObject().put("inclusive", false).put("rates", new JsonArray()
            .add(new JsonObject().put("region", "NY").put("rate", "0.04"))).toBuffer());

    JsonObject us = nodes.expect(true, 200, HttpMethod.GET, "/api/v1/admin/tax-rates", nodes.adminToken(), null, null)
        .getJsonArray("items").stream().map(JsonObject.class::cast).filter(t -> t.getString("country").equals("US"))
        .findFirst().orElseThrow();
    assertThat(us.getJsonArray("rates")).containsExactly(new JsonObject().put("region", "NY").putNull("categoryId")
        .put("rate", "0.04"));

    JsonObject invalid = nodes.expect(true, 400, HttpMethod.PUT, "/api/v1/admin/tax-rates/US", nodes.adminToken(), null,
        new JsonObject().put("inclusive", false).put("rates", new JsonArray()
            .add(new JsonObject().put("rate", "0.1")).add(new JsonObject().put("rate", "0.2"))).toBuffer());
    assertThat(invalid.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/rates/1");
    nodes.expect(true, 400, HttpMethod.PUT, "/api/v1/admin/tax-rates/US", nodes.adminToken(), null,
        new JsonObject().put("inclusive", false).put("rates", new JsonArray()
            .add(new JsonObject().put("rate", "1.5"))).toBuffer());
    nodes.expect(true, 403, HttpMethod.PUT, "/api/v1/admin/tax-rates/US", nodes.customerToken(), null,
        new JsonObject().put("inclusive", false).put("rates", new JsonArray()).toBuffer());
    assertThat(nodes.rows("SELECT region, rate FROM pricing.tax_rate WHERE country = 'US'"))
        .singleElement().satisfies(row -> assertThat(row.getString("region")).isEqualTo("NY"));

    nodes.expect(true, 200, HttpMethod.PUT, "/api/v1/admin/tax-rates/US", nodes.adminToken(), null,
        new JsonObject().put("inclusive", false).put("rates", new JsonArray()).toBuffer());
    assertThat(nodes.rows("SELECT 1 FROM pricing.tax_rate WHERE country = 'US'")).isEmpty();
  }
}
