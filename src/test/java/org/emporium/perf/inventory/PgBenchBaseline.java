package org.emporium.perf.inventory;

import org.emporium.platform.config.PostgresSettings.PgSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hot-row baseline: pgbench running {@code UPDATE ... SET available = available - 1 WHERE
 * sku = $1 AND available >= 1} on one row (prepared, the SKU a bound parameter), on the same server.
 */
final class PgBenchBaseline {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private final PgSettings pg;
  private final Path dir;

  PgBenchBaseline(PgSettings pg, Path dir) {
    this.pg = pg;
    this.dir = dir;
  }

  /** Creates {@code public.bench_hot_row} with one row of a billion units. */
  void prepare() throws IOException, InterruptedException {
    run(List.of("psql", "-h", pg.host(), "-p", String.valueOf(pg.port()), "-U", pg.user(), "-d", pg.database(),
        "-v", "ON_ERROR_STOP=1", "-c", "DROP TABLE IF EXISTS public.bench_hot_row; CREATE TABLE public.bench_hot_row"
            + " (sku text PRIMARY KEY, available int NOT NULL CHECK (available >= 0));"
            + " INSERT INTO public.bench_hot_row VALUES ('HOT-1', 1000000000);"));
  }

  /** Updates per second with {@code clients} connections for {@code seconds}. */
  double tps(int clients, int seconds) throws IOException, InterruptedException {
    Path script = dir.resolve("hot-row.sql");
    Files.writeString(script, "UPDATE public.bench_hot_row SET available = available - 1 WHERE sku = :sku AND available >= 1;\n");
    String out = run(List.of("pgbench", "-h", pg.host(), "-p", String.valueOf(pg.port()), "-U", pg.user(), "-n",
        "-M", "prepared", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
        "-T", String.valueOf(seconds), "-D", "sku=HOT-1", "-f", script.toString(), pg.database()));
    Matcher m = TPS.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no tps in pgbench output:\n" + out);
    }
    return Double.parseDouble(m.group(1));
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (pg.password() != null) {
      builder.environment().put("PGPASSWORD", pg.password());
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }
}
