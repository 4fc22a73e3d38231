package org.emporium.edge.api;

import io.vertx.core.Future;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.grpc.v1.CheckReadinessRequest;
import org.emporium.platform.grpc.v1.DependencyStatus;
import org.emporium.platform.grpc.v1.GetNodeRequest;
import org.emporium.platform.grpc.v1.Node;
import org.emporium.platform.grpc.v1.NodeServiceGrpcService;
import org.emporium.platform.grpc.v1.Readiness;
import org.emporium.platform.node.Platform;

/** gRPC {@code emporium.platform.v1.NodeService}: the node's identity and readiness. */
final class NodeGrpcService extends NodeServiceGrpcService {

  private final Platform platform;
  private final HealthChecks checks;

  NodeGrpcService(Platform platform, HealthChecks checks) {
    this.platform = platform;
    this.checks = checks;
  }

  @Override
  public Future<Node> getNode(GetNodeRequest request) {
    return Future.succeededFuture(Node.newBuilder()
        .setNodeId(platform.nodeId())
        .setRegion(platform.region())
        .addAllRoles(platform.config().roles())
        .setVersion(Versions.current())
        .setClusterSize(platform.cluster().getNodes().size())
        .setProfile(platform.config().profile())
        .build());
  }

  @Override
  public Future<Readiness> checkReadiness(CheckReadinessRequest request) {
    return checks.checkStatus().map(result -> {
      Readiness.Builder readiness = Readiness.newBuilder()
          .setState(platform.readiness().state().name())
          .setReady(platform.readiness().isReady() && result.getUp());
      for (CheckResult check : result.getChecks()) {
        JsonObject data = check.getStatus() == null ? null : check.getStatus().getData();
        readiness.addDependencies(DependencyStatus.newBuilder()
            .setName(check.getId())
            .setUp(check.getUp())
            .setReason(data == null ? "" : data.getString("reason", "")));
      }
      return readiness.build();
    });
  }
}
