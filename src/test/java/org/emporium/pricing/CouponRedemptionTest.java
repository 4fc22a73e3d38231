package org.emporium.pricing;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.customer.CustomerFixture.assertField;
import static org.emporium.pricing.PromotionAdminTest.asAdmin;
import static org.emporium.pricing.PromotionFixture.array;

/** Checkout redeems coupons on a real node: limits under concurrency, per customer, first orders, release and repeats. */
class CouponRedemptionTest {

  private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

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

  @AfterEach
  void resumeClock() {
    fixture.resume();
  }

  /** Creates a promotion from {@code definition} with one fresh code; returns {@code [code, promotionId]}. */
  private static String[] create(JsonObject definition) throws Exception {
    String code = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    JsonObject body = fixture.call("pricing.createPromotion", asAdmin("createPromotion",
        definition.put("name", "Test " + code).put("codes", array(code)))).getJsonObject("body");
    return new String[] {code, body.getString("id")};
  }

  private static JsonObject percent(String value) {
    return new JsonObject().put("kind", "percent_off").put("percent", value);
  }

  private static JsonObject redemption(UUID order, UUID customer, String... codes) {
    return new JsonObject().put("orderId", order.toString()).put("customerId", customer == null ? null : customer.toString())
        .put("currency", "EUR").put("codes", array((Object[]) codes))
        .put("lines", array(new JsonObject().put("sku", "SKU-1").put("categoryIds", array("root", "shoes"))
            .put("quantity", 2).put("amount", 10_000)));
  }

  private static long used(String promotionId) throws Exception {
    return fixture.count("SELECT used FROM pricing.promotion WHERE id = $1", UUID.fromString(promotionId));
  }

  @Test
  void aThousandConcurrentRedemptionsOfAHundredUseCouponRedeemExactlyAHundred() throws Exception {
    String[] coupon = create(percent("10").put("limits", new JsonObject().put("total", 100)));
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      replies.add(fixture.request("pricing.redeemCoupons", redemption(UUID.randomUUID(), UUID.randomUUID(), coupon[0])));
    }
    Future.join(replies).otherwiseEmpty().await(120, TimeUnit.SECONDS);

    long redeemed = replies.stream().filter(Future::succeeded).count();
    List<Integer> failures = replies.stream().filter(Future::failed)
        .map(f -> ((ReplyException) f.cause()).failureCode()).toList();
    assertThat(redeemed).isEqualTo(100);
    assertThat(failures).hasSize(900).containsOnly(422);
    assertThat(replies.stream().filter(Future::failed).map(f -> Problems.from(f.cause()).detail()).distinct())
        .containsExactly(coupon[0] + " has been used up.");
    assertThat(used(coupon[1])).isEqualTo(100);
    assertThat(fixture.count("SELECT count(*) FROM pricing.redemption WHERE promotion_id = $1",
        UUID.fromString(coupon[1]))).isEqualTo(100);
    assertThat(fixture.count("SELECT count(*) FROM pricing.outbox WHERE event_type = $1 AND envelope::jsonb "
        + "-> 'data' -> 'coupons' -> 0 ->> 'promotionId' = $2", "emporium.pricing.redemption.recorded.v1", coupon[1]))
        .isEqualTo(100);
    Problem exhausted = fixture.problem("pricing.validateCoupon", new JsonObject().put("code", coupon[0])
        .put("currency", "EUR"));
    assertThat(exhausted.detail()).isEqualTo(coupon[0] + " has been used up.");
  }

  @Test
  void aPromotionEndingAtMidnightInBangkokIsValidAtOneSecondBeforeAndRefusedAtMidnight() throws Exception {
    LocalDate tomorrow = LocalDate.now(BANGKOK).plusDays(1);
    String[] coupon = create(percent("5").put("validity", new JsonObject().put("until", tomorrow + "T00:00:00")
        .put("timeZone", "Asia/Bangkok")));
    Instant midnight = ZonedDateTime.of(tomorrow.atStartOfDay(), BANGKOK).toInstant();
    JsonObject check = new JsonObject().put("code", coupon[0].toLowerCase()).put("currency", "THB");

    fixture.stopAt(midnight.minusSeconds(1));
    JsonObject valid = fixture.call("pricing.validateCoupon", check);
    assertThat(valid.getString("code")).isEqualTo(coupon[0]);
    assertThat(valid.getString("kind")).isEqualTo("percent_off");
    assertThat(valid.getString("description")).isEqualTo("5% off");
    fixture.call("pricing.redeemCoupons", redemption(UUID.randomUUID(), null, coupon[0]));

    fixture.stopAt(midnight);
    Problem expired = fixture.problem("pricing.validateCoupon", check);
    assertThat(expired.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
    assertThat(expired.detail()).isEqualTo(coupon[0] + " has expired.");
    assertField(expired, "/code");
    Problem late = fixture.problem("pricing.redeemCoupons", redemption(UUID.randomUUID(), null, coupon[0]));
    assertThat(late.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
    assertField(late, "/codes/0");
    assertThat(used(coupon[1])).isEqualTo(1);
  }

  @Test
  void aCustomerRedeemsUpToTheirLimitAndAReleasedOrderGivesItsUseBack() throws Exception {
    String[] coupon = create(percent("15").put("limits", new JsonObject().put("perCustomer", 2)));
    UUID alice = UUID.randomUUID();
    UUID first = UUID.randomUUID();
    fixture.call("pricing.redeemCoupons", redemption(first, alice, coupon[0]));
    fixture.call("pricing.redeemCoupons", redemption(UUID.randomUUID(), alice, coupon[0]));

    Problem third = fixture.problem("pricing.redeemCoupons", redemption(UUID.randomUUID(), alice, coupon[0]));
    assertThat(third.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
    assertThat(third.detail()).contains("used 2 times by this customer");
    assertThat(fixture.problem("pricing.validateCoupon", new JsonObject().put("code", coupon[0]).put("currency", "EUR")
        .put("customerId", alice.toString())).code()).isEqualTo(ErrorCode.UNPROCESSABLE);
    assertThat(fixture.problem("pricing.validateCoupon", new JsonObject().put("code", coupon[0]).put("currency", "EUR"))
        .detail()).as("a guest cannot be held to a per-customer limit").isEqualTo(coupon[0] + " needs a signed-in customer.");
    fixture.call("pricing.redeemCoupons", redemption(UUID.randomUUID(), UUID.randomUUID(), coupon[0]));
    assertThat(used(coupon[1])).isEqualTo(3);

    assertThat(fixture.call("pricing.releaseCoupons", new JsonObject().put("orderId", first.toString()))).isEmpty();
    assertThat(used(coupon[1])).isEqualTo(2);
    assertThat(fixture.count("SELECT used FROM pricing.promotion_customer WHERE promotion_id = $1 AND customer_id = $2",
        UUID.fromString(coupon[1]), alice)).isEqualTo(1);
    fixture.call("pricing.redeemCoupons", redemption(UUID.randomUUID(), alice, coupon[0]));
    assertThat(used(coupon[1])).isEqualTo(3);
  }

  @Test
  void aRepeatedOrderIsCountedOnceAndAReleaseGivesBackOnce() throws Exception {
    String[] coupon = create(percent("20").put("limits", new JsonObject().put("total", 10)));
    UUID order = UUID.randomUUID();
    JsonObject first = fixture.call("pricing.redeemCoupons", redemption(order, null, coupon[0].toLowerCase()));
    JsonObject again = fixture.call("pricing.redeemCoupons", redemption(order, null, coupon[0]));

    assertThat(first.getJsonArray("redeemed")).containsExactly(new JsonObject().put("code", coupon[0])
        .put("promotionId", coupon[1]));
    assertThat(again).isEqualTo(first);
    assertThat(used(coupon[1])).isEqualTo(1);

    JsonObject release = new JsonObject().put("orderId", order.toString());
    fixture.call("pricing.releaseCoupons", release);
    fixture.call("pricing.releaseCoupons", release);
    assertThat(used(coupon[1])).isZero();
    assertThat(fixture.count("SELECT count(*) FROM pricing.redemption WHERE order_id = $1", order)).isZero();
    assertThat(fixture.events(order.toString())).extracting(e -> e.getString("type")).containsExactly(
        "emporium.pricing.redemption.recorded.v1", "emporium.pricing.redemption.released.v1");

    Problem redeemAfterRelease = fixture.problem("pricing.redeemCoupons", redemption(order, null, coupon[0]));
    assertThat(redeemAfterRelease.code()).isEqualTo(ErrorCode.CONFLICT);
    UUID neverRedeemed = UUID.randomUUID();
    fixture.call("pricing.releaseCoupons", new JsonObject().put("orderId", neverRedeemed.toString()));
    assertThat(fixture.problem("pricing.redeemCoupons", redemption(neverRedeemed, null, coupon[0])).code())
        .as("a redemption that arrives after its order's release does not count").isEqualTo(ErrorCode.CONFLICT);
    assertThat(used(coupon[1])).isZero();
  }

  @Test
  void allCodesOfAnOrderRedeemOrNoneDoes() throws Exception {
    String[] open = create(percent("10"));
    String[] usedUp = create(new JsonObject().put("kind", "fixed_amount").put("amountOff", new JsonObject().put("EUR", 500))
        .put("limits", new JsonObject().put("total", 1)));
    fixture.call("pricing.redeemCoupons", redemption(UUID.randomUUID(), null, usedUp[0]));
    UUID customer = UUID.randomUUID();
    UUID order = UUID.randomUUID();

    Problem problem = fixture.problem("pricing.redeemCoupons", redemption(order, customer, open[0], usedUp[0]));

    assertThat(problem.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
    assertField(problem, "/codes/1");
    assertThat(problem.errors()).extracting(Problem.FieldError::field).doesNotContain("/codes/0");
    assertThat(used(open[1])).isZero();
    assertThat(fixture.rows("SELECT 1 FROM pricing.redeemed_order WHERE order_id = $1", order)).isEmpty();
    assertThat(fixture.rows("SELECT 1 FROM pricing.customer_orders WHERE customer_id = $1", customer)).isEmpty();

    Problem badRequest = fixture.problem("pricing.redeemCoupons", new JsonObject().put("orderId", "nope")
        .put("currency", "EUR").put("codes", array(open[0])).put("lines", array(new JsonObject().put("sku", "A"))));
    assertThat(badRequest.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertField(badRequest, "/orderId");
    assertField(badRequest, "/lines/0/amount");
  }

  @Test
  void aFirstOrderCouponIsForACustomerWithoutOrdersUntilTheirOrderIsReleased() throws Exception {
    String[] welcome = create(new JsonObject().put("kind", "free_shipping")
        .put("conditions", new JsonObject().put("firstOrder", true)));
    UUID bob = UUID.randomUUID();
    JsonObject check = new JsonObject().put("code", welcome[0]).put("currency", "EUR").put("customerId", bob.toString());
    assertThat(fixture.call("pricing.validateCoupon", check).getString("description")).isEqualTo("Free shipping");

    UUID order = UUID.randomUUID();
    assertThat(fixture.call("pricing.redeemCoupons", redemption(order, bob)).getJsonArray("redeemed")).isEmpty();
    Problem second = fixture.problem("pricing.redeemCoupons", redemption(UUID.randomUUID(), bob, welcome[0]));
    assertThat(second.detail()).isEqualTo(welcome[0] + " is only for a first order.");
    assertThat(fixture.problem("pricing.validateCoupon", check).code()).isEqualTo(ErrorCode.UNPROCESSABLE);

    fixture.call("pricing.releaseCoupons", new JsonObject().put("orderId", order.toString()));
    assertThat(fixture.call("pricing.validateCoupon", check).getString("promotionId")).isEqualTo(welcome[1]);
    JsonObject redeemed = fixture.call("pricing.redeemCoupons", redemption(UUID.randomUUID(), bob, welcome[0]));
    assertThat(redeemed.getJsonArray("redeemed")).hasSize(1);
    assertThat(fixture.problem("pricing.redeemCoupons", redemption(UUID.randomUUID(), null, welcome[0])).detail())
        .isEqualTo(welcome[0] + " needs a signed-in customer.");
  }

  @Test
  void aCodeIsRefusedWhenUnknownNotYetValidOrForAnotherCurrency() throws Exception {
    String[] euros = create(new JsonObject().put("kind", "fixed_amount").put("amountOff", new JsonObject().put("EUR", 500)));
    String[] later = create(percent("5").put("validity", new JsonObject().put("from", "2098-01-01T00:00")
        .put("timeZone", "Asia/Bangkok")));

    assertThat(fixture.call("pricing.validateCoupon", new JsonObject().put("code", euros[0]).put("currency", "EUR"))
        .getString("description")).isEqualTo("EUR 5.00 off");
    assertThat(fixture.problem("pricing.validateCoupon", new JsonObject().put("code", euros[0]).put("currency", "USD"))
        .detail()).isEqualTo(euros[0] + " cannot be used in USD.");
    assertThat(fixture.problem("pricing.validateCoupon", new JsonObject().put("code", later[0]).put("currency", "EUR"))
        .detail()).isEqualTo(later[0] + " is not valid yet.");
    assertThat(fixture.problem("pricing.validateCoupon", new JsonObject().put("code", "NOSUCHCODE").put("currency", "EUR"))
        .detail()).isEqualTo("NOSUCHCODE is not a known coupon.");
    Problem malformed = fixture.problem("pricing.validateCoupon", new JsonObject().put("code", 7).put("currency", "XAU"));
    assertThat(malformed.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertField(malformed, "/code");
    assertField(malformed, "/currency");
  }
}
