package org.emporium.reliability.faults;

/**
 * How long and how hard: {@code short} (the default test command) or {@code full}, from the system
 * property {@code reliability.mode}. Durations in seconds.
 *
 * @param rate checkouts started per second, spread over the nodes
 * @param beforeFault load before each fault
 * @param afterKill load after the kill (the cluster notices a lost member within 10 s)
 * @param afterRestart load after PostgreSQL or Redis is back
 * @param kafkaOutage how long Kafka is down; the load runs for its first half, the second half is quiet
 */
record Mode(String name, double rate, int beforeFault, int afterKill, int afterRestart, int kafkaOutage) {

  static Mode current() {
    String name = System.getProperty("reliability.mode", "short");
    return switch (name) {
      case "short" -> new Mode(name, 4, 3, 10, 4, 10);
      case "full" -> new Mode(name, 6, 30, 60, 30, 60);
      default -> throw new IllegalArgumentException("reliability.mode is short or full, not " + name);
    };
  }
}
