package org.emporium.pricing.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.config.Settings;
import org.emporium.platform.error.Problem;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.id.Uuids;
import org.emporium.platform.node.Platform;
import org.emporium.pricing.application.CachedPromotions;
import org.emporium.pricing.application.CouponRequests;
import org.emporium.pricing.application.Discounting;
import org.emporium.pricing.application.EvaluatingDiscounts;
import org.emporium.pricing.application.ManagingPromotions;
import org.emporium.pricing.application.PromotionJson;
import org.emporium.pricing.application.PromotionProblems;
import org.emporium.pricing.application.RedeemingCoupons;
import org.emporium.pricing.domain.CouponCheck;
import org.emporium.pricing.domain.Currencies;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.RecordedOrder;
import org.emporium.pricing.infra.PgPromotions;
import org.emporium.pricing.infra.PgRedemptions;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Promotions and coupons: the admin REST operations ({@code pricing:manage}), the public coupon check,
 * and the addresses the cart and checkout call ({@code pricing.validateCoupon}, {@code redeemCoupons},
 * {@code releaseCoupons}). {@link #discounting()} is what quotes evaluate codes with.
 */
public final class PromotionEndpoints {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  private static final String PATH = "/api/v1/admin/promotions/";
  /** Published (cluster-wide) after every promotion change, so every instance drops its cached reads. */
  static final String CHANGED = "pricing.promotions.changed";
  private static final int CACHED_CODES = 10_000;

  private final ManagingPromotions managing;
  private final EvaluatingDiscounts evaluating;
  private final RedeemingCoupons redeeming;
  private final BusEndpoints bus;
  private final Vertx vertx;
  private final MessageConsumer<Object> changes;

  private PromotionEndpoints(Vertx vertx, Platform platform, Pool pool, Outbox outbox) {
    this.vertx = vertx;
    PgPromotions promotions = new PgPromotions();
    PgRedemptions redemptions = new PgRedemptions(outbox);
    Settings cache = Settings.of(platform.config()).child("pricing").child("promotions");
    CachedPromotions cached = new CachedPromotions(promotions, cache.nonNegative("cacheMs") * 1_000_000L,
        cache.nonNegative("staleMs") * 1_000_000L, CACHED_CODES, System::nanoTime);
    // every instance in the cluster forgets what it read when an administrator changes a promotion
    this.changes = vertx.eventBus().consumer(CHANGED, change -> cached.clear());
    this.managing = new ManagingPromotions(pool, outbox, promotions, platform.ids(), platform.clock());
    this.evaluating = new EvaluatingDiscounts(pool, cached, redemptions, platform.clock());
    this.redeeming = new RedeemingCoupons(pool, outbox, promotions, redemptions, platform.clock());
    this.bus = new BusEndpoints(vertx, PromotionProblems::of)
        .forwarded("pricing.createPromotion", this::create)
        .forwarded("pricing.listPromotions", this::list)
        .forwarded("pricing.getPromotion", this::get)
        .forwarded("pricing.replacePromotion", this::replace)
        .forwarded("pricing.deactivatePromotion", this::deactivate)
        .forwarded("pricing.checkCoupon", this::checkCoupon)
        .serve("pricing.validateCoupon", this::validateCoupon)
        .serve("pricing.redeemCoupons", this::redeemCoupons)
        .serve("pricing.releaseCoupons", this::releaseCoupons);
  }

  /** Builds the promotion use cases on the pricing pool and outbox and registers their addresses. */
  public static PromotionEndpoints serve(Vertx vertx, Platform platform, Pool pool, Outbox outbox) {
    return new PromotionEndpoints(vertx, platform, pool, outbox);
  }

  public Discounting discounting() {
    return evaluating;
  }

  public Future<Void> registered() {
    return Future.all(bus.registered(), changes.completion()).mapEmpty();
  }

  private <T> T changed(T result) {
    vertx.eventBus().publish(CHANGED, null);
    return result;
  }

  private Future<JsonObject> create(ForwardedRequest request) {
    String actor = request.requirePermission(PricingEndpoints.MANAGE).subject();
    return managing.create(actor, PromotionJson.read(request.body())).map(this::changed).map(created ->
        ForwardedReply.created(PromotionJson.write(created), PATH + created.id()));
  }

  private Future<JsonObject> list(ForwardedRequest request) {
    request.requirePermission(PricingEndpoints.MANAGE);
    int limit = limit(request.query("limit"));
    UUID after = request.query("cursor") == null ? null : id(String.valueOf(request.query("cursor")), "cursor");
    return managing.page(after, limit + 1).map(page -> {
      List<Promotion> shown = page.subList(0, Math.min(limit, page.size()));
      JsonArray items = new JsonArray();
      shown.forEach(promotion -> items.add(PromotionJson.write(promotion)));
      String next = page.size() > limit ? shown.get(shown.size() - 1).id().toString() : null;
      return ForwardedReply.ok(new JsonObject().put("items", items).put("nextCursor", next));
    });
  }

  private Future<JsonObject> get(ForwardedRequest request) {
    request.requirePermission(PricingEndpoints.MANAGE);
    return managing.get(id(request.path("id"), "id")).map(found -> ForwardedReply.ok(PromotionJson.write(found)));
  }

  private Future<JsonObject> replace(ForwardedRequest request) {
    String actor = request.requirePermission(PricingEndpoints.MANAGE).subject();
    UUID id = id(request.path("id"), "id");
    return managing.replace(actor, id, PromotionJson.read(request.body())).map(this::changed)
        .map(replaced -> ForwardedReply.ok(PromotionJson.write(replaced)));
  }

  private Future<JsonObject> deactivate(ForwardedRequest request) {
    String actor = request.requirePermission(PricingEndpoints.MANAGE).subject();
    return managing.deactivate(actor, id(request.path("id"), "id")).map(this::changed)
        .map(done -> ForwardedReply.noContent());
  }

  /** Public: whether a code can be used now, for the caller when signed in. */
  private Future<JsonObject> checkCoupon(ForwardedRequest request) {
    Object currency = request.query("currency");
    if (currency == null || !Currencies.isUsable(String.valueOf(currency))) {
      throw Problem.invalid("The request is not valid.", List.of(new Problem.FieldError("currency",
          "must be an ISO 4217 currency code with a minor unit"))).toException();
    }
    return evaluating.validate(request.path("code"), Currency.getInstance(String.valueOf(currency)),
        request.principal().map(caller -> caller.customerId())).map(accepted ->
        ForwardedReply.ok(coupon(accepted, String.valueOf(currency))));
  }

  private Future<JsonObject> validateCoupon(JsonObject body) {
    CouponRequests.CodeCheck check = CouponRequests.validate(body);
    return evaluating.validate(check.code(), check.currency(), check.customerId())
        .map(accepted -> coupon(accepted, check.currency().getCurrencyCode()));
  }

  private Future<JsonObject> redeemCoupons(JsonObject body) {
    return redeeming.redeem(CouponRequests.redeem(body)).map(PromotionEndpoints::redeemed);
  }

  private Future<JsonObject> releaseCoupons(JsonObject body) {
    return redeeming.release(CouponRequests.release(body)).map(done -> new JsonObject());
  }

  private static JsonObject coupon(CouponCheck.Accepted accepted, String currency) {
    return new JsonObject().put("code", accepted.code()).put("promotionId", accepted.promotion().id().toString())
        .put("kind", PromotionJson.kind(accepted.promotion().kind()))
        .put("description", accepted.promotion().summary(currency));
  }

  private static JsonObject redeemed(RecordedOrder order) {
    JsonArray items = new JsonArray();
    order.redeemed().forEach(r -> items.add(new JsonObject().put("code", r.code())
        .put("promotionId", r.promotionId().toString())));
    return new JsonObject().put("redeemed", items);
  }

  private static int limit(Object value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      long limit = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).trim());
      if (limit >= 1) {
        return (int) Math.min(limit, MAX_LIMIT); // a larger page is served as the largest
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("limit", "must be a whole number, at least 1");
  }

  private static UUID id(String text, String field) {
    UUID id = Uuids.parse(text);
    if (id == null) {
      throw invalid(field, "must be a UUID");
    }
    return id;
  }

  private static RuntimeException invalid(String field, String message) {
    return Problem.invalid("The request is not valid.", List.of(new Problem.FieldError(field, message))).toException();
  }
}
