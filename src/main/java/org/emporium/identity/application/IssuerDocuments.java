package org.emporium.identity.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.SigningKey;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The issuer's public documents: OpenID discovery and the JWKS of its published keys. */
public final class IssuerDocuments {

  private final IdentitySettings settings;
  private final Supplier<List<SigningKey>> published;
  private final Function<SigningKey, JsonObject> jwk;

  /** @param jwk the public JWK of a key */
  public IssuerDocuments(IdentitySettings settings, Supplier<List<SigningKey>> published,
      Function<SigningKey, JsonObject> jwk) {
    this.settings = settings;
    this.published = published;
    this.jwk = jwk;
  }

  public JsonObject discovery() {
    String base = settings.issuerBase();
    return new JsonObject()
        .put("issuer", settings.issuer())
        .put("jwks_uri", base + "/.well-known/jwks.json")
        .put("token_endpoint", base + "/api/v1/auth/login")
        .put("response_types_supported", new JsonArray().add("token"))
        .put("subject_types_supported", new JsonArray().add("public"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
        .put("grant_types_supported", new JsonArray().add("password").add("refresh_token"))
        .put("claims_supported", new JsonArray().add("iss").add("sub").add("aud").add("iat").add("nbf").add("exp")
            .add("jti").add("sid").add("email").add("name").add("realm_access").add("shop_id"));
  }

  public JsonObject jwks() {
    JsonArray keys = new JsonArray();
    published.get().forEach(key -> keys.add(jwk.apply(key)));
    return new JsonObject().put("keys", keys);
  }
}
