package org.emporium.edge;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.reflection.v1.ServerReflectionRequest;
import io.vertx.grpc.reflection.v1.ServerReflectionResponse;
import org.emporium.platform.grpc.v1.CheckReadinessRequest;
import org.emporium.platform.grpc.v1.DependencyStatus;
import org.emporium.platform.grpc.v1.GetNodeRequest;
import org.emporium.platform.grpc.v1.Node;
import org.emporium.platform.grpc.v1.NodeServiceGrpcClient;
import org.emporium.platform.grpc.v1.Readiness;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** gRPC on the edge's port (HTTP/2 cleartext), next to REST, with server reflection. */
class GrpcEdgeTest {

  @TempDir
  static Path dataDir;
  static TestNode node;
  static Vertx vertx;
  static GrpcClient grpc;
  static SocketAddress edge;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir);
    vertx = Vertx.vertx();
    grpc = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    edge = SocketAddress.inetSocketAddress(node.httpPort(), "127.0.0.1");
  }

  @AfterAll
  static void stop() throws Exception {
    grpc.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
    node.close();
  }

  @Test
  void nodeServiceAnswersOnTheRestPort() throws Exception {
    NodeServiceGrpcClient client = NodeServiceGrpcClient.create(grpc, edge);
    Node info = client.getNode(GetNodeRequest.getDefaultInstance()).await(10, TimeUnit.SECONDS);
    assertThat(info.getRegion()).isEqualTo("test-1");
    assertThat(info.getRolesList()).containsExactly("all");
    assertThat(info.getClusterSize()).isEqualTo(1);
    assertThat(info.getNodeId()).isNotBlank();

    Readiness readiness = client.checkReadiness(CheckReadinessRequest.getDefaultInstance()).await(10, TimeUnit.SECONDS);
    assertThat(readiness.getReady()).isTrue();
    assertThat(readiness.getState()).isEqualTo("READY");
    assertThat(readiness.getDependenciesList()).extracting(DependencyStatus::getName)
        .containsExactlyInAnyOrder("postgres", "redis", "kafka", "cluster");
    assertThat(readiness.getDependenciesList()).allMatch(DependencyStatus::getUp);
  }

  @Test
  void reflectionListsTheServices() throws Exception {
    ServiceMethod<ServerReflectionResponse, ServerReflectionRequest> reflection = ServiceMethod.client(
        ServiceName.create("grpc.reflection.v1", "ServerReflection"), "ServerReflectionInfo",
        GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(ServerReflectionResponse.newBuilder()));
    GrpcClientResponse<ServerReflectionRequest, ServerReflectionResponse> response = grpc.request(edge, reflection)
        .compose(request -> request.send(ServerReflectionRequest.newBuilder().setListServices("*").build()))
        .await(10, TimeUnit.SECONDS);
    ServerReflectionResponse answer = response.last().await(10, TimeUnit.SECONDS);
    List<String> services = answer.getListServicesResponse().getServiceList().stream()
        .map(s -> s.getName()).toList();
    assertThat(services).contains("emporium.platform.v1.NodeService", "grpc.reflection.v1.ServerReflection");
  }
}
