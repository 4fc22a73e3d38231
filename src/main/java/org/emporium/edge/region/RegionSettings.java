package org.emporium.edge.region;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code regions} settings: whether the edge routes requests between regions, by forwarding or
 * redirecting, to which peer edges, and how a CDN's country header maps to a region.
 *
 * @param region this node's region
 * @param peers region to the base URL of its edge (no trailing slash)
 * @param countries upper-case ISO 3166 alpha-2 code to region
 */
public record RegionSettings(boolean enabled, String region, Mode mode, Map<String, String> peers,
    String countryHeader, Map<String, String> countries, long forwardTimeoutMs) {

  /** How a request that belongs to another region is answered. */
  public enum Mode { FORWARD, REDIRECT }

  static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public static RegionSettings from(NodeConfig config) {
    Settings s = Settings.of(config).child("regions");
    String region = config.region();
    Mode mode = switch (s.string("mode")) {
      case "forward" -> Mode.FORWARD;
      case "redirect" -> Mode.REDIRECT;
      default -> throw new ConfigException("regions.mode must be forward or redirect, not " + s.string("mode"));
    };
    Map<String, String> peers = new TreeMap<>();
    s.json().getJsonObject("peers", new JsonObject()).forEach(peer -> {
      if (!REGION.matcher(peer.getKey()).matches() || peer.getKey().equals(region)) {
        throw new ConfigException("regions.peers: '" + peer.getKey() + "' is not another region's name");
      }
      peers.put(peer.getKey(), baseUrl(peer.getKey(), String.valueOf(peer.getValue())));
    });
    Map<String, String> countries = new TreeMap<>();
    s.json().getJsonObject("countries", new JsonObject()).forEach(country -> {
      String code = country.getKey().toUpperCase(Locale.ROOT);
      String target = String.valueOf(country.getValue());
      if (!COUNTRY.matcher(code).matches()) {
        throw new ConfigException("regions.countries: '" + country.getKey() + "' is not an ISO country code");
      }
      if (!target.equals(region) && !peers.containsKey(target)) {
        throw new ConfigException("regions.countries." + country.getKey() + ": '" + target
            + "' is neither this region nor a peer");
      }
      countries.put(code, target);
    });
    return new RegionSettings(s.bool("enabled"), region, mode, Map.copyOf(peers), s.string("countryHeader"),
        Map.copyOf(countries), s.positive("forwardTimeoutMs"));
  }

  private static String baseUrl(String region, String value) {
    try {
      URI uri = URI.create(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getQuery() != null) {
        throw new IllegalArgumentException("not an http(s) base URL");
      }
      return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("regions.peers." + region + ": '" + value + "' is not an http(s) base URL");
    }
  }
}
