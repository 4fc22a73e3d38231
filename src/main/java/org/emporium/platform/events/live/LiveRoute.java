package org.emporium.platform.events.live;

import org.emporium.platform.events.CloudEvent;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Chooses the events that go live and where: empty for an event nobody watches. */
@FunctionalInterface
public interface LiveRoute {

  Optional<LiveMessage> select(CloudEvent event);

  /**
   * Events of the given types, published whole (the CloudEvents JSON) on the address {@code address}
   * gives, e.g. {@code event -> "emporium.orders." + event.data().getString("customerId")}; an event
   * without an address (null) is skipped.
   */
  static LiveRoute forTypes(Set<String> types, Function<CloudEvent, String> address) {
    Set<String> selected = Set.copyOf(types);
    return event -> {
      if (!selected.contains(event.type())) {
        return Optional.empty();
      }
      return Optional.ofNullable(address.apply(event)).map(to -> new LiveMessage(to, event.toJson()));
    };
  }
}
