package org.emporium.search.application;

import io.vertx.core.json.JsonObject;
import org.emporium.search.domain.Cursor;

import java.util.List;

/** One page of hits (in the REST shape), how many products match, the facets of them all, and where the next page starts. */
public record SearchPage(List<JsonObject> items, long total, JsonObject facets, Cursor next) {
}
