package org.emporium.edge.region;

import java.util.Locale;

/**
 * Finds the region that owns a request, first match wins: the signed-in customer's home region
 * (the token's {@code home_region} claim), the {@code X-Region} header, the CDN's country header
 * mapped by {@code regions.countries}, this node's region.
 */
final class RegionResolver {

  /** Where the owning region was read from. */
  enum Source { TOKEN, HEADER, COUNTRY, NODE }

  /** The decision for one request. */
  sealed interface Route {
    String region();

    Source source();
  }

  /** Served here. */
  record Local(String region, Source source) implements Route {
  }

  /** Owned by a configured peer. */
  record Remote(String region, Source source, String baseUrl) implements Route {
  }

  /** Names a region this edge does not know. */
  record Unknown(String region, Source source) implements Route {
  }

  private final RegionSettings settings;

  RegionResolver(RegionSettings settings) {
    this.settings = settings;
  }

  Route resolve(String homeRegion, String regionHeader, String country) {
    if (present(homeRegion)) {
      return named(homeRegion.trim(), Source.TOKEN);
    }
    if (present(regionHeader)) {
      return named(regionHeader.trim(), Source.HEADER);
    }
    if (present(country)) {
      String mapped = settings.countries().get(country.trim().toUpperCase(Locale.ROOT));
      if (mapped != null) {
        return named(mapped, Source.COUNTRY);
      }
    }
    return new Local(settings.region(), Source.NODE);
  }

  private Route named(String region, Source source) {
    if (region.equals(settings.region())) {
      return new Local(region, source);
    }
    String peer = settings.peers().get(region);
    return peer == null ? new Unknown(region, source) : new Remote(region, source, peer);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
