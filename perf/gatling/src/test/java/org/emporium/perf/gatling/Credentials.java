package org.emporium.perf.gatling;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** How a shopper proves the cart is theirs: a guest's cart token, or a customer's access token. */
public enum Credentials {
  GUEST, CUSTOMER;

  /** Opening a cart: a guest has no token yet (the answer holds it), a customer sends the access token. */
  HttpRequestActionBuilder open(HttpRequestActionBuilder request) {
    return this == GUEST ? request : sign(request);
  }

  HttpRequestActionBuilder sign(HttpRequestActionBuilder request) {
    return this == GUEST
        ? request.header("X-Cart-Token", "#{cartToken}")
        : request.header("Authorization", "Bearer #{accessToken}");
  }
}
