package org.emporium.identity.infra;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Protects private signing keys at rest: AES-256-GCM under a key derived with HKDF-SHA256 from
 * {@code identity.keyEncryptionSecret}, a fresh 96-bit nonce per key, the key id as associated
 * data (a ciphertext moved to another row does not decrypt). Stored as nonce followed by
 * ciphertext and tag. Without a secret, keys are stored as plain PKCS#8.
 */
public final class KeyCipher {

  public static final String NONE = "none";
  public static final String AES_GCM = "aes-256-gcm";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] SALT = "emporium.identity".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INFO = "signing-key-encryption-v1".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec key;
  private final SecureRandom random;

  private KeyCipher(SecretKeySpec key, SecureRandom random) {
    this.key = key;
    this.random = random;
  }

  /** A cipher for {@code secret}, or one that stores keys in the clear when it is null or blank. */
  public static KeyCipher of(String secret, SecureRandom random) {
    if (secret == null || secret.isBlank()) {
      return new KeyCipher(null, random);
    }
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(secret.getBytes(StandardCharsets.UTF_8), SALT, INFO));
    byte[] derived = new byte[32];
    hkdf.generateBytes(derived, 0, derived.length);
    return new KeyCipher(new SecretKeySpec(derived, "AES"), random);
  }

  /** How keys written now are protected: {@link #NONE} or {@link #AES_GCM}. */
  public String protection() {
    return key == null ? NONE : AES_GCM;
  }

  public byte[] seal(String kid, byte[] pkcs8) {
    if (key == null) {
      return pkcs8.clone();
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, kid, nonce, pkcs8);
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  public byte[] open(String kid, String protection, byte[] stored) {
    if (NONE.equals(protection)) {
      return stored.clone();
    }
    if (!AES_GCM.equals(protection)) {
      throw new IllegalStateException("signing key " + kid + " is protected by unknown scheme " + protection);
    }
    if (key == null) {
      throw new IllegalStateException("signing key " + kid
          + " is encrypted: set identity.keyEncryptionSecret to the secret it was written with");
    }
    byte[] nonce = Arrays.copyOfRange(stored, 0, NONCE_BYTES);
    return crypt(Cipher.DECRYPT_MODE, kid, nonce, Arrays.copyOfRange(stored, NONCE_BYTES, stored.length));
  }

  private byte[] crypt(int mode, String kid, byte[] nonce, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing key " + kid + " cannot be "
          + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted (wrong identity.keyEncryptionSecret?)"), e);
    }
  }
}
