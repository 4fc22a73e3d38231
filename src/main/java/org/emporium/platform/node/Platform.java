package org.emporium.platform.node;

import io.vertx.core.spi.cluster.ClusterManager;
import org.apache.kafka.clients.admin.Admin;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.id.TimeOrderedIds;

import java.time.Clock;

/**
 * What a node gives each of its verticles: configuration, clock, time-ordered ids, data clients,
 * the cluster and the node's readiness. Verticles take it in their constructor; nothing is reached
 * through statics.
 */
public record Platform(
    NodeConfig config,
    Clock clock,
    TimeOrderedIds ids,
    Clients clients,
    Readiness readiness,
    ClusterManager cluster,
    Admin kafkaAdmin) {

  public String nodeId() {
    return cluster.getNodeId();
  }

  public String region() {
    return config.region();
  }
}
