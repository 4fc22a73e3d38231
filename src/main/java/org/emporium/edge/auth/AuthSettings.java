package org.emporium.edge.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The edge's token settings ({@code auth.*}, and {@code identity.issuerUrl}/{@code audience} for
 * the built-in issuer), checked when the edge starts. See {@code docs/identity.md}.
 */
public record AuthSettings(List<TrustedIssuer> issuers, Set<String> algorithms, int clockSkewSeconds,
    long discoveryTimeoutMs, long jwksMinRefreshIntervalMs, RolePermissions permissions) {

  /** Asymmetric JWS algorithms only: {@code none} and shared-secret HMAC are never accepted. */
  static final Set<String> SUPPORTED_ALGORITHMS =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

  public AuthSettings {
    issuers = List.copyOf(issuers);
    algorithms = Set.copyOf(algorithms);
  }

  public static AuthSettings from(NodeConfig config) {
    JsonObject json = config.json();
    Section auth = new Section(json.getJsonObject("auth"), "auth");
    RolePermissions permissions = permissions(auth.object("permissions"));
    List<TrustedIssuer> issuers = new ArrayList<>();
    if (auth.bool("builtInIssuer")) {
      Section identity = new Section(json.getJsonObject("identity"), "identity");
      String url = identity.optionalText("issuerUrl");
      issuers.add(new TrustedIssuer(url != null ? url : "http://localhost:" + config.http().port(),
          identity.text("audience"), identity.text("audience"), RoleMapping.builtIn(permissions.roles())));
    }
    Section oidc = auth.child("oidc");
    if (oidc.optionalText("issuer") != null) {
      TrustedIssuer external = external(oidc, permissions.roles());
      if (issuers.stream().anyMatch(issuer -> issuer.url().equals(external.url()))) {
        throw new ConfigException(
            "auth.oidc.issuer is the built-in issuer's URL; set auth.builtInIssuer to false instead");
      }
      issuers.add(external);
    }
    return new AuthSettings(issuers, algorithms(auth.strings("algorithms")),
        (int) auth.number("clockSkewSeconds", 0), auth.number("discoveryTimeoutMs", 1),
        auth.number("jwksMinRefreshIntervalMs", 0), permissions);
  }

  private static TrustedIssuer external(Section oidc, Set<String> roles) {
    String clientId = oidc.optionalText("clientId");
    Map<String, String> clientRoles = oidc.roleMap("clientRoles", roles);
    if (clientId == null && !clientRoles.isEmpty()) {
      throw new ConfigException("auth.oidc.clientRoles needs auth.oidc.clientId");
    }
    Set<String> defaults = new LinkedHashSet<>(oidc.strings("defaultRoles"));
    defaults.stream().filter(role -> !roles.contains(role)).findFirst().ifPresent(role -> {
      throw new ConfigException("auth.oidc.defaultRoles: '" + role + "' is not a role of auth.permissions");
    });
    String audience = oidc.text("audience");
    return new TrustedIssuer(oidc.text("issuer"), audience, clientId != null ? clientId : audience,
        new RoleMapping(oidc.roleMap("realmRoles", roles), clientId, clientRoles, defaults, oidc.text("shopIdClaim")));
  }

  private static Set<String> algorithms(List<String> names) {
    if (names.isEmpty()) {
      throw new ConfigException("auth.algorithms must name at least one algorithm");
    }
    for (String name : names) {
      if (!SUPPORTED_ALGORITHMS.contains(name)) {
        throw new ConfigException("auth.algorithms: '" + name + "' is not accepted (one of "
            + SUPPORTED_ALGORITHMS.stream().sorted().toList() + ")");
      }
    }
    return Set.copyOf(names);
  }

  private static RolePermissions permissions(JsonObject json) {
    Map<String, Set<String>> byRole = new HashMap<>();
    for (String role : json.fieldNames()) {
      if (!(json.getValue(role) instanceof JsonArray list)) {
        throw new ConfigException("auth.permissions." + role + " must be a list of permissions");
      }
      byRole.put(role, Set.copyOf(list.stream().map(String::valueOf).toList()));
    }
    return new RolePermissions(byRole);
  }

  /** Reads one object of the configuration; errors name the full key. */
  private record Section(JsonObject json, String path) {

    Section {
      if (json == null) {
        throw new ConfigException(path + " must be an object");
      }
    }

    Section child(String key) {
      return new Section(object(key), path + "." + key);
    }

    JsonObject object(String key) {
      if (!(json.getValue(key) instanceof JsonObject object)) {
        throw new ConfigException(path + "." + key + " must be an object");
      }
      return object;
    }

    String optionalText(String key) {
      Object value = json.getValue(key);
      return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }

    String text(String key) {
      String value = optionalText(key);
      if (value == null) {
        throw new ConfigException(path + "." + key + " is required");
      }
      return value;
    }

    boolean bool(String key) {
      if (!(json.getValue(key) instanceof Boolean value)) {
        throw new ConfigException(path + "." + key + " must be true or false");
      }
      return value;
    }

    long number(String key, long min) {
      Object value = json.getValue(key);
      long number;
      try {
        number = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(path + "." + key + " must be a whole number");
      }
      if (number < min) {
        throw new ConfigException(path + "." + key + " must be at least " + min + ", not " + number);
      }
      return number;
    }

    List<String> strings(String key) {
      if (!(json.getValue(key) instanceof JsonArray list)) {
        throw new ConfigException(path + "." + key + " must be a list");
      }
      return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Map<String, String> roleMap(String key, Set<String> roles) {
      Map<String, String> mapping = new HashMap<>();
      object(key).forEach(entry -> {
        String role = String.valueOf(entry.getValue());
        if (!roles.contains(role)) {
          throw new ConfigException(path + "." + key + "." + entry.getKey() + ": '" + role
              + "' is not a role of auth.permissions");
        }
        mapping.put(entry.getKey(), role);
      });
      return mapping;
    }
  }
}
