package org.emporium.cart.application;

import io.vertx.core.Future;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.Rejection;
import org.emporium.cart.domain.Violation;

import java.util.List;

/** Turns the store's answers into a cart or a rejection, the same way for every use case. */
final class Outcomes {

  private static final String NOT_FOUND = "No such cart, or it is not yours.";

  private Outcomes() {
  }

  static Future<Cart> cart(StoreAnswer answer) {
    return switch (answer.outcome()) {
      case OK, CREATED, EXISTING -> Future.succeededFuture(answer.cart());
      case LINE_LIMIT -> fail(new Rejection.Unprocessable("A cart holds at most " + answer.detail() + " lines.",
          List.of(new Violation("/sku", "the cart already holds " + answer.detail() + " lines"))));
      case QUANTITY_LIMIT -> fail(new Rejection.Unprocessable("The line would exceed the most units per line; it holds "
          + answer.detail() + ".", List.of(new Violation("/quantity", "too many units for this line"))));
      case COUPON_LIMIT -> fail(new Rejection.Unprocessable("A cart holds at most " + answer.detail()
          + " coupon codes.", List.of(new Violation("/code", "the cart already holds " + answer.detail() + " codes"))));
      case MERGED -> fail(new Rejection.NotFound("This cart was merged into your cart " + answer.detail() + "."));
      default -> notFound();
    };
  }

  static <T> Future<T> notFound() {
    return fail(new Rejection.NotFound(NOT_FOUND));
  }

  static <T> Future<T> fail(Rejection rejection) {
    return Future.failedFuture(new Rejected(rejection));
  }

  static <T> Future<T> invalid(List<Violation> violations) {
    return fail(new Rejection.Invalid(violations));
  }
}
