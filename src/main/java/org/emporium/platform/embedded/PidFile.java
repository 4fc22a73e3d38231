package org.emporium.platform.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The pid file a child server keeps in its data directory. A node killed without a clean stop
 * leaves it behind, either with its server still running (an orphan holding the port and the data)
 * or naming a pid the system has since given to an unrelated process.
 */
record PidFile(Path path) {

  private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);

  /**
   * Makes the directory startable again; call it only while holding the directory's lock, so a
   * server found running cannot belong to a live node. An orphan (the named process runs {@code
   * executable} in this directory: both servers chdir into their data) gets SIGTERM, a clean
   * shutdown that keeps its data. A file naming any other process is deleted: the server would take
   * that live pid for its owner and refuse to start (likely in containers, where pids are reused).
   */
  void clearLeftover(String executable, Duration timeout) {
    try {
      if (!Files.exists(path)) {
        return;
      }
      Optional<ProcessHandle> owner = pid().flatMap(ProcessHandle::of).filter(PidFile::isRunning);
      if (owner.isPresent() && isOrphan(owner.get(), executable)) {
        LOG.warn("Stopping {} (pid {}) left running by a previous run on {}", executable,
            owner.get().pid(), path.getParent());
        owner.get().destroy();
        awaitExit(owner.get(), executable, timeout);
      }
      if (Files.deleteIfExists(path)) {
        LOG.warn("Deleted stale {}", path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while clearing " + path, e);
    }
  }

  /**
   * Polls rather than onExit(): the orphan is not our child, so it stays a zombie, "alive" to
   * ProcessHandle, until its new parent reaps it, which some init processes do only every
   * few seconds.
   */
  private void awaitExit(ProcessHandle process, String executable, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isRunning(process)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("A " + executable + " left running on " + path.getParent()
            + " did not stop within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(20);
    }
  }

  private boolean isOrphan(ProcessHandle process, String executable) throws IOException {
    Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
    Optional<String> command = process.info().command();
    if (!Files.exists(cwd) || command.isEmpty()) {
      if (!isRunning(process)) {
        return false;
      }
      // cannot tell an orphaned server from an unrelated program: deleting the file could let two
      // servers share one data directory
      throw new IllegalStateException(path + " names live pid " + process.pid()
          + " that cannot be inspected; stop it or delete the file");
    }
    return Path.of(command.get()).getFileName().toString().startsWith(executable)
        && Files.isSameFile(cwd, path.getParent());
  }

  /** Alive and not a zombie: a zombie holds no port and no file. */
  private static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return process.isAlive();
    }
  }

  private Optional<Long> pid() throws IOException {
    List<String> lines = Files.readAllLines(path);
    try {
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
