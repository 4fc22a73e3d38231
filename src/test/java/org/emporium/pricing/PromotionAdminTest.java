package org.emporium.pricing;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.customer.CustomerFixture.admin;
import static org.emporium.customer.CustomerFixture.assertField;
import static org.emporium.customer.CustomerFixture.customer;
import static org.emporium.customer.CustomerFixture.envelope;
import static org.emporium.pricing.PromotionFixture.array;

/** Administrators define promotions over the REST addresses: validation, codes, versions, deactivation and events. */
class PromotionAdminTest {

  @TempDir
  static Path dir;
  static PromotionFixture fixture;

  @BeforeAll
  static void start() {
    fixture = PromotionFixture.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  static JsonObject asAdmin(String operation, JsonObject body) {
    JsonObject envelope = envelope(operation, admin(UUID.randomUUID(), "admin@example.com"));
    return body == null ? envelope : envelope.put("body", body);
  }

  static JsonObject withId(JsonObject envelope, String id) {
    return envelope.put("path", new JsonObject().put("id", id));
  }

  static JsonObject winterSale(String code) {
    return new JsonObject().put("name", "Winter sale").put("kind", "percent_off").put("percent", "12.5")
        .put("conditions", new JsonObject().put("categoryIds", array("outerwear")).put("minSubtotal",
            new JsonObject().put("EUR", 5000).put("USD", 5500)))
        .put("validity", new JsonObject().put("from", "2026-01-01T00:00:00").put("until", "2099-01-01T00:00:00")
            .put("timeZone", "Europe/Paris"))
        .put("limits", new JsonObject().put("total", 500).put("perCustomer", 1))
        .put("codes", array(code.toLowerCase(), code + "-B"));
  }

  @Test
  void anAdministratorCreatesReadsReplacesAndDeactivatesAPromotion() throws Exception {
    String code = "WINTER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    JsonObject created = fixture.call("pricing.createPromotion", asAdmin("createPromotion", winterSale(code)));

    assertThat(created.getInteger("status")).isEqualTo(201);
    JsonObject promotion = created.getJsonObject("body");
    String id = promotion.getString("id");
    assertThat(created.getJsonObject("headers").getString("Location")).isEqualTo("/api/v1/admin/promotions/" + id);
    assertThat(promotion.getJsonArray("codes")).containsExactly(code, code + "-B");
    assertThat(promotion.getString("percent")).isEqualTo("12.5");
    assertThat(promotion.getJsonObject("validity").getString("until")).isEqualTo("2099-01-01T00:00:00");
    assertThat(promotion.getInteger("version")).isEqualTo(1);
    assertThat(promotion.getInteger("used")).isZero();
    assertThat(promotion.getBoolean("active")).isTrue();

    JsonObject read = fixture.call("pricing.getPromotion", withId(asAdmin("getPromotion", null), id)).getJsonObject("body");
    assertThat(read).isEqualTo(promotion);

    JsonObject changed = winterSale(code).put("kind", "fixed_amount").putNull("percent")
        .put("amountOff", new JsonObject().put("EUR", 500).put("USD", 600)).put("codes", array(code + "-C"));
    JsonObject replaced = fixture.call("pricing.replacePromotion", withId(asAdmin("replacePromotion", changed), id))
        .getJsonObject("body");
    assertThat(replaced.getString("kind")).isEqualTo("fixed_amount");
    assertThat(replaced.getInteger("version")).isEqualTo(2);
    assertThat(replaced.getJsonArray("codes")).containsExactly(code + "-C");
    assertThat(fixture.count("SELECT count(*) FROM pricing.coupon_code WHERE promotion_id = $1", UUID.fromString(id)))
        .isEqualTo(1);

    JsonObject deactivated = fixture.call("pricing.deactivatePromotion", withId(asAdmin("deactivatePromotion", null), id));
    assertThat(deactivated.getInteger("status")).isEqualTo(204);
    assertThat(fixture.call("pricing.deactivatePromotion", withId(asAdmin("deactivatePromotion", null), id))
        .getInteger("status")).as("deactivating again changes nothing").isEqualTo(204);
    Problem refused = fixture.problem("pricing.validateCoupon", new JsonObject().put("code", code + "-c")
        .put("currency", "EUR"));
    assertThat(refused.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
    assertThat(refused.detail()).isEqualTo(code + "-C is no longer valid.");

    assertThat(fixture.events(id)).extracting(e -> e.getString("type") + " " + e.getJsonObject("data").getString("change"))
        .containsExactly("emporium.pricing.promotion.changed.v1 created", "emporium.pricing.promotion.changed.v1 updated",
            "emporium.pricing.promotion.changed.v1 deactivated");
    assertThat(fixture.events(id).get(2).getJsonObject("data").getJsonObject("promotion").getBoolean("active")).isFalse();
  }

  @Test
  void promotionsArePagedOldestFirst() throws Exception {
    for (int i = 0; i < 3; i++) {
      fixture.call("pricing.createPromotion", asAdmin("createPromotion", winterSale("PAGE" + i + UUID.randomUUID()
          .toString().substring(0, 6))));
    }
    JsonObject first = fixture.call("pricing.listPromotions", asAdmin("listPromotions", null)
        .put("query", new JsonObject().put("limit", 2))).getJsonObject("body");
    assertThat(first.getJsonArray("items")).hasSize(2);
    JsonObject second = fixture.call("pricing.listPromotions", asAdmin("listPromotions", null)
        .put("query", new JsonObject().put("limit", 200).put("cursor", first.getString("nextCursor")))).getJsonObject("body");
    assertThat(second.getString("nextCursor")).isNull();
    assertThat(second.getJsonArray("items")).isNotEmpty();
    assertThat(second.getJsonArray("items").getJsonObject(0).getString("id"))
        .isGreaterThan(first.getJsonArray("items").getJsonObject(1).getString("id"));
  }

  @Test
  void malformedDefinitionsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
    long before = fixture.count("SELECT count(*) FROM pricing.promotion");
    JsonObject bad = new JsonObject().put("name", "").put("kind", "percent_off").put("percent", "120")
        .put("amountOff", new JsonObject().put("EUR", 100))
        .put("conditions", new JsonObject().put("minSubtotal", new JsonObject().put("XAU", 10).put("EUR", -1)))
        .put("validity", new JsonObject().put("from", "2027-01-02T00:00:00").put("until", "2027-01-01T00:00:00")
            .put("timeZone", "Mars/Olympus"))
        .put("limits", new JsonObject().put("total", 0).put("perCustomer", 1.5))
        .put("codes", array("OK1", "ok1", "not a code!")).put("colour", "red");

    Problem problem = fixture.problem("pricing.createPromotion", asAdmin("createPromotion", bad));

    assertThat(problem.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    for (String field : List.of("/name", "/percent", "/amountOff", "/conditions/minSubtotal/XAU",
        "/conditions/minSubtotal/EUR", "/validity/timeZone", "/validity/until", "/limits/total", "/limits/perCustomer",
        "/codes/1", "/codes/2", "/colour")) {
      assertField(problem, field);
    }
    assertThat(problem.errors()).extracting(Problem.FieldError::field).doesNotContain("/codes/0");
    Problem noKind = fixture.problem("pricing.createPromotion", asAdmin("createPromotion", new JsonObject()
        .put("name", "x").put("kind", "bogo").put("codes", array("X1"))));
    assertField(noKind, "/kind");
    Problem fixedWithoutAmount = fixture.problem("pricing.createPromotion", asAdmin("createPromotion", new JsonObject()
        .put("name", "x").put("kind", "fixed_amount").put("codes", array("X1"))
        .put("validity", new JsonObject().put("until", "2027-01-01T00:00:00"))));
    assertField(fixedWithoutAmount, "/amountOff");
    assertField(fixedWithoutAmount, "/validity/timeZone");
    assertThat(fixture.count("SELECT count(*) FROM pricing.promotion")).isEqualTo(before);
  }

  @Test
  void aCodeOfAnotherPromotionIsAConflictAndOnlyAdministratorsManage() throws Exception {
    String code = "TAKEN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    fixture.call("pricing.createPromotion", asAdmin("createPromotion", winterSale(code)));
    long before = fixture.count("SELECT count(*) FROM pricing.promotion");

    Problem clash = fixture.problem("pricing.createPromotion", asAdmin("createPromotion",
        winterSale("OTHER" + UUID.randomUUID().toString().substring(0, 6)).put("codes", array("fresh1", code.toLowerCase()))));
    assertThat(clash.code()).isEqualTo(ErrorCode.CONFLICT);
    assertField(clash, "/codes/1");

    JsonObject asCustomer = envelope("createPromotion", customer(UUID.randomUUID(), "c@example.com", "C"))
        .put("body", winterSale("MINE" + UUID.randomUUID().toString().substring(0, 6)));
    assertThat(fixture.problem("pricing.createPromotion", asCustomer).code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(fixture.problem("pricing.listPromotions", envelope("listPromotions", null)).code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(fixture.count("SELECT count(*) FROM pricing.promotion")).isEqualTo(before);
    assertThat(fixture.problem("pricing.getPromotion", withId(asAdmin("getPromotion", null), UUID.randomUUID().toString()))
        .code()).isEqualTo(ErrorCode.NOT_FOUND);
  }
}
