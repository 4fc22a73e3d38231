package org.emporium.identity.application;

import io.vertx.core.Future;

import java.util.UUID;

/** The customer context, asked to make a profile for a new account. */
public interface CustomerProfiles {

  Future<Void> create(UUID customerId, String email, String name);
}
