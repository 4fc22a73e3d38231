package org.emporium.edge.grpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.sqlclient.Row;
import org.emporium.customer.CustomerFixture;
import org.emporium.edge.grpc.customer.v1.AddAddressRequest;
import org.emporium.edge.grpc.customer.v1.AddressInput;
import org.emporium.edge.grpc.customer.v1.AddressPage;
import org.emporium.edge.grpc.customer.v1.Customer;
import org.emporium.edge.grpc.customer.v1.CustomerServiceGrpcClient;
import org.emporium.edge.grpc.customer.v1.DeleteAddressRequest;
import org.emporium.edge.grpc.customer.v1.GetCustomerRequest;
import org.emporium.edge.grpc.customer.v1.GetProfileRequest;
import org.emporium.edge.grpc.customer.v1.ListAddressesRequest;
import org.emporium.edge.grpc.customer.v1.Preferences;
import org.emporium.edge.grpc.customer.v1.ReplaceAddressRequest;
import org.emporium.edge.grpc.customer.v1.SavedAddress;
import org.emporium.edge.grpc.customer.v1.UpdateProfileRequest;
import org.emporium.platform.auth.Principal;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code CustomerService} over gRPC, served by {@link CustomerGrpcService} on a server of its own,
 * in front of the real customer context (PostgreSQL, Redis) of a test node.
 */
class CustomerGrpcServiceTest {

  private static final UUID ALICE = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();

  @TempDir
  static Path dir;
  static CustomerFixture fixture;
  static HttpServer server;
  static Vertx clientVertx;
  static GrpcClient grpc;
  static SocketAddress address;

  @BeforeAll
  static void start() throws Exception {
    fixture = CustomerFixture.start(dir, Map.of());
    Vertx vertx = fixture.vertx();
    TokenAuthenticator tokens = new TokenAuthenticator(Map.of(
        "alice", CustomerFixture.customer(ALICE, "alice@example.com", "Alice"),
        "bob", CustomerFixture.customer(BOB, "bob@example.com", "Bob"),
        "admin", CustomerFixture.admin(UUID.randomUUID(), "admin@example.com")));
    GrpcServer grpcServer = GrpcServer.server(vertx).addService(new CustomerGrpcService(vertx, tokens, 5_000));
    int port = TestNode.freePort();
    server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(true))
        .requestHandler(grpcServer).listen(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
    clientVertx = Vertx.vertx();
    grpc = GrpcClient.client(clientVertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    address = SocketAddress.inetSocketAddress(port, "127.0.0.1");
  }

  @AfterAll
  static void stop() throws Exception {
    grpc.close().await(5, TimeUnit.SECONDS);
    clientVertx.close().await(5, TimeUnit.SECONDS);
    server.close().await(5, TimeUnit.SECONDS);
    fixture.close();
  }

  private static CustomerServiceGrpcClient as(String token) {
    return CustomerServiceGrpcClient.create(new BearerGrpcClient(grpc, token), address);
  }

  private static <T> T await(Future<T> call) throws Exception {
    return call.await(15, TimeUnit.SECONDS);
  }

  private static void assertStatus(Future<?> call, GrpcStatus status) {
    assertThatThrownBy(() -> await(call)).isInstanceOfSatisfying(InvalidStatusException.class,
        e -> assertThat(e.actualStatus()).isEqualTo(status));
  }

  private static AddressInput.Builder address(String line1) {
    return AddressInput.newBuilder().setName("Alice").setLine1(line1).setCity("Lyon").setPostalCode("69001")
        .setCountry("FR");
  }

  @Test
  void aCustomerReadsAndChangesTheirOwnProfile() throws Exception {
    Customer profile = await(as("alice").getProfile(GetProfileRequest.getDefaultInstance()));
    assertThat(profile.getCustomerId()).isEqualTo(ALICE.toString());
    assertThat(profile.getEmail()).isEqualTo("alice@example.com");
    assertThat(profile.getRolesList()).containsExactly("customer");
    assertThat(profile.getCreatedAt()).isNotBlank();

    Customer updated = await(as("alice").updateProfile(UpdateProfileRequest.newBuilder().setName("Alice Liddell")
        .setPreferences(Preferences.newBuilder().setTimeZone("Europe/Paris").setCurrency("EUR")).build()));
    assertThat(updated.getName()).isEqualTo("Alice Liddell");
    assertThat(updated.getPreferences().getTimeZone()).isEqualTo("Europe/Paris");
    assertThat(updated.getPreferences().hasLocale()).isFalse();
    Row row = fixture.rows("SELECT name, time_zone, currency FROM customer.profile WHERE customer_id = $1", ALICE)
        .get(0);
    assertThat(row.getString("name")).isEqualTo("Alice Liddell");
    assertThat(row.getString("time_zone")).isEqualTo("Europe/Paris");
    assertThat(await(as("alice").getProfile(GetProfileRequest.getDefaultInstance())).getPreferences().getCurrency())
        .isEqualTo("EUR");
  }

  @Test
  void onlyAnAdminReadsAnotherCustomer() throws Exception {
    await(as("bob").getProfile(GetProfileRequest.getDefaultInstance()));
    GetCustomerRequest bob = GetCustomerRequest.newBuilder().setCustomerId(BOB.toString()).build();
    assertStatus(as("alice").getCustomer(bob), GrpcStatus.PERMISSION_DENIED);
    Customer read = await(as("admin").getCustomer(bob));
    assertThat(read.getEmail()).isEqualTo("bob@example.com");
    assertStatus(as("admin").getCustomer(GetCustomerRequest.newBuilder()
        .setCustomerId(UUID.randomUUID().toString()).build()), GrpcStatus.NOT_FOUND);
  }

  @Test
  void callsWithoutAValidTokenAreUnauthenticated() throws Exception {
    assertStatus(as(null).getProfile(GetProfileRequest.getDefaultInstance()), GrpcStatus.UNAUTHENTICATED);
    assertStatus(as("forged").addAddress(AddAddressRequest.newBuilder().setAddress(address("1 Rue")).build()),
        GrpcStatus.UNAUTHENTICATED);
    assertThat(fixture.rows("SELECT 1 FROM customer.address WHERE line1 = '1 Rue'")).isEmpty();
  }

  @Test
  void addressesBelongToTheirOwnerOnly() throws Exception {
    SavedAddress saved = await(as("alice").addAddress(AddAddressRequest.newBuilder()
        .setAddress(address("2 Rue de la Paix").setPhone("+33123456789")).build()));
    assertThat(saved.getIsDefault()).isTrue();
    assertThat(saved.getPhone()).isEqualTo("+33123456789");
    assertThat(saved.hasLine2()).isFalse();
    AddressPage page = await(as("alice").listAddresses(ListAddressesRequest.newBuilder().setLimit(10).build()));
    assertThat(page.getItemsList()).extracting(SavedAddress::getAddressId).contains(saved.getAddressId());
    assertThat(page.hasNextCursor()).isFalse();

    assertStatus(as("bob").replaceAddress(ReplaceAddressRequest.newBuilder().setAddressId(saved.getAddressId())
        .setAddress(address("Stolen")).build()), GrpcStatus.NOT_FOUND);
    assertStatus(as("bob").deleteAddress(DeleteAddressRequest.newBuilder().setAddressId(saved.getAddressId())
        .build()), GrpcStatus.NOT_FOUND);
    assertThat(fixture.rows("SELECT line1 FROM customer.address WHERE id = $1",
        UUID.fromString(saved.getAddressId())).get(0).getString("line1")).isEqualTo("2 Rue de la Paix");

    SavedAddress replaced = await(as("alice").replaceAddress(ReplaceAddressRequest.newBuilder()
        .setAddressId(saved.getAddressId()).setAddress(address("3 Rue de la Paix")).build()));
    assertThat(replaced.getLine1()).isEqualTo("3 Rue de la Paix");
    await(as("alice").deleteAddress(DeleteAddressRequest.newBuilder().setAddressId(saved.getAddressId()).build()));
    assertThat(fixture.rows("SELECT 1 FROM customer.address WHERE id = $1", UUID.fromString(saved.getAddressId())))
        .isEmpty();
  }

  @Test
  void badInputIsAnInvalidArgumentNamingTheField() throws Exception {
    assertStatus(as("bob").addAddress(AddAddressRequest.newBuilder().setAddress(address("1 Way").setName(""))
        .build()), GrpcStatus.INVALID_ARGUMENT);
    assertStatus(as("bob").addAddress(AddAddressRequest.getDefaultInstance()), GrpcStatus.INVALID_ARGUMENT);
    assertStatus(as("bob").deleteAddress(DeleteAddressRequest.getDefaultInstance()), GrpcStatus.INVALID_ARGUMENT);
    assertStatus(as("admin").getCustomer(GetCustomerRequest.getDefaultInstance()), GrpcStatus.INVALID_ARGUMENT);
    assertStatus(as("bob").listAddresses(ListAddressesRequest.newBuilder().setLimit(0).build()),
        GrpcStatus.INVALID_ARGUMENT);
    assertThat(fixture.rows("SELECT 1 FROM customer.address WHERE customer_id = $1", BOB)).isEmpty();

    // the status message carries the problem's field errors
    UpdateProfileRequest badZone = UpdateProfileRequest.newBuilder()
        .setPreferences(Preferences.newBuilder().setTimeZone("UTC+3")).build();
    GrpcClientResponse<UpdateProfileRequest, Customer> response = await(new BearerGrpcClient(grpc, "bob")
        .request(address, CustomerServiceGrpcClient.UpdateProfile)
        .compose(request -> request.end(badZone).compose(sent -> request.response())));
    await(response.end().recover(failure -> Future.succeededFuture()));
    assertThat(response.status()).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
    assertThat(response.statusMessage()).contains("/preferences/timeZone");
    assertThat(fixture.rows("SELECT time_zone FROM customer.profile WHERE customer_id = $1", BOB))
        .allMatch(row -> row.getString("time_zone") == null);
  }
}
