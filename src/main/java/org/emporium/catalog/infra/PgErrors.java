package org.emporium.catalog.infra;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import org.emporium.catalog.application.Rejected;
import org.emporium.catalog.domain.Rejection;

/** Turns the constraint violations the catalog relies on into rejections: taken values, unknown references. */
final class PgErrors {

  private PgErrors() {
  }

  static <T> Future<T> translate(Throwable failure) {
    if (failure instanceof PgException pg && pg.getConstraint() != null) {
      String constraint = pg.getConstraint();
      if ("23505".equals(pg.getSqlState())) {
        return Future.failedFuture(new Rejected(new Rejection.Conflict(constraint.startsWith("sku_")
            ? "A SKU is used by another product already: " + keyValue(pg.getDetail()) + "."
            : "The slug is taken already: " + keyValue(pg.getDetail()) + ".")));
      }
      if ("23503".equals(pg.getSqlState())) {
        String what = constraint.contains("brand") ? "brand" : constraint.contains("category") ? "category"
            : constraint.contains("shop") ? "shop" : "referenced record";
        return Future.failedFuture(new Rejected(new Rejection.Unusable("No " + what + " has the id given.")));
      }
    }
    return Future.failedFuture(failure);
  }

  /** {@code Key (sku)=(ABC-1) already exists.} gives {@code ABC-1}. */
  private static String keyValue(String detail) {
    if (detail == null) {
      return "?";
    }
    int start = detail.indexOf(")=(");
    int end = detail.lastIndexOf(')');
    return start < 0 || end <= start + 3 ? detail : detail.substring(start + 3, end);
  }
}
