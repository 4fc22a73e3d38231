package org.emporium.pricing;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.pricing.application.Discounting;
import org.emporium.pricing.application.EvaluatingDiscounts;
import org.emporium.pricing.domain.Discount;
import org.emporium.pricing.domain.DiscountLine;
import org.emporium.pricing.domain.DiscountRequest;
import org.emporium.pricing.domain.Discounts;
import org.emporium.pricing.infra.PgPromotions;
import org.emporium.pricing.infra.PgRedemptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.emporium.customer.CustomerFixture.admin;
import static org.emporium.customer.CustomerFixture.assertField;
import static org.emporium.customer.CustomerFixture.envelope;
import static org.emporium.pricing.PromotionFixture.array;

/**
 * Administrators define promotions over REST (validation, codes, versions, deactivation, events), and
 * quotes evaluate codes through the {@link Discounting} contract.
 */
class PromotionAdminTest {

  static final String ADMIN_PATH = "/api/v1/admin/promotions";

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
  void anAdministratorCreatesReadsReplacesAndDeactivatesAPromotionOverRest() throws Exception {
    String code = "WINTER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    JsonObject promotion = fixture.expect(201, HttpMethod.POST, ADMIN_PATH, fixture.admin(), winterSale(code));

    String id = promotion.getString("id");
    assertThat(promotion.remove("_location")).isEqualTo(ADMIN_PATH + "/" + id);
    assertThat(promotion.getJsonArray("codes")).containsExactly(code, code + "-B");
    assertThat(promotion.getString("percent")).isEqualTo("12.5");
    assertThat(promotion.getJsonObject("validity").getString("until")).isEqualTo("2099-01-01T00:00:00");
    assertThat(promotion.getInteger("version")).isEqualTo(1);
    assertThat(promotion.getInteger("used")).isZero();
    assertThat(promotion.getBoolean("active")).isTrue();
    assertThat(fixture.expect(200, HttpMethod.GET, ADMIN_PATH + "/" + id, fixture.admin(), null)).isEqualTo(promotion);
    JsonObject guest = fixture.expect(422, HttpMethod.GET, "/api/v1/coupons/" + code + "-B?currency=EUR", null, null);
    assertThat(guest.getString("detail")).isEqualTo(code + "-B needs a signed-in customer.");
    JsonObject coupon = fixture.expect(200, HttpMethod.GET, "/api/v1/coupons/" + code.toLowerCase() + "-b?currency=EUR",
        fixture.customer(), null);
    assertThat(coupon).isEqualTo(new JsonObject().put("code", code + "-B").put("promotionId", id)
        .put("kind", "percent_off").put("description", "12.5% off"));

    JsonObject changed = winterSale(code).put("kind", "fixed_amount").put("description", "Five off your coat")
        .put("amountOff", new JsonObject().put("EUR", 500).put("USD", 600)).put("codes", array(code + "-C"));
    changed.remove("percent");
    JsonObject replaced = fixture.expect(200, HttpMethod.PUT, ADMIN_PATH + "/" + id, fixture.admin(), changed);
    assertThat(replaced.getString("kind")).isEqualTo("fixed_amount");
    assertThat(replaced.containsKey("percent")).isFalse();
    assertThat(replaced.getInteger("version")).isEqualTo(2);
    assertThat(replaced.getJsonArray("codes")).containsExactly(code + "-C");
    assertThat(fixture.count("SELECT count(*) FROM pricing.coupon_code WHERE promotion_id = $1", UUID.fromString(id)))
        .isEqualTo(1);
    fixture.expect(422, HttpMethod.GET, "/api/v1/coupons/" + code + "?currency=EUR", fixture.customer(), null);

    fixture.expect(204, HttpMethod.DELETE, ADMIN_PATH + "/" + id, fixture.admin(), null);
    fixture.expect(204, HttpMethod.DELETE, ADMIN_PATH + "/" + id, fixture.admin(), null);
    JsonObject refused = fixture.expect(422, HttpMethod.GET, "/api/v1/coupons/" + code + "-C?currency=EUR",
        fixture.customer(), null);
    assertThat(refused.getString("detail")).isEqualTo(code + "-C is no longer valid.");

    assertThat(fixture.events(id)).extracting(e -> e.getString("type") + " " + e.getJsonObject("data").getString("change"))
        .containsExactly("emporium.pricing.promotion.changed.v1 created", "emporium.pricing.promotion.changed.v1 updated",
            "emporium.pricing.promotion.changed.v1 deactivated");
    assertThat(fixture.events(id).get(2).getJsonObject("data").getJsonObject("promotion").getBoolean("active")).isFalse();
  }

  @Test
  void onlyAdministratorsManageAndTheContractRefusesMalformedBodies() throws Exception {
    long before = fixture.count("SELECT count(*) FROM pricing.promotion");
    fixture.expect(403, HttpMethod.POST, ADMIN_PATH, fixture.customer(), winterSale("MINE1"));
    fixture.expect(401, HttpMethod.GET, ADMIN_PATH, null, null);
    JsonObject bad = fixture.expect(400, HttpMethod.POST, ADMIN_PATH, fixture.admin(), winterSale("BAD1")
        .put("percent", "ten"));
    assertThat(bad.getJsonArray("errors").encode()).contains("/percent");
    fixture.expect(404, HttpMethod.GET, ADMIN_PATH + "/" + UUID.randomUUID(), fixture.admin(), null);
    assertThat(fixture.count("SELECT count(*) FROM pricing.promotion")).isEqualTo(before);
  }

  @Test
  void aPromotionReadCanBeSentBackWithoutItsStoredMembers() throws Exception {
    JsonObject minimal = new JsonObject().put("name", "Round trip").put("kind", "free_shipping")
        .put("codes", array("ROUND" + UUID.randomUUID().toString().substring(0, 6)));
    JsonObject created = fixture.expect(201, HttpMethod.POST, ADMIN_PATH, fixture.admin(), minimal);
    String id = created.getString("id");
    assertThat(created.getJsonObject("validity")).isEqualTo(new JsonObject().put("timeZone", "UTC"));
    assertThat(created.getJsonObject("limits")).isEmpty();

    JsonObject input = created.copy();
    List.of("id", "used", "version", "createdAt", "updatedAt", "_location").forEach(input::remove);
    JsonObject replaced = fixture.expect(200, HttpMethod.PUT, ADMIN_PATH + "/" + id, fixture.admin(), input);
    assertThat(replaced.getInteger("version")).isEqualTo(2);
    List.of("version", "updatedAt", "_location").forEach(member -> {
      replaced.remove(member);
      created.remove(member);
    });
    assertThat(replaced).isEqualTo(created);
  }

  @Test
  void promotionsArePagedOldestFirst() throws Exception {
    for (int i = 0; i < 3; i++) {
      fixture.expect(201, HttpMethod.POST, ADMIN_PATH, fixture.admin(), winterSale("PAGE" + i
          + UUID.randomUUID().toString().substring(0, 6)));
    }
    JsonObject first = fixture.expect(200, HttpMethod.GET, ADMIN_PATH + "?limit=2", fixture.admin(), null);
    assertThat(first.getJsonArray("items")).hasSize(2);
    JsonObject second = fixture.expect(200, HttpMethod.GET, ADMIN_PATH + "?limit=100&cursor="
        + first.getString("nextCursor"), fixture.admin(), null);
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
  void aCodeOfAnotherPromotionIsAConflict() throws Exception {
    String code = "TAKEN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    fixture.call("pricing.createPromotion", asAdmin("createPromotion", winterSale(code)));
    long before = fixture.count("SELECT count(*) FROM pricing.promotion");

    Problem clash = fixture.problem("pricing.createPromotion", asAdmin("createPromotion",
        winterSale("OTHER" + UUID.randomUUID().toString().substring(0, 6)).put("codes", array("fresh1", code.toLowerCase()))));
    assertThat(clash.code()).isEqualTo(ErrorCode.CONFLICT);
    assertField(clash, "/codes/1");
    assertThat(fixture.count("SELECT count(*) FROM pricing.promotion")).isEqualTo(before);
  }

  @Test
  void quotesEvaluateCodesThroughTheDiscountingContract() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Clock clock = Clock.systemUTC();
    Discounting discounting = new EvaluatingDiscounts(fixture.pool(), new PgPromotions(),
        new PgRedemptions(new Outbox("pricing", "test-1", new TimeOrderedIds(clock), clock)), clock);
    create(new JsonObject().put("kind", "percent_off").put("percent", "10").put("codes", array("SHOES" + tag))
        .put("conditions", new JsonObject().put("categoryIds", array("shoes"))));
    create(new JsonObject().put("kind", "fixed_amount").put("amountOff", new JsonObject().put("EUR", 500))
        .put("codes", array("FIVE" + tag)).put("conditions", new JsonObject().put("minSubtotal",
            new JsonObject().put("EUR", 5_000))));
    create(new JsonObject().put("kind", "free_shipping").put("codes", array("SHIP" + tag))
        .put("conditions", new JsonObject().put("skus", array("SOCK-1"))));
    List<DiscountLine> lines = List.of(new DiscountLine("BOOT-42", List.of("root", "shoes", "boots"), 1, 8_000),
        new DiscountLine("SOCK-1", List.of("root", "socks"), 3, 1_500), new DiscountLine("HAT-7", List.of("hats"), 1, 2_000));

    Discounts discounts = discounting.evaluate(new DiscountRequest(Currency.getInstance("EUR"), Optional.empty(), lines,
        List.of("five" + tag, "Shoes" + tag, "ship" + tag), Instant.now())).await(10, TimeUnit.SECONDS);

    assertThat(discounts.discounts()).extracting(Discount::code)
        .containsExactly("SHOES" + tag, "FIVE" + tag, "SHIP" + tag);
    assertThat(discounts.discounts()).extracting(Discount::amount).containsExactly(800L, 500L, 0L);
    assertThat(discounts.discounts().get(0).skus()).containsExactly("BOOT-42");
    assertThat(discounts.freeShipping()).isTrue();
    assertThat(discounting.evaluate(new DiscountRequest(Currency.getInstance("EUR"), Optional.empty(), lines, List.of(),
        Instant.now())).await(10, TimeUnit.SECONDS)).isEqualTo(Discounts.NONE);

    Problem problem = Problems.from(catchThrowable(() -> discounting.evaluate(new DiscountRequest(
        Currency.getInstance("USD"), Optional.empty(), lines.subList(2, 3), List.of("SHOES" + tag, "nosuch", "FIVE" + tag),
        Instant.now())).await(10, TimeUnit.SECONDS)));
    assertThat(problem.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
    assertThat(problem.errors()).extracting(Problem.FieldError::field)
        .containsExactly("/couponCodes/0", "/couponCodes/1", "/couponCodes/2");
    assertThat(problem.errors()).extracting(Problem.FieldError::message).containsExactly(
        "SHOES" + tag + " applies to none of these items.", "NOSUCH is not a known coupon.",
        "FIVE" + tag + " cannot be used in USD.");
  }

  private static void create(JsonObject definition) throws Exception {
    fixture.expect(201, HttpMethod.POST, ADMIN_PATH, fixture.admin(), definition.put("name", "Quote test"));
  }
}
