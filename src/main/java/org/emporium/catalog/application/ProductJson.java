package org.emporium.catalog.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.catalog.domain.Dimensions;
import org.emporium.catalog.domain.Media;
import org.emporium.catalog.domain.Price;
import org.emporium.catalog.domain.ProductContent;
import org.emporium.catalog.domain.ProductStatus;
import org.emporium.catalog.domain.Variant;
import org.emporium.catalog.domain.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Between the contract's JSON ({@code ProductInput}, the product snapshot) and {@link ProductContent}.
 * Variants, media and attributes are stored in this same JSON form.
 */
public final class ProductJson {

  static final Set<String> INPUT = Set.of("shopId", "title", "slug", "description", "brandId", "categoryId",
      "attributes", "media", "status", "variants");
  private static final Set<String> VARIANT = Set.of("sku", "options", "barcode", "weightGrams", "dimensionsMm",
      "prices");
  private static final Set<String> PRICE = Set.of("currency", "amount", "compareAt");
  private static final Set<String> MEDIA = Set.of("url", "alt");
  private static final Set<String> DIMENSIONS = Set.of("length", "width", "height");

  private ProductJson() {
  }

  /** A parsed input: the content (when the shape allowed one) and the shape's violations. */
  public record Parsed(ProductContent content, UUID shopId, List<Violation> violations) {
  }

  public static Parsed parse(JsonObject body) {
    List<Violation> into = new ArrayList<>();
    JsonInput in = new JsonInput(body, "", INPUT, into);
    UUID shopId = in.uuid("shopId");
    String statusText = in.string("status");
    ProductStatus status = statusText == null ? ProductStatus.DRAFT : ProductStatus.parse(statusText).orElse(null);
    if (status == null) {
      in.violation("status", "must be draft, published or archived");
    }
    List<Media> media = in.objects("media", MEDIA).stream().map(m -> new Media(m.string("url"), m.string("alt")))
        .toList();
    List<Variant> variants = in.objects("variants", VARIANT).stream().map(ProductJson::variant).toList();
    ProductContent content = new ProductContent(in.string("title"), in.string("slug"), in.string("description"),
        in.uuid("brandId"), in.uuid("categoryId"), in.strings("attributes"), media,
        status == null ? ProductStatus.DRAFT : status, variants);
    return new Parsed(content, shopId, into);
  }

  /** The input a PATCH starts from: the product as it is, in {@code ProductInput} form. */
  public static JsonObject input(JsonObject snapshot) {
    JsonObject brand = snapshot.getJsonObject("brand");
    JsonArray variants = new JsonArray();
    snapshot.getJsonArray("variants").forEach(v -> {
      JsonObject variant = ((JsonObject) v).copy();
      variant.fieldNames().removeIf(name -> !VARIANT.contains(name));
      variants.add(variant);
    });
    JsonObject input = new JsonObject()
        .put("title", snapshot.getString("title"))
        .put("slug", snapshot.getString("slug"))
        .put("categoryId", snapshot.getJsonObject("category").getString("id"))
        .put("attributes", snapshot.getJsonObject("attributes"))
        .put("media", snapshot.getJsonArray("media"))
        .put("status", snapshot.getString("status"))
        .put("variants", variants);
    if (snapshot.getString("description") != null) {
      input.put("description", snapshot.getString("description"));
    }
    if (brand != null) {
      input.put("brandId", brand.getString("id"));
    }
    return input;
  }

  /** The {@code ProductInput} of a content, for a product made in code (the demo catalog). */
  public static JsonObject input(ProductContent content, UUID shopId) {
    return new JsonObject().put("shopId", shopId.toString()).put("title", content.title())
        .put("slug", content.slug()).put("description", content.description())
        .put("brandId", content.brandId() == null ? null : content.brandId().toString())
        .put("categoryId", content.categoryId().toString()).put("attributes", attributes(content))
        .put("media", media(content)).put("status", content.status().wire()).put("variants", variants(content));
  }

  public static JsonObject attributes(ProductContent content) {
    return sorted(content.attributes());
  }

  public static JsonArray media(ProductContent content) {
    JsonArray media = new JsonArray();
    content.media().forEach(m -> media.add(new JsonObject().put("url", m.url()).put("alt", m.alt())));
    return media;
  }

  public static JsonArray variants(ProductContent content) {
    JsonArray variants = new JsonArray();
    for (Variant v : content.variants()) {
      JsonArray prices = new JsonArray();
      v.prices().stream().sorted(java.util.Comparator.comparing(Price::currency)).forEach(p -> prices.add(
          new JsonObject().put("currency", p.currency()).put("amount", p.amount()).put("compareAt", p.compareAt())));
      Dimensions d = v.dimensionsMm();
      variants.add(new JsonObject().put("sku", v.sku()).put("options", sorted(v.options()))
          .put("barcode", v.barcode()).put("weightGrams", v.weightGrams())
          .put("dimensionsMm", d == null ? null
              : new JsonObject().put("length", d.length()).put("width", d.width()).put("height", d.height()))
          .put("prices", prices));
    }
    return variants;
  }

  private static JsonObject sorted(java.util.Map<String, String> map) {
    return new JsonObject(new java.util.TreeMap<String, Object>(map));
  }

  private static Variant variant(JsonInput in) {
    List<Price> prices = in.objects("prices", PRICE).stream().map(p -> {
      String currency = p.string("currency");
      Long amount = p.whole("amount");
      if (amount == null && !p.has("amount")) {
        p.violation("amount", "is required");
      }
      return new Price(currency, amount == null ? 0 : amount, p.whole("compareAt"));
    }).toList();
    JsonInput d = in.object("dimensionsMm", DIMENSIONS);
    Dimensions dimensions = null;
    if (d != null) {
      Integer length = d.integer("length");
      Integer width = d.integer("width");
      Integer height = d.integer("height");
      dimensions = new Dimensions(length == null ? 0 : length, width == null ? 0 : width, height == null ? 0 : height);
    }
    return new Variant(in.string("sku"), in.strings("options"), in.string("barcode"), in.integer("weightGrams"),
        dimensions, prices);
  }
}
