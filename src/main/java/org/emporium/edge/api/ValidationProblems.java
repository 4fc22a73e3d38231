package org.emporium.edge.api;

import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Turns an OpenAPI validation failure into a problem that names the offending fields. */
final class ValidationProblems {

  private ValidationProblems() {
  }

  static Problem from(ValidatorException invalid) {
    String message = invalid.getMessage() == null ? "The request is not valid." : invalid.getMessage();
    if (invalid.type() == io.vertx.openapi.validation.ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT
        && message.toLowerCase().contains("content")) {
      return Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
    }
    List<FieldError> errors = new ArrayList<>();
    if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      collect(schema.getOutputUnit(), errors);
    }
    return Problem.invalid(message, errors);
  }

  private static void collect(OutputUnit unit, List<FieldError> errors) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(child -> collect(child, errors));
    } else if (unit.getError() != null && errors.size() < 20) {
      String field = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
      errors.add(new FieldError(field, unit.getError()));
    }
  }
}
