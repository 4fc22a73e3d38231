package org.emporium.payment.infra;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.emporium.payment.application.PaymentProvider;
import org.emporium.payment.application.PaymentSettings;
import org.emporium.payment.domain.ProviderResult;
import org.emporium.payment.domain.WebhookEvent;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every provider call through one circuit breaker, with {@code providerTimeoutMs} per attempt. A
 * retryable processing error counts as a failure and is tried again, with the same idempotency
 * key, up to {@code maxAttempts} attempts; while the circuit is open calls fail at once. (The
 * breaker counts consecutive failures: one success sets the count back to zero.)
 */
public final class GuardedProvider implements PaymentProvider {

  private final PaymentProvider provider;
  private final CircuitBreaker breaker;
  private final int maxAttempts;
  private final long timeoutMs;

  public GuardedProvider(Vertx vertx, PaymentProvider provider, PaymentSettings settings) {
    this.provider = provider;
    this.maxAttempts = settings.maxAttempts();
    this.timeoutMs = settings.providerTimeoutMs();
    this.breaker = CircuitBreaker.create("payment-" + provider.name(), vertx, new CircuitBreakerOptions()
        .setMaxFailures(settings.breakerMaxFailures())
        .setTimeout(settings.providerTimeoutMs())
        .setResetTimeout(settings.breakerResetTimeoutMs())
        .setNotificationAddress(null));
  }

  /** A processing error after the last attempt. */
  static final class ProcessingFailure extends RuntimeException {
    ProcessingFailure(String detail) {
      super(detail, null, false, false);
    }
  }

  @Override
  public String name() {
    return provider.name();
  }

  @Override
  public Future<ProviderResult> authorise(String key, String currency, long amount, String cardNumber) {
    return guarded(() -> provider.authorise(key, currency, amount, cardNumber), 1);
  }

  @Override
  public Future<ProviderResult> capture(String key, String authorisation, long amount) {
    return guarded(() -> provider.capture(key, authorisation, amount), 1);
  }

  /**
   * Outside the circuit, with the timeout only: a void releases money and is tried even while the
   * circuit is open, and the void that follows every failed authorise must not close it again.
   */
  @Override
  public Future<ProviderResult> voidAuthorisation(String key, String authorisation) {
    return provider.voidAuthorisation(key, authorisation).timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public Future<ProviderResult> refund(String key, String authorisation, long amount) {
    return guarded(() -> provider.refund(key, authorisation, amount), 1);
  }

  @Override
  public Future<WebhookEvent> parseWebhook(String signature, JsonObject body) {
    return provider.parseWebhook(signature, body);
  }

  private Future<ProviderResult> guarded(Supplier<Future<ProviderResult>> call, int attempt) {
    Future<ProviderResult> result = breaker.execute(() -> call.get().compose(answer ->
        answer instanceof ProviderResult.ProcessingError error
            ? Future.failedFuture(new ProcessingFailure(error.detail())) : Future.succeededFuture(answer)));
    return result.recover(failure -> failure instanceof ProcessingFailure && attempt < maxAttempts
        ? guarded(call, attempt + 1) : Future.failedFuture(failure));
  }

  public void close() {
    breaker.close();
  }
}
