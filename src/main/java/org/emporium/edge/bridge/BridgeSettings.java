package org.emporium.edge.bridge;

import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

/**
 * {@code bridge.*}: a socket that sends no ping for {@code pingTimeoutMs} is closed; one socket
 * holds at most {@code maxHandlersPerSocket} registrations; a websocket message from a client is
 * at most {@code maxMessageBytes}.
 */
public record BridgeSettings(long pingTimeoutMs, int maxHandlersPerSocket, int maxMessageBytes) {

  public static BridgeSettings from(NodeConfig config) {
    Settings s = Settings.of(config).child("bridge");
    return new BridgeSettings(s.positive("pingTimeoutMs"), (int) s.positive("maxHandlersPerSocket"),
        (int) s.positive("maxMessageBytes"));
  }
}
