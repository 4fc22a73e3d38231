package org.emporium.catalog.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a seller says about a product: everything a PUT replaces. Two equal contents mean no
 * change, so a repeated PUT publishes no event.
 *
 * @param slug the URL name, or null to derive one from the title
 * @param brandId null for an unbranded product
 */
public record ProductContent(String title, String slug, String description, UUID brandId, UUID categoryId,
    Map<String, String> attributes, List<Media> media, ProductStatus status, List<Variant> variants) {

  public ProductContent {
    attributes = Map.copyOf(attributes);
    media = List.copyOf(media);
    variants = List.copyOf(variants);
  }

  public Optional<Variant> variant(String sku) {
    return variants.stream().filter(v -> v.sku().equals(sku)).findFirst();
  }

  /** The content as stored: equal contents are the same product. */
  public ProductContent canonical() {
    return new ProductContent(title, slug, description, brandId, categoryId, attributes, media, status,
        variants.stream().map(Variant::canonical).toList());
  }

  public ProductContent withStatus(ProductStatus next) {
    return new ProductContent(title, slug, description, brandId, categoryId, attributes, media, next, variants);
  }

  public ProductContent withSlug(String next) {
    return new ProductContent(title, next, description, brandId, categoryId, attributes, media, status, variants);
  }

  public ProductContent withVariant(Variant changed) {
    return new ProductContent(title, slug, description, brandId, categoryId, attributes, media, status,
        variants.stream().map(v -> v.sku().equals(changed.sku()) ? changed : v).toList());
  }
}
