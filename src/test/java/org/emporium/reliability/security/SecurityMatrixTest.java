package org.emporium.reliability.security;

import org.emporium.reliability.Scorecard;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.ProtoServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OWASP API Security Top 10 (2023) against one real node of every context (scorecard suite
 * {@code security}): one row per check, with what was tried and what got through ({@code leaked},
 * target 0). Real requests over REST, gRPC and the bridge; each check also has a control that
 * must pass (the owner reaching her own order, the genuine token, the signed webhook), so that a
 * refusal proves the defence and not a broken request.
 */
class SecurityMatrixTest {

  static HostileNode node;
  static Scorecard scorecard;
  static GrpcProbe grpc;

  @BeforeAll
  static void start() {
    node = HostileNode.shared();
    grpc = new GrpcProbe(node);
    scorecard = new Scorecard("security", "Security (OWASP API Security Top 10, 2023)",
        "full".equals(System.getProperty("reliability.mode", "short")) ? "full" : "short");
  }

  @AfterAll
  static void write() {
    if (grpc != null) {
      grpc.close();
    }
    if (scorecard != null) {
      scorecard.write();
    }
  }

  private static void assertHeld(Check... checks) {
    List<String> findings = new ArrayList<>();
    for (Check check : checks) {
      findings.addAll(check.record(scorecard));
      assertThat(check.tried).as("%s tried something", check.name).isPositive();
    }
    assertThat(findings).as("leaks").isEmpty();
  }

  @Test
  void api1ObjectLevelAuthorization() {
    ObjectLevel objects = new ObjectLevel(node, grpc);
    List<Check> bridge = new BridgeChecks(node).run();
    assertHeld(objects.carts(), objects.orders(), objects.payments(), objects.addresses(), bridge.get(0),
        bridge.get(1));
  }

  @Test
  void api2Authentication() {
    Authentication authentication = new Authentication(node, grpc);
    try (Trap trap = new Trap(node.vertx())) {
      assertHeld(authentication.forgedTokens(trap), authentication.refreshReuse(), authentication.passwordGuessing());
    }
  }

  @Test
  void api3PropertyLevelAuthorization() {
    PropertyLevel properties = new PropertyLevel(node, grpc);
    assertHeld(properties.massAssignment(), properties.grpcPrice(), properties.noSecretsInAnswers());
  }

  @Test
  void api4ResourceConsumption() {
    ResourceLimits limits = new ResourceLimits(node);
    assertHeld(limits.bodyLimit(), limits.pageSize(), limits.cartLines(), limits.requestRate());
  }

  @Test
  void api5FunctionLevelAuthorization() {
    FunctionLevel functions = new FunctionLevel(node, grpc);
    assertHeld(functions.restOperations(), functions.grpcMethods(), functions.sellerScope());
  }

  @Test
  void api6SensitiveBusinessFlows() {
    BusinessFlows flows = new BusinessFlows(node);
    assertHeld(flows.checkoutOnce(), flows.refundWithinCapture());
  }

  @Test
  void api7ServerSideRequestForgeryAndApi10UnsafeConsumption() {
    Consumption consumption = new Consumption(node);
    try (Trap trap = new Trap(node.vertx())) {
      assertHeld(consumption.storedUrls(trap), consumption.signedWebhooks());
    }
  }

  @Test
  void api8MisconfigurationAndApi9Inventory() {
    Configuration configuration = new Configuration(node);
    Set<String> services = ProtoServices.methods().stream().map(m -> m.getService().getFullName())
        .collect(Collectors.toSet());
    assertHeld(configuration.errorsAndHeaders(), configuration.cors(), configuration.inventory(grpc, services));
  }
}
