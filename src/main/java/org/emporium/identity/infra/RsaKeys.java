package org.emporium.identity.infra;

import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.SigningKey;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/** RSA 2048 signing keys: generation, JWK form, RFC 7638 thumbprints as key ids, PKCS#8 decoding. */
public final class RsaKeys {

  public static final String ALGORITHM = "RS256";
  private static final int BITS = 2048;

  private RsaKeys() {
  }

  /** A new key pair; takes tens to hundreds of milliseconds, so never on an event loop. */
  public static SigningKey generate(Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(BITS);
      KeyPair pair = generator.generateKeyPair();
      RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
      return new SigningKey(thumbprint(publicKey), publicKey, pair.getPrivate(), now, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is part of every Java runtime", e);
    }
  }

  /** The public JWK: {@code {kty, kid, use, alg, n, e}}. */
  public static JsonObject jwk(String kid, RSAPublicKey key) {
    return new JsonObject()
        .put("kty", "RSA")
        .put("kid", kid)
        .put("use", "sig")
        .put("alg", ALGORITHM)
        .put("n", base64Url(key.getModulus()))
        .put("e", base64Url(key.getPublicExponent()));
  }

  public static RSAPublicKey publicKey(JsonObject jwk) {
    Base64.Decoder decoder = Base64.getUrlDecoder();
    RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, decoder.decode(jwk.getString("n"))),
        new BigInteger(1, decoder.decode(jwk.getString("e"))));
    try {
      return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored public key is not an RSA key", e);
    }
  }

  public static PrivateKey privateKey(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored private key is not an RSA PKCS#8 key", e);
    }
  }

  /** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
  public static String thumbprint(RSAPublicKey key) {
    String members = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
        + base64Url(key.getModulus()) + "\"}";
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Unsigned big-endian base64url, as JWK integers are written. */
  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
