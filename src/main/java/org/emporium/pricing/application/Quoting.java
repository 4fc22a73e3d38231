package org.emporium.pricing.application;

import io.vertx.core.Future;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.platform.money.FxRate;
import org.emporium.platform.money.FxTable;
import org.emporium.platform.money.FxUnavailableException;
import org.emporium.platform.money.ResolvedPrice;
import org.emporium.pricing.domain.CatalogItem;
import org.emporium.pricing.domain.DiscountLine;
import org.emporium.pricing.domain.DiscountRequest;
import org.emporium.pricing.domain.PricedLine;
import org.emporium.pricing.domain.Quote;
import org.emporium.pricing.domain.QuoteCalculation;
import org.emporium.pricing.domain.QuoteRequest;
import org.emporium.pricing.domain.Violation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Quotes cart lines in a currency: the catalog's SKUs (every line must be for sale), each priced at
 * its explicit price there or its base price converted at this node's current rates, the coupons
 * evaluated by {@link Discounting}, tax by the destination's table and the flat shipping charge.
 * Nothing is stored: a quote is valid for a while and checkout quotes again.
 */
public final class Quoting {

  /** A quote with its id, when it was made, until when it holds, and the exchange rates it used. */
  public record Priced(String quoteId, Instant createdAt, Instant expiresAt, Quote quote, List<FxRate> fxRates) {
  }

  private final Catalog catalog;
  private final Discounting discounting;
  private final TaxRules tax;
  private final Supplier<FxTable> rates;
  private final QuoteSettings settings;
  private final Clock clock;
  private final TimeOrderedIds ids;

  public Quoting(Catalog catalog, Discounting discounting, TaxRules tax, Supplier<FxTable> rates,
      QuoteSettings settings, Clock clock, TimeOrderedIds ids) {
    this.catalog = catalog;
    this.discounting = discounting;
    this.tax = tax;
    this.rates = rates;
    this.settings = settings;
    this.clock = clock;
    this.ids = ids;
  }

  public Future<Priced> quote(QuoteRequest request) {
    List<Violation> violations = request.violations(settings.maxLines());
    if (!violations.isEmpty()) {
      return Future.failedFuture(Rejected.invalid("The quote request is not valid.", violations));
    }
    Currency currency = Currency.getInstance(request.currency());
    List<String> skus = request.lines().stream().map(QuoteRequest.Line::sku).toList();
    return catalog.lookup(skus, currency).compose(items -> {
      Instant now = clock.instant();
      Map<String, FxRate> used = new LinkedHashMap<>();
      List<PricedLine> lines = priced(request, items, currency, now, used);
      List<DiscountLine> discountLines = lines.stream().map(line -> new DiscountLine(line.sku(), line.categoryPath(),
          line.quantity(), line.subtotal().amountMinor())).toList();
      DiscountRequest discounts = new DiscountRequest(currency, Optional.ofNullable(request.customerId()),
          discountLines, request.couponCodes(), now);
      Optional<QuoteRequest.ShipTo> to = request.destination();
      return discounting.evaluate(discounts).map(found -> new Priced(ids.next().toString(), now,
          now.plus(settings.validFor()), QuoteCalculation.quote(currency, lines, found,
              to.flatMap(destination -> tax.of(destination.country())),
              to.map(QuoteRequest.ShipTo::region).orElse(null), settings.shipping(currency)),
          List.copyOf(used.values())));
    });
  }

  private List<PricedLine> priced(QuoteRequest request, Map<String, CatalogItem> items, Currency currency,
      Instant now, Map<String, FxRate> used) {
    List<Violation> unusable = new ArrayList<>();
    List<PricedLine> lines = new ArrayList<>();
    FxTable table = rates.get();
    for (int i = 0; i < request.lines().size(); i++) {
      QuoteRequest.Line line = request.lines().get(i);
      CatalogItem item = items.get(line.sku());
      if (item == null || !item.forSale()) {
        unusable.add(new Violation("/lines/" + i + "/sku", item == null ? "is not in the catalog" : "is not for sale"));
        continue;
      }
      try {
        ResolvedPrice price = table.resolve(item.explicitPrice(), item.basePrice(), currency, now);
        price.usedRate().ifPresent(rate -> used.putIfAbsent(rate.pair(), rate));
        lines.add(new PricedLine(line.sku(), line.quantity(), price.price(),
            price.converted() ? "converted" : "explicit", item.categoryPath()));
      } catch (FxUnavailableException e) {
        throw Rejected.unprocessable("The lines cannot be priced in " + currency.getCurrencyCode() + ": "
            + e.getMessage(), List.of(new Violation("/currency", "has no usable exchange rate")));
      }
    }
    if (!unusable.isEmpty()) {
      throw Rejected.unprocessable("Some lines cannot be quoted.", unusable);
    }
    return lines;
  }
}
