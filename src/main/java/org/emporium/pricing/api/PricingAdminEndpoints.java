package org.emporium.pricing.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.money.FxTableJson;
import org.emporium.pricing.application.ImportingRates;
import org.emporium.pricing.application.ManagingTax;
import org.emporium.pricing.domain.TaxTable;
import org.emporium.pricing.domain.TaxTableInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Administrators' rate imports ({@code pricing.importRates}) and tax tables ({@code pricing.listTaxRates}, {@code pricing.putTaxRates}). */
final class PricingAdminEndpoints {

  private final ImportingRates importing;
  private final ManagingTax tax;

  PricingAdminEndpoints(ImportingRates importing, ManagingTax tax) {
    this.importing = importing;
    this.tax = tax;
  }

  /** The raw file as the edge forwards it: the text as the body, its media type as {@code content-type}. */
  Future<JsonObject> importRates(ForwardedRequest request) {
    Principal caller = request.requirePermission(PricingEndpoints.MANAGE);
    Object body = request.toJson().getValue("body");
    String type = request.header("content-type");
    ImportingRates.Format format = format(type == null ? "" : type);
    if (!(body instanceof String text) || format == null) {
      throw Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the file as text/csv or application/xml.").toException();
    }
    return importing.importFile(caller.subject(), format, text).map(rates -> {
      JsonArray items = new JsonArray();
      rates.forEach(rate -> items.add(FxTableJson.of(rate)));
      return ForwardedReply.ok(new JsonObject().put("imported", rates.size()).put("items", items));
    });
  }

  Future<JsonObject> listTaxRates(ForwardedRequest request) {
    request.requirePermission(PricingEndpoints.MANAGE);
    return tax.list().map(tables -> {
      JsonArray items = new JsonArray();
      tables.forEach(table -> items.add(json(table)));
      return ForwardedReply.ok(new JsonObject().put("items", items));
    });
  }

  Future<JsonObject> putTaxRates(ForwardedRequest request) {
    request.requirePermission(PricingEndpoints.MANAGE);
    JsonObject body = request.body();
    List<TaxTableInput.RateLine> rates = null;
    if (body.getValue("rates") instanceof JsonArray array) {
      rates = new ArrayList<>();
      for (Object value : array) {
        rates.add(value instanceof JsonObject rate ? new TaxTableInput.RateLine(QuoteJson.text(rate, "region"),
            QuoteJson.text(rate, "categoryId"), QuoteJson.text(rate, "rate")) : null);
      }
    }
    Boolean inclusive = body.getValue("inclusive") instanceof Boolean b ? b : null;
    return tax.replace(new TaxTableInput(request.path("country"), inclusive, rates))
        .map(table -> ForwardedReply.ok(json(table)));
  }

  private static ImportingRates.Format format(String contentType) {
    String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (media) {
      case "text/csv" -> ImportingRates.Format.CSV;
      case "application/xml", "text/xml" -> ImportingRates.Format.ECB_XML;
      default -> null;
    };
  }

  private static JsonObject json(TaxTable table) {
    JsonArray rates = new JsonArray();
    table.rates().forEach(rate -> rates.add(new JsonObject()
        .put("region", rate.region().isEmpty() ? null : rate.region())
        .put("categoryId", rate.categoryId().isEmpty() ? null : rate.categoryId())
        .put("rate", rate.rate().toPlainString())));
    return new JsonObject().put("country", table.country()).put("inclusive", table.inclusive()).put("rates", rates);
  }
}
