package org.emporium.inventory.application;

import io.vertx.core.Future;

import java.util.Set;

/** The catalog context, asked whether SKUs exist before their first stock is recorded. */
public interface Catalog {

  /** The SKUs of {@code skus} the catalog does not know; fails when it does not answer in time. */
  Future<Set<String>> missing(Set<String> skus);
}
