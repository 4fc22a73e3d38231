package org.emporium.edge.api;

import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problem.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an OpenAPI validation failure into a problem whose {@code errors} name each offending
 * field as a JSON pointer into the body ({@code /password}, {@code /lines/0/quantity}).
 */
final class ValidationProblems {

  private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");
  private static final String ADDITIONAL = "additional properties";
  private static final int MAX_ERRORS = 20;

  private ValidationProblems() {
  }

  static Problem from(ValidatorException invalid) {
    String message = invalid.getMessage() == null ? "The request is not valid." : invalid.getMessage();
    if (invalid.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT && message.contains("request body")) {
      return Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body must be of a media type the operation accepts (application/json unless /openapi.yaml says otherwise).");
    }
    if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null
        && message.contains("request body")) {
      return Problem.invalid("The request body is not valid.", fieldErrors(schema.getOutputUnit()));
    }
    return Problem.invalid(message, List.of());
  }

  private static List<FieldError> fieldErrors(OutputUnit root) {
    List<OutputUnit> leaves = new ArrayList<>();
    collect(root, leaves);
    // vertx-json-schema reports a bad value of a known property a second time as an "additional
    // property"; keep the real error for that location, and "unknown property" only when alone
    Map<String, String> byField = new LinkedHashMap<>();
    for (OutputUnit leaf : leaves) {
      String field = pointer(leaf);
      String error = leaf.getError();
      if (error.contains(ADDITIONAL)) {
        byField.putIfAbsent(field, "is not a known property");
      } else {
        String previous = byField.get(field);
        if (previous == null || previous.equals("is not a known property")) {
          byField.put(field, error);
        }
      }
    }
    List<FieldError> errors = new ArrayList<>();
    byField.forEach((field, error) -> {
      if (errors.size() < MAX_ERRORS) {
        errors.add(new FieldError(field, error));
      }
    });
    return errors;
  }

  private static void collect(OutputUnit unit, List<OutputUnit> leaves) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(child -> collect(child, leaves));
    } else if (unit.getError() != null) {
      leaves.add(unit);
    }
  }

  /** The instance location as a JSON pointer; a missing property is named at its own place. */
  private static String pointer(OutputUnit unit) {
    String location = unit.getInstanceLocation() == null ? "#" : unit.getInstanceLocation();
    String pointer = location.startsWith("#") ? location.substring(1) : location;
    Matcher required = REQUIRED.matcher(unit.getError());
    if (required.find()) {
      pointer = pointer + "/" + required.group(1);
    }
    return pointer.isEmpty() ? "/" : pointer;
  }
}
