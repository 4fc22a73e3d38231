package org.emporium.identity.domain;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format the reference implementation writes:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in unpadded standard base64.
 */
public record PhcHash(HashCost cost, byte[] salt, byte[] hash) {

  public static final int VERSION = 19;
  private static final Pattern FORMAT = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,6}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{11,88})");

  public PhcHash {
    salt = salt.clone();
    hash = hash.clone();
  }

  /** The hash, or an {@link IllegalArgumentException} when {@code phc} is not an Argon2id v19 PHC string. */
  public static PhcHash parse(String phc) {
    Matcher m = phc == null ? null : FORMAT.matcher(phc);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("not an Argon2id (v=19) PHC string");
    }
    HashCost cost = new HashCost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
    Base64.Decoder decoder = Base64.getDecoder();
    return new PhcHash(cost, decoder.decode(m.group(4)), decoder.decode(m.group(5)));
  }

  public String format() {
    Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=" + VERSION + "$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p="
        + cost.parallelism() + "$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(hash);
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PhcHash p && p.format().equals(format());
  }

  @Override
  public int hashCode() {
    return format().hashCode();
  }

  @Override
  public String toString() {
    return "PhcHash[" + cost + "]";
  }
}
