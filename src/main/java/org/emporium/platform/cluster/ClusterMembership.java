package org.emporium.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.XmlConfigBuilder;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig.ClusterSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Builds the Hazelcast cluster manager from {@code conf/cluster.xml}, with the port, interface and
 * TCP-IP members of the node configuration laid over it.
 */
public final class ClusterMembership {

  private ClusterMembership() {
  }

  public static HazelcastClusterManager clusterManager(ClusterSettings settings, ConfigSource source) {
    return new HazelcastClusterManager(hazelcastConfig(settings, source));
  }

  static Config hazelcastConfig(ClusterSettings settings, ConfigSource source) {
    Config config;
    try (InputStream in = source.open(settings.config())
        .orElseThrow(() -> new ConfigException("cluster config " + settings.config() + " not found"))) {
      config = new XmlConfigBuilder(in).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(settings.portAutoIncrement());
    network.setPublicAddress(null);
    config.setProperty("hazelcast.local.localAddress", settings.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .setConnectionTimeoutSeconds(settings.connectionTimeoutSeconds())
        .setMembers(settings.members());
    return config;
  }
}
