package org.emporium.catalog.application;

import java.util.Collection;
import java.util.UUID;

/** Tells every node's product cache, after a commit, that products (or all of them) changed. */
public interface ProductChanges {

  void changed(Collection<UUID> ids);

  /** A brand or category changed: every snapshot that names it is stale. */
  void all();
}
