package org.emporium.cart.application;

import io.vertx.core.Future;
import org.emporium.platform.auth.Principal;

import java.util.Optional;

/** A signed-in customer's preferred currency, from the customer context; empty when unknown or unreachable. */
public interface Preferences {

  Future<Optional<String>> currency(Principal caller);
}
