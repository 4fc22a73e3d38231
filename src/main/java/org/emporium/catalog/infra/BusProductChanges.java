package org.emporium.catalog.infra;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.catalog.application.ProductChanges;

import java.util.Collection;
import java.util.UUID;

/**
 * Announces changes on the clustered event bus ({@code publish}, so every catalog instance of every
 * node hears it): {@code {ids: [...]}} or {@code {all: true}}.
 */
public final class BusProductChanges implements ProductChanges {

  public static final String ADDRESS = "catalog.productsChanged";

  private final EventBus bus;

  public BusProductChanges(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public void changed(Collection<UUID> ids) {
    JsonArray list = new JsonArray();
    ids.forEach(id -> list.add(id.toString()));
    bus.publish(ADDRESS, new JsonObject().put("ids", list));
  }

  @Override
  public void all() {
    bus.publish(ADDRESS, new JsonObject().put("all", true));
  }
}
