package org.emporium.platform.events.live;

import io.vertx.core.Vertx;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.EventsSettings;
import org.apache.kafka.clients.admin.Admin;
import org.emporium.platform.config.NodeConfig;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Assembles {@link LiveEvents}; name, topics and route are required. */
public final class LiveEventsBuilder {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  final Vertx vertx;
  final NodeConfig config;
  final Clients clients;
  Admin admin;
  String name;
  List<String> topics = List.of();
  LiveRoute route;
  EventsSettings.Consumer settings;

  LiveEventsBuilder(Vertx vertx, NodeConfig config, Clients clients) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.config = Objects.requireNonNull(config, "config");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.settings = config.events().consumer();
  }

  /** Names the feed, e.g. {@code orders}; its consumer group is {@code live.<name>}. */
  public LiveEventsBuilder name(String name) {
    this.name = name;
    return this;
  }

  public LiveEventsBuilder topics(String... topics) {
    this.topics = List.of(topics);
    return this;
  }

  public LiveEventsBuilder route(LiveRoute route) {
    this.route = route;
    return this;
  }

  /**
   * Creates missing topics before subscribing, so a feed sees the event that would otherwise
   * create its topic (a consumer that starts at the newest offset would miss it).
   */
  public LiveEventsBuilder admin(Admin admin) {
    this.admin = admin;
    return this;
  }

  /** Polling and backoff; {@code events.consumer} of the node's configuration by default. */
  public LiveEventsBuilder settings(EventsSettings.Consumer settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    return this;
  }

  String groupId() {
    return "live." + name;
  }

  public LiveEvents build() {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must be lower-case words joined by '-': " + name);
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("at least one topic is needed");
    }
    Objects.requireNonNull(route, "route");
    return new LiveEvents(this);
  }
}
