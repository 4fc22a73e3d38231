package org.emporium.inventory.api;

import org.emporium.inventory.application.Rejected;
import org.emporium.inventory.domain.Rejection;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.inventory.domain.Shortage;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.ProblemException;
import org.emporium.platform.error.Problems;

import java.util.ArrayList;
import java.util.List;

/** The one place where inventory rejections become problems (HTTP status, gRPC status, bus failure code). */
final class InventoryProblems {

  private InventoryProblems() {
  }

  static Problem problem(Rejection rejection) {
    if (rejection instanceof Rejection.Invalid invalid) {
      return Problem.invalid("The request is not valid.", invalid.violations().stream()
          .map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }
    if (rejection instanceof Rejection.NotFound notFound) {
      return Problem.of(ErrorCode.NOT_FOUND, notFound.detail());
    }
    if (rejection instanceof Rejection.Conflict conflict) {
      return Problem.of(ErrorCode.CONFLICT, conflict.detail());
    }
    if (rejection instanceof Rejection.Unprocessable unprocessable) {
      return Problem.of(ErrorCode.UNPROCESSABLE, unprocessable.detail());
    }
    return Problem.of(ErrorCode.UNAVAILABLE, ((Rejection.Unavailable) rejection).detail());
  }

  /**
   * A refused reservation: 404 when a line names a SKU without stock in the region, else 409 (not
   * enough stock); each refused line is named. Nothing is held either way.
   */
  static Problem refused(Reservation reservation) {
    List<Problem.FieldError> errors = new ArrayList<>();
    boolean unknown = false;
    for (Shortage shortage : reservation.shortages()) {
      int line = indexOf(reservation, shortage.sku());
      if (Shortage.UNKNOWN.equals(shortage.reason())) {
        unknown = true;
        errors.add(new Problem.FieldError("/lines/" + line + "/sku", "no stock of SKU " + shortage.sku() + " in region "
            + reservation.region()));
      } else {
        errors.add(new Problem.FieldError("/lines/" + line + "/quantity", "not enough stock of SKU " + shortage.sku()));
      }
    }
    String detail = reservation.status() == ReservationStatus.REJECTED
        ? "Reservation " + reservation.id() + " was refused; nothing is held."
        : "Reservation " + reservation.id() + " is " + reservation.status().code() + ".";
    return new Problem(unknown ? ErrorCode.NOT_FOUND : ErrorCode.CONFLICT, detail, errors);
  }

  private static int indexOf(Reservation reservation, String sku) {
    for (int i = 0; i < reservation.lines().size(); i++) {
      if (reservation.lines().get(i).sku().equals(sku)) {
        return i;
      }
    }
    return 0;
  }

  static ProblemException of(Throwable failure) {
    if (failure instanceof Rejected rejected) {
      return problem(rejected.rejection()).toException();
    }
    return Problems.from(failure).toException();
  }
}
