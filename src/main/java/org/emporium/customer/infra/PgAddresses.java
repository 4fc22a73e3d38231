package org.emporium.customer.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.customer.application.AddressCursor;
import org.emporium.customer.application.Addresses;
import org.emporium.customer.domain.Address;
import org.emporium.customer.domain.AddressLines;
import org.emporium.customer.domain.SavedAddress;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link Addresses} in {@code customer.address}; every statement is scoped to the owner. */
public final class PgAddresses implements Addresses {

  private static final String COLUMNS = "id, customer_id, name, line1, line2, city, region, postal_code, country, "
      + "phone, created_at, updated_at";
  private static final String COUNT = "SELECT count(*) FROM customer.address WHERE customer_id = $1";
  private static final String FIND = "SELECT " + COLUMNS + " FROM customer.address WHERE customer_id = $1 AND id = $2";
  private static final String INSERT = "INSERT INTO customer.address (" + COLUMNS + ") "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING " + COLUMNS;
  private static final String REPLACE = "UPDATE customer.address SET name = $3, line1 = $4, line2 = $5, city = $6, "
      + "region = $7, postal_code = $8, country = $9, phone = $10, updated_at = $11 "
      + "WHERE id = $1 AND customer_id = $2 RETURNING " + COLUMNS;
  private static final String DELETE = "DELETE FROM customer.address WHERE customer_id = $1 AND id = $2";
  private static final String NEWEST_EXCEPT = "SELECT id FROM customer.address WHERE customer_id = $1 AND id <> $2 "
      + "ORDER BY id DESC LIMIT 1";
  // rank 1 is the default shipping address; ids are time-ordered, so id DESC is newest first
  private static final String PAGE = "SELECT * FROM (SELECT a.id, a.customer_id, a.name, a.line1, a.line2, a.city, "
      + "a.region, a.postal_code, a.country, a.phone, a.created_at, a.updated_at, "
      + "CASE WHEN a.id = p.default_shipping_address_id THEN 1 ELSE 0 END AS rank, "
      + "(a.id = p.default_billing_address_id) IS TRUE AS is_default_billing "
      + "FROM customer.address a JOIN customer.profile p ON p.customer_id = a.customer_id "
      + "WHERE a.customer_id = $1) page "
      + "WHERE $2::int IS NULL OR (rank, id) < ($2::int, $3::uuid) ORDER BY rank DESC, id DESC LIMIT $4";

  private final Clock clock;

  public PgAddresses(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Integer> count(SqlClient client, UUID customerId) {
    return client.preparedQuery(COUNT).execute(Tuple.of(customerId))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  @Override
  public Future<Optional<Address>> find(SqlClient client, UUID customerId, UUID addressId) {
    return client.preparedQuery(FIND).execute(Tuple.of(customerId, addressId)).map(PgAddresses::first);
  }

  @Override
  public Future<Address> insert(SqlClient client, UUID customerId, UUID addressId, AddressLines lines) {
    return client.preparedQuery(INSERT).execute(values(customerId, addressId, lines))
        .map(rows -> first(rows).orElseThrow());
  }

  @Override
  public Future<Optional<Address>> replace(SqlClient client, UUID customerId, UUID addressId, AddressLines lines) {
    return client.preparedQuery(REPLACE).execute(values(customerId, addressId, lines)).map(PgAddresses::first);
  }

  @Override
  public Future<Boolean> delete(SqlClient client, UUID customerId, UUID addressId) {
    return client.preparedQuery(DELETE).execute(Tuple.of(customerId, addressId)).map(rows -> rows.rowCount() > 0);
  }

  @Override
  public Future<Optional<UUID>> newestExcept(SqlClient client, UUID customerId, UUID except) {
    return client.preparedQuery(NEWEST_EXCEPT).execute(Tuple.of(customerId, except))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  @Override
  public Future<List<SavedAddress>> page(SqlClient client, UUID customerId, AddressCursor after, int limit) {
    Tuple params = Tuple.of(customerId, after == null ? null : after.rank(), after == null ? null : after.id(), limit);
    return client.preparedQuery(PAGE).execute(params).map(rows -> {
      List<SavedAddress> page = new ArrayList<>(rows.size());
      rows.forEach(row -> page.add(new SavedAddress(address(row), row.getInteger("rank") == 1,
          row.getBoolean("is_default_billing"))));
      return page;
    });
  }

  private Tuple values(UUID customerId, UUID addressId, AddressLines lines) {
    return Tuple.of(addressId, customerId, lines.name(), lines.line1(), lines.line2(), lines.city(),
        lines.region(), lines.postalCode(), lines.country(), lines.phone(),
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  private static Optional<Address> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(address(rows.iterator().next()));
  }

  private static Address address(Row row) {
    return new Address(row.getUUID("id"), row.getUUID("customer_id"),
        new AddressLines(row.getString("name"), row.getString("line1"), row.getString("line2"),
            row.getString("city"), row.getString("region"), row.getString("postal_code"),
            row.getString("country"), row.getString("phone")),
        row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
  }
}
