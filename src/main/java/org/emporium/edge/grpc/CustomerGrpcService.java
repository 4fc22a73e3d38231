package org.emporium.edge.grpc;

import com.google.protobuf.Descriptors;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.grpc.ForwardedCalls.Forward;
import org.emporium.edge.grpc.customer.v1.CustomerServiceGrpcService;
import org.emporium.edge.grpc.customer.v1.DeleteAddressResponse;

/**
 * gRPC {@code emporium.customer.v1.CustomerService}: each method forwards to the customer context
 * as its REST operation does (same address, envelope, permission), so both transports answer
 * alike. Bound by hand rather than through the generated base class, which hides the metadata
 * that carries the caller's token.
 */
public final class CustomerGrpcService implements Service {

  private static final String SELF = "customer:self";
  private static final String READ_ANY = "customer:read-any";

  private final ForwardedCalls calls;

  public CustomerGrpcService(Vertx vertx, Authenticator authenticator, long timeoutMs) {
    this.calls = new ForwardedCalls(vertx, authenticator, timeoutMs);
  }

  @Override
  public ServiceName name() {
    return CustomerServiceGrpcService.SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return CustomerServiceGrpcService.SERVICE_DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    server.callHandler(CustomerServiceGrpcService.GetProfile, calls.unary("getMe", "customer.getProfile", SELF,
        request -> Forward.none(), CustomerMessages::customer));
    server.callHandler(CustomerServiceGrpcService.UpdateProfile, calls.unary("updateMe", "customer.updateProfile",
        SELF, request -> Forward.body(CustomerMessages.profileUpdate(request)), CustomerMessages::customer));
    server.callHandler(CustomerServiceGrpcService.ListAddresses, calls.unary("listAddresses",
        "customer.listAddresses", SELF,
        request -> Forward.query(CustomerMessages.listQuery(request)), CustomerMessages::page));
    server.callHandler(CustomerServiceGrpcService.AddAddress, calls.unary("addAddress", "customer.addAddress", SELF,
        request -> Forward.body(CustomerMessages.address(request.getAddress())), CustomerMessages::savedAddress));
    server.callHandler(CustomerServiceGrpcService.ReplaceAddress, calls.unary("replaceAddress",
        "customer.replaceAddress", SELF,
        request -> Forward.path("id", request.getAddressId()).withBody(CustomerMessages.address(request.getAddress())),
        CustomerMessages::savedAddress));
    server.callHandler(CustomerServiceGrpcService.DeleteAddress, calls.unary("deleteAddress",
        "customer.deleteAddress", SELF, request -> Forward.path("id", request.getAddressId()),
        reply -> DeleteAddressResponse.getDefaultInstance()));
    server.callHandler(CustomerServiceGrpcService.GetCustomer, calls.unary("getCustomer", "customer.getCustomer",
        READ_ANY, request -> Forward.path("customerId", request.getCustomerId()), CustomerMessages::customer));
  }
}
