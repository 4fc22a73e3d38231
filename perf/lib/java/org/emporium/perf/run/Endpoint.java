package org.emporium.perf.run;

/** A {@code host:port} of one of the node's servers. */
record Endpoint(String host, int port) {

  static Endpoint parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected host:port, got " + hostPort);
    }
    return new Endpoint(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
