package org.emporium.customer.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.customer.domain.Address;
import org.emporium.customer.domain.AddressLines;
import org.emporium.customer.domain.SavedAddress;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored address books. Every read and write names the owner: another customer's address is never found. */
public interface Addresses {

  Future<Integer> count(SqlClient client, UUID customerId);

  Future<Optional<Address>> find(SqlClient client, UUID customerId, UUID addressId);

  Future<Address> insert(SqlClient client, UUID customerId, UUID addressId, AddressLines lines);

  /** Replaces the lines; empty when the customer has no such address. */
  Future<Optional<Address>> replace(SqlClient client, UUID customerId, UUID addressId, AddressLines lines);

  Future<Boolean> delete(SqlClient client, UUID customerId, UUID addressId);

  /** The newest address other than {@code except}, if any. */
  Future<Optional<UUID>> newestExcept(SqlClient client, UUID customerId, UUID except);

  /** Up to {@code limit} addresses after {@code after} (null: from the start), the default first, then newest first. */
  Future<List<SavedAddress>> page(SqlClient client, UUID customerId, AddressCursor after, int limit);
}
