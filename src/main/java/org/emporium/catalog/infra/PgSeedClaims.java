package org.emporium.catalog.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.emporium.catalog.application.SeedClaims;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@link SeedClaims} as a row in {@code catalog.seed_run}, written only while the catalog is empty. */
public final class PgSeedClaims implements SeedClaims {

  private static final String CLAIM = "INSERT INTO catalog.seed_run (name, started_at) "
      + "SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM catalog.product) ON CONFLICT (name) DO NOTHING";

  private final Clock clock;

  public PgSeedClaims(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Boolean> claimIfEmpty(Pool pool, String name) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(name, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
        .map(rows -> rows.rowCount() == 1);
  }
}
