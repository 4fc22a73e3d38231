package org.emporium.customer.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.customer.domain.Defaults;
import org.emporium.customer.domain.NewProfile;
import org.emporium.customer.domain.Profile;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored profiles. Methods run on the client given, so they can join a use case's transaction. */
public interface Profiles {

  Future<Optional<Profile>> find(SqlClient client, UUID customerId);

  /** Reads and locks the profile until the transaction ends; serialises changes of one customer. */
  Future<Optional<Profile>> lock(SqlClient tx, UUID customerId);

  /** Inserts unless the customer already has a profile; the new profile, or empty when there was one. */
  Future<Optional<Profile>> insertIfAbsent(SqlClient client, NewProfile profile);

  /** Writes name and preferences; stamps {@code updated_at}. */
  Future<Profile> saveNameAndPreferences(SqlClient client, Profile profile);

  /** Writes the roles last seen; not a change of the customer's data, so {@code updated_at} stays. */
  Future<Profile> saveRoles(SqlClient client, UUID customerId, List<String> roles);

  Future<Void> saveDefaults(SqlClient client, UUID customerId, Defaults defaults);
}
