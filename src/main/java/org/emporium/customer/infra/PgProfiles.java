package org.emporium.customer.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.customer.application.Profiles;
import org.emporium.customer.domain.Defaults;
import org.emporium.customer.domain.NewProfile;
import org.emporium.customer.domain.Preferences;
import org.emporium.customer.domain.Profile;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link Profiles} in {@code customer.profile}. */
public final class PgProfiles implements Profiles {

  private static final String COLUMNS = "customer_id, email, name, currency, locale, time_zone, home_region, roles, "
      + "default_shipping_address_id, default_billing_address_id, created_at, updated_at";
  private static final String FIND = "SELECT " + COLUMNS + " FROM customer.profile WHERE customer_id = $1";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String INSERT = "INSERT INTO customer.profile (customer_id, email, name, roles, created_at, "
      + "updated_at) VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (customer_id) DO NOTHING RETURNING " + COLUMNS;
  private static final String SAVE = "UPDATE customer.profile SET name = $2, currency = $3, locale = $4, "
      + "time_zone = $5, home_region = $6, updated_at = $7 WHERE customer_id = $1 RETURNING " + COLUMNS;
  private static final String SAVE_ROLES = "UPDATE customer.profile SET roles = $2 WHERE customer_id = $1 RETURNING "
      + COLUMNS;
  private static final String SAVE_DEFAULTS = "UPDATE customer.profile SET default_shipping_address_id = $2, "
      + "default_billing_address_id = $3, updated_at = $4 WHERE customer_id = $1";

  private final Clock clock;

  public PgProfiles(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Optional<Profile>> find(SqlClient client, UUID customerId) {
    return client.preparedQuery(FIND).execute(Tuple.of(customerId)).map(PgProfiles::first);
  }

  @Override
  public Future<Optional<Profile>> lock(SqlClient tx, UUID customerId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(customerId)).map(PgProfiles::first);
  }

  @Override
  public Future<Optional<Profile>> insertIfAbsent(SqlClient client, NewProfile profile) {
    return client.preparedQuery(INSERT).execute(Tuple.of(profile.customerId(), profile.email(), profile.name(),
        profile.roles().toArray(new String[0]), now())).map(PgProfiles::first);
  }

  @Override
  public Future<Profile> saveNameAndPreferences(SqlClient client, Profile profile) {
    Preferences p = profile.preferences();
    return client.preparedQuery(SAVE).execute(Tuple.of(profile.customerId(), profile.name(), p.currency(),
        p.locale(), p.timeZone(), p.homeRegion(), now())).map(rows -> first(rows).orElseThrow());
  }

  @Override
  public Future<Profile> saveRoles(SqlClient client, UUID customerId, List<String> roles) {
    // built member by member: Tuple.of(id, array) would spread the array as varargs
    Tuple params = Tuple.tuple().addUUID(customerId).addArrayOfString(roles.toArray(new String[0]));
    return client.preparedQuery(SAVE_ROLES).execute(params)
        .map(rows -> first(rows).orElseThrow());
  }

  @Override
  public Future<Void> saveDefaults(SqlClient client, UUID customerId, Defaults defaults) {
    return client.preparedQuery(SAVE_DEFAULTS)
        .execute(Tuple.of(customerId, defaults.shipping(), defaults.billing(), now())).mapEmpty();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Optional<Profile> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(profile(rows.iterator().next()));
  }

  private static Profile profile(Row row) {
    return new Profile(row.getUUID("customer_id"), row.getString("email"), row.getString("name"),
        new Preferences(row.getString("currency"), row.getString("locale"), row.getString("time_zone"),
            row.getString("home_region")),
        List.of(row.getArrayOfStrings("roles")), row.getUUID("default_shipping_address_id"),
        row.getUUID("default_billing_address_id"), row.getOffsetDateTime("created_at").toInstant(),
        row.getOffsetDateTime("updated_at").toInstant());
  }
}
