package org.emporium.platform.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates RFC 9562 version 7 UUIDs: a 48-bit Unix millisecond timestamp, a 12-bit counter in
 * {@code rand_a} (method 1) and 62 random bits. Ids of one instance strictly increase, also within a
 * millisecond and when the clock steps back; an instance is thread-safe and lock-free.
 */
public final class TimeOrderedIds {

  private static final int COUNTER_BITS = 12;
  private static final long MAX_MILLIS = (1L << 48) - 1;

  private final Clock clock;
  private final Random random;
  // The last id's (millis << 12 | counter) in one long, so a single CAS advances both together.
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

  /** A generator whose random bits come from a new {@link SecureRandom}. */
  public TimeOrderedIds(Clock clock) {
    this(clock, new SecureRandom());
  }

  /** A generator drawing from {@code random}; every {@link Random} is thread-safe, a seeded one repeats its ids. */
  public TimeOrderedIds(Clock clock, Random random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The next id, greater than every id this instance returned before. */
  public UUID next() {
    long now = clock.millis();
    if (now < 0 || now > MAX_MILLIS) {
      throw new IllegalStateException("Clock reads " + now + " ms, outside the 48-bit range of UUIDv7");
    }
    // A new millisecond seeds the counter below 2048, which leaves room for at least 2048 ids in it
    // and keeps the counter unguessable (RFC 9562 section 6.2, counter rollover guard).
    long fresh = now << COUNTER_BITS | random.nextInt(1 << (COUNTER_BITS - 1));
    // In the same or an earlier millisecond the counter counts on; its overflow carries into the
    // timestamp, which then runs ahead of the clock until the clock catches up.
    long state = last.accumulateAndGet(fresh, (previous, candidate) -> Math.max(previous + 1, candidate));
    long millis = state >>> COUNTER_BITS;
    if (millis > MAX_MILLIS) {
      throw new IllegalStateException("UUIDv7 timestamp exhausted at " + millis + " ms");
    }
    long mostSignificant = millis << 16 | 0x7000L | (state & 0xFFFL);
    long leastSignificant = random.nextLong() >>> 2 | 0x8000_0000_0000_0000L;
    return new UUID(mostSignificant, leastSignificant);
  }

  /** The creation time carried in a version 7 UUID, to the millisecond. */
  public static Instant timestampOf(UUID id) {
    if (id.version() != 7 || id.variant() != 2) {
      throw new IllegalArgumentException("Not an RFC 9562 version 7 UUID: " + id);
    }
    return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
  }
}
