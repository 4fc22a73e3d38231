package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What every result is recorded with: the machine, its load, the JDK and the code measured. */
final class Machine {

  private Machine() {
  }

  static ObjectNode describe(String commit) {
    ObjectNode machine = Json.object()
        .put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")))
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("memoryGiB", firstValue(Path.of("/proc/meminfo"), "MemTotal")
            .map(kb -> Math.round(Long.parseLong(kb.replace("kB", "").trim()) / 1024.0 / 1024.0 * 10) / 10.0)
            .orElse(-1.0))
        .put("os", firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(v -> v.replace("\"", ""))
            .orElse(System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version"))
        .put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
        .put("loadAverage", loadAverage())
        .put("commit", commit);
    return machine;
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return String.join(" ", List.of(parts).subList(0, 3));
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The value of the first {@code key: value} or {@code key=value} line of a file. */
  private static Optional<String> firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          int at = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('=');
          return Optional.of(line.substring(at + 1).trim());
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
