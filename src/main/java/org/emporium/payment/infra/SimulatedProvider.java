package org.emporium.payment.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.emporium.payment.application.PaymentProvider;
import org.emporium.payment.application.Rejected;
import org.emporium.payment.domain.DeclineReason;
import org.emporium.payment.domain.ProviderResult;
import org.emporium.payment.domain.Rejection;
import org.emporium.payment.domain.WebhookEvent;
import org.emporium.platform.id.Uuids;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The built-in provider: answers after {@code latencyMs}, by test card. Outcomes depend only on
 * the card and the idempotency key (the reference is derived from the key), so a repeated key is
 * the same operation, as at a real provider.
 */
public final class SimulatedProvider implements PaymentProvider {

  public static final String NAME = "simulator";
  public static final String DECLINED = "4000000000000002";
  public static final String INSUFFICIENT_FUNDS = "4000000000009995";
  public static final String PROCESSING_ERROR = "4000000000000119";
  public static final String TIMEOUT = "4000000000006975";

  private final Vertx vertx;
  private final long latencyMs;
  private final long providerTimeoutMs;
  private final String webhookSecret;

  public SimulatedProvider(Vertx vertx, long latencyMs, long providerTimeoutMs, String webhookSecret) {
    this.vertx = vertx;
    this.latencyMs = latencyMs;
    this.providerTimeoutMs = providerTimeoutMs;
    this.webhookSecret = webhookSecret;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<ProviderResult> authorise(String key, String currency, long amount, String cardNumber) {
    return switch (cardNumber) {
      case DECLINED -> after(latencyMs, new ProviderResult.Declined(DeclineReason.DECLINED));
      case INSUFFICIENT_FUNDS -> after(latencyMs, new ProviderResult.Declined(DeclineReason.INSUFFICIENT_FUNDS));
      case PROCESSING_ERROR -> after(latencyMs, new ProviderResult.ProcessingError("simulated processing error"));
      case TIMEOUT -> after(latencyMs + 2 * providerTimeoutMs, approved(key));
      default -> after(latencyMs, approved(key));
    };
  }

  @Override
  public Future<ProviderResult> capture(String key, String authorisation, long amount) {
    return after(latencyMs, approved(key));
  }

  @Override
  public Future<ProviderResult> voidAuthorisation(String key, String authorisation) {
    return after(latencyMs, approved(key));
  }

  @Override
  public Future<ProviderResult> refund(String key, String authorisation, long amount) {
    return after(latencyMs, approved(key));
  }

  /** {@code {id, type, data: {paymentId?, amount?}}}, signed as {@link WebhookSignatures} says. */
  @Override
  public Future<WebhookEvent> parseWebhook(String signature, JsonObject body) {
    if (!WebhookSignatures.valid(webhookSecret, body, signature)) {
      return Future.failedFuture(new Rejected(new Rejection.BadSignature(
          "The webhook signature does not match this body.")));
    }
    JsonObject data = body.getValue("data") instanceof JsonObject d ? d : new JsonObject();
    Object amount = data.getValue("amount");
    return Future.succeededFuture(new WebhookEvent(NAME, body.getString("id"), body.getString("type"),
        Uuids.parse(data.getValue("paymentId")), amount instanceof Number n ? n.longValue() : null));
  }

  private static ProviderResult approved(String key) {
    return new ProviderResult.Approved("sim_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
  }

  private Future<ProviderResult> after(long delayMs, ProviderResult result) {
    return delayMs <= 0 ? Future.succeededFuture(result) : vertx.timer(delayMs).map(result);
  }
}
