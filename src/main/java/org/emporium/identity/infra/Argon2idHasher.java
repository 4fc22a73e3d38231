package org.emporium.identity.infra;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.emporium.identity.domain.HashCost;
import org.emporium.identity.domain.PasswordHasher;
import org.emporium.identity.domain.PhcHash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/** Argon2id (RFC 9106) by BouncyCastle: 16-byte random salt, 32-byte hash, PHC strings. Blocking. */
public final class Argon2idHasher implements PasswordHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final HashCost cost;
  private final SecureRandom random;

  public Argon2idHasher(HashCost cost, SecureRandom random) {
    this.cost = cost;
    this.random = random;
  }

  @Override
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new PhcHash(cost, salt, derive(password, cost, salt, HASH_BYTES)).format();
  }

  @Override
  public boolean verify(String password, String phc) {
    PhcHash stored;
    try {
      stored = PhcHash.parse(phc);
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] expected = stored.hash();
    byte[] actual = derive(password, stored.cost(), stored.salt(), expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  @Override
  public boolean needsRehash(String phc) {
    try {
      PhcHash stored = PhcHash.parse(phc);
      return !stored.cost().equals(cost) || stored.salt().length != SALT_BYTES || stored.hash().length != HASH_BYTES;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static byte[] derive(String password, HashCost cost, byte[] salt, int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(cost.memoryKib())
        .withIterations(cost.iterations())
        .withParallelism(cost.parallelism())
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(secret, out);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return out;
  }
}
