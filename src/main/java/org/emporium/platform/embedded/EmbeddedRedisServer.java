package org.emporium.platform.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (6.2, bundled by embedded-redis) run as a child process, persisting to an
 * append-only file in its data directory so a restart keeps the data.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);
  private static final String HOST = "127.0.0.1";
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
  private static final int BUSY_ATTEMPTS = 5;
  private static final long BUSY_PAUSE_MS = 50;

  private final RedisServer redis;
  private final DirectoryLock lock;
  private final int port;

  private EmbeddedRedisServer(RedisServer redis, DirectoryLock lock, int port) {
    this.redis = redis;
    this.lock = lock;
    this.port = port;
  }

  /**
   * Starts redis-server on {@code directory} and {@code port} on 127.0.0.1, 0 picking a free port.
   * Blocks until it accepts connections, which is after it has replayed its append-only file.
   */
  public static EmbeddedRedisServer start(Path directory, int port) {
    long begin = System.nanoTime();
    DirectoryLock lock = null;
    try {
      Files.createDirectories(directory);
      Path absolute = directory.toAbsolutePath();
      // redis keeps no lock of its own: ours tells a live node's server from a killed node's orphan
      lock = DirectoryLock.acquire(absolute.resolve("redis.lock"));
      Path pidFile = absolute.resolve("redis.pid");
      new PidFile(pidFile).clearLeftover("redis-server", ORPHAN_STOP_WAIT);
      int chosen = FreePorts.orFree(port);
      RedisServer redis = RedisServer.newRedisServer()
          .bind(HOST)
          .port(chosen)
          .setting("dir " + quoted(absolute))
          .setting("pidfile " + quoted(pidFile))
          .setting("appendonly yes")
          // at most one second of writes lost on a power cut; a killed process loses nothing
          .setting("appendfsync everysec")
          // the append-only file is the durable copy; RDB snapshots would only add forks
          .setting("save \"\"")
          // embedded-redis drains the server's output only when listeners are set: without them a
          // full pipe would block the server once it has logged enough
          .soutListener(line -> LOG.debug("redis: {}", line))
          .serrListener(line -> LOG.warn("redis: {}", line))
          .build();
      startExecutable(redis);
      LOG.info("Embedded Redis listening on {}:{} (data {}, appendonly, appendfsync everysec), "
              + "started in {} ms", HOST, chosen, directory,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      return new EmbeddedRedisServer(redis, lock, chosen);
    } catch (IOException e) {
      release(lock);
      throw new UncheckedIOException("Embedded Redis did not start on " + directory, e);
    } catch (RuntimeException e) {
      release(lock);
      throw e;
    }
  }

  /**
   * Runs the extracted redis-server. Another child process forked while the executable was being
   * written (the embedded servers start side by side) holds its write descriptor for an instant,
   * and exec then fails with ETXTBSY ("Text file busy"): that is retried after a pause.
   */
  private static void startExecutable(RedisServer redis) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        redis.start();
        return;
      } catch (IOException e) {
        if (attempt == BUSY_ATTEMPTS || !textFileBusy(e)) {
          throw e;
        }
        LOG.debug("redis-server executable busy (attempt {}), retrying", attempt);
        try {
          Thread.sleep(BUSY_PAUSE_MS * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean textFileBusy(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains("error=26")) {
        return true;
      }
    }
    return false;
  }

  /** redis.conf syntax: a path in double quotes, so spaces do not split it. */
  private static String quoted(Path path) {
    return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void release(DirectoryLock lock) {
    if (lock != null) {
      lock.close();
    }
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  /** SIGTERM: redis flushes the append-only file and exits. */
  public void stop() {
    long begin = System.nanoTime();
    try {
      redis.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded Redis did not stop on port " + port, e);
    } finally {
      lock.close();
    }
    LOG.info("Embedded Redis on port {} stopped in {} ms", port,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
  }

  @Override
  public void close() {
    stop();
  }
}
