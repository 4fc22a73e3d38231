package org.emporium.platform.id;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeOrderedIdsTest {

  private static final Instant NOON = Instant.parse("2025-06-01T12:00:00.123Z");

  /** A clock the test moves by hand, forwards or backwards. */
  private static final class HandClock extends Clock {
    private final AtomicLong millis;

    HandClock(long millis) {
      this.millis = new AtomicLong(millis);
    }

    void set(long value) {
      millis.set(value);
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private static List<UUID> take(TimeOrderedIds ids, int count) {
    return IntStream.range(0, count).mapToObj(i -> ids.next()).toList();
  }

  private static void assertStrictlyIncreasing(List<UUID> sequence) {
    for (int i = 1; i < sequence.size(); i++) {
      UUID before = sequence.get(i - 1);
      UUID after = sequence.get(i);
      assertThat(after).as("id %d", i).isGreaterThan(before);
      assertThat(after.toString()).as("text of id %d", i).isGreaterThan(before.toString());
    }
  }

  @Test
  void idsCarryVersionSevenAndTheRfcVariant() {
    for (UUID id : take(new TimeOrderedIds(Clock.systemUTC()), 1_000)) {
      assertThat(id.version()).isEqualTo(7);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(id.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
  }

  @Test
  void idsFromFourThreadsAreUniqueAndIncreasePerThread() {
    TimeOrderedIds ids = new TimeOrderedIds(Clock.systemUTC());
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<List<UUID>>> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return take(ids, 25_000);
      }, command -> new Thread(command).start()));
    }
    start.countDown();
    Set<UUID> all = new HashSet<>();
    for (CompletableFuture<List<UUID>> thread : threads) {
      List<UUID> sequence = thread.join();
      assertStrictlyIncreasing(sequence);
      all.addAll(sequence);
    }
    assertThat(all).hasSize(100_000);
  }

  @Test
  void aStoppedClockStillYieldsIncreasingIds() {
    List<UUID> sequence = take(new TimeOrderedIds(Clock.fixed(NOON, ZoneOffset.UTC)), 10_000);
    assertStrictlyIncreasing(sequence);
    assertThat(TimeOrderedIds.timestampOf(sequence.get(0))).isEqualTo(NOON);
    // The first millisecond holds 2049 to 4096 ids (seed below 2048), the next ones 4096 each
    assertThat(TimeOrderedIds.timestampOf(sequence.get(9_999))).isEqualTo(NOON.plusMillis(2));
  }

  @Test
  void aClockGoingBackwardsStillYieldsIncreasingIds() {
    HandClock clock = new HandClock(NOON.toEpochMilli());
    TimeOrderedIds ids = new TimeOrderedIds(clock);
    List<UUID> sequence = new ArrayList<>(take(ids, 3));
    clock.set(NOON.toEpochMilli() - 60_000);
    sequence.addAll(take(ids, 3));
    assertThat(TimeOrderedIds.timestampOf(sequence.get(5))).isEqualTo(NOON);
    clock.set(NOON.toEpochMilli() + 1);
    sequence.addAll(take(ids, 3));
    assertStrictlyIncreasing(sequence);
    assertThat(TimeOrderedIds.timestampOf(sequence.get(8))).isEqualTo(NOON.plusMillis(1));
  }

  @Test
  void timestampOfReturnsTheClockReading() {
    for (Instant instant : List.of(Instant.EPOCH, NOON, Instant.ofEpochMilli((1L << 48) - 1))) {
      UUID id = new TimeOrderedIds(Clock.fixed(instant, ZoneOffset.UTC)).next();
      assertThat(TimeOrderedIds.timestampOf(id)).isEqualTo(instant);
    }
    assertThatThrownBy(() -> TimeOrderedIds.timestampOf(UUID.randomUUID()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 7");
  }

  @Test
  void aSeededGeneratorRepeatsItsIdsAndTheClockMustFitFortyEightBits() {
    Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);
    assertThat(take(new TimeOrderedIds(clock, new Random(7)), 5))
        .isEqualTo(take(new TimeOrderedIds(clock, new Random(7)), 5));
    TimeOrderedIds beforeEpoch = new TimeOrderedIds(Clock.fixed(Instant.ofEpochMilli(-1), ZoneOffset.UTC));
    assertThatThrownBy(beforeEpoch::next).isInstanceOf(IllegalStateException.class);
  }
}
