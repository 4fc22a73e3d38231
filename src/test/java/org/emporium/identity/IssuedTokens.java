package org.emporium.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Checks access tokens the way a relying party does, with nothing but the published JWKS and the
 * JDK, and turns them into the principal the edge would forward.
 */
final class IssuedTokens {

  private IssuedTokens() {
  }

  static JsonObject header(String jwt) {
    return decode(jwt.split("\\.")[0]);
  }

  /** The claims of {@code jwt}, after its RS256 signature verified under the JWKS key its kid names. */
  static JsonObject verify(String jwt, JsonObject jwks) throws Exception {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new AssertionError("not a compact JWS: " + jwt);
    }
    JsonObject header = decode(parts[0]);
    if (!"RS256".equals(header.getString("alg"))) {
      throw new AssertionError("alg is " + header.getString("alg"));
    }
    JsonObject jwk = jwks.getJsonArray("keys").stream().map(JsonObject.class::cast)
        .filter(k -> k.getString("kid").equals(header.getString("kid"))).findFirst()
        .orElseThrow(() -> new AssertionError("kid " + header.getString("kid") + " is not in the JWKS"));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initVerify(publicKey(jwk));
    signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
      throw new AssertionError("signature does not verify");
    }
    return decode(parts[1]);
  }

  static PublicKey publicKey(JsonObject jwk) throws Exception {
    Base64.Decoder decoder = Base64.getUrlDecoder();
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
        new BigInteger(1, decoder.decode(jwk.getString("n"))), new BigInteger(1, decoder.decode(jwk.getString("e")))));
  }

  /** The principal the edge makes of these claims with the default {@code auth.permissions}. */
  static Principal principal(JsonObject claims) {
    Set<String> roles = new HashSet<>();
    claims.getJsonObject("realm_access").getJsonArray("roles").forEach(r -> roles.add((String) r));
    Set<String> permissions = new HashSet<>();
    if (roles.contains("customer")) {
      permissions.addAll(Set.of("customer:self", "cart:own", "checkout:place", "orders:own"));
    }
    if (roles.contains("seller")) {
      permissions.addAll(Set.of("customer:self", "catalog:write"));
    }
    if (roles.contains("admin")) {
      permissions.add(Principal.ALL_PERMISSIONS);
    }
    return new Principal(claims.getString("sub"), UUID.fromString(claims.getString("sub")), claims.getString("iss"),
        roles, permissions, claims.getString("shop_id"), claims.getString("sid"), claims.getString("email"),
        claims.getString("name"));
  }

  static JsonArray roles(JsonObject claims) {
    return claims.getJsonObject("realm_access").getJsonArray("roles");
  }

  private static JsonObject decode(String part) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
  }
}
