package org.emporium.reliability.hostile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks that rejected requests change nothing: the stores' {@link Fingerprint} before and after
 * a batch. When some requests of the batch were accepted (or are refusals stored by design), only
 * the rejected ones are sent again, on their own, and checked then. A change is counted only if
 * the rejected requests make it again: work an earlier batch set off can land during any batch.
 */
final class StateWatch {

  /** What sending a batch found: the requests to check, and whether others may have changed the stores. */
  record Sent<T>(List<T> rejected, boolean allRejected, boolean changing) {
  }

  private final Fingerprint fingerprint;
  private Map<String, String> state;

  StateWatch(HostileNode node) {
    this.fingerprint = new Fingerprint(node);
  }

  /**
   * Sends {@code cases} with {@code send} (which counts into {@code tally}; given a fresh tally
   * when sending again). When the rejected ones changed the stores, adds the change to
   * {@code tally} and returns the fewest of them that make it; otherwise an empty list.
   */
  <T> List<T> run(List<T> cases, Tally tally, Sender<T> send, Function<List<T>, String> describe) {
    if (state == null) {
      state = fingerprint.settled();
    }
    Sent<T> sent = send.send(cases, tally);
    if (sent.allRejected()) {
      Map<String, String> after = fingerprint.take();
      List<T> culprits = check(state, after, sent.rejected(), tally, send, describe);
      state = culprits.isEmpty() ? after : null;
      return culprits;
    }
    Map<String, String> before = sent.changing() ? fingerprint.settled() : fingerprint.take();
    send.send(sent.rejected(), new Tally());
    List<T> culprits = check(before, fingerprint.take(), sent.rejected(), tally, send, describe);
    state = null;
    return culprits;
  }

  private <T> List<T> check(Map<String, String> before, Map<String, String> after, List<T> rejected, Tally tally,
      Sender<T> send, Function<List<T>, String> describe) {
    List<String> changed = Fingerprint.changed(before, after);
    if (changed.isEmpty()) {
      return List.of();
    }
    Map<String, String> again = fingerprint.settled();
    send.send(rejected, new Tally());
    List<String> repeated = Fingerprint.changed(again, fingerprint.take());
    if (repeated.isEmpty()) {
      System.out.println("hostile-input: a change in " + changed + " during " + rejected.size()
          + " rejected requests did not repeat (background work of earlier ones): " + describe.apply(rejected));
      return List.of();
    }
    List<T> culprits = narrowed(rejected, send);
    tally.stateChanges++;
    tally.finding("rejected requests changed " + repeated + "; the fewest that do: " + describe.apply(culprits));
    return culprits;
  }

  /** Halves {@code cases} while one half alone still changes the stores. */
  private <T> List<T> narrowed(List<T> cases, Sender<T> send) {
    List<T> current = cases;
    while (current.size() > 1) {
      List<T> first = current.subList(0, current.size() / 2);
      List<T> second = current.subList(current.size() / 2, current.size());
      if (changes(first, send)) {
        current = first;
      } else if (changes(second, send)) {
        current = second;
      } else {
        break;
      }
    }
    return current;
  }

  private <T> boolean changes(List<T> cases, Sender<T> send) {
    Map<String, String> before = fingerprint.settled();
    send.send(cases, new Tally());
    return !Fingerprint.changed(before, fingerprint.take()).isEmpty();
  }

  /** Sends a batch, counting answers into the tally. */
  interface Sender<T> {
    Sent<T> send(List<T> cases, Tally tally);
  }
}
