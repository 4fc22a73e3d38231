package org.emporium.edge.auth;

import org.emporium.platform.auth.Principal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The callers of tokens this edge verticle verified recently, by the exact token text, so a
 * client's next request with the same token skips the signature check. An entry lives until its
 * token's {@code exp}; the least recently used goes when the table is full, and all go whenever an
 * unknown {@code kid} makes the edge fetch an issuer's keys again (a key may have been withdrawn).
 * Use from one Vert.x context.
 */
final class VerifiedTokens {

  private final Map<String, Entry> entries;

  VerifiedTokens(int capacity) {
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The caller, when the token was verified and is not expired by {@code nowSeconds - skewSeconds}. */
  Principal get(String token, long nowSeconds, int skewSeconds) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return null;
    }
    if (nowSeconds - skewSeconds >= entry.expiresAt()) {
      entries.remove(token);
      return null;
    }
    return entry.principal();
  }

  void put(String token, Principal principal, long expiresAt) {
    entries.put(token, new Entry(principal, expiresAt));
  }

  void clear() {
    entries.clear();
  }

  private record Entry(Principal principal, long expiresAt) {
  }
}
