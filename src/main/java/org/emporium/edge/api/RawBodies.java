package org.emporium.edge.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidationContext;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The text bodies of an operation that vertx-openapi cannot validate ({@code text/csv},
 * {@code application/xml}: a file upload). {@link RoutableContract} moves them to
 * {@value RoutableContract#RAW_BODY}; here the body is checked against its media type's string schema
 * (its length) and forwarded as a string; the context parses it.
 */
final class RawBodies {

  private static final RawBodies NONE = new RawBodies(Map.of(), false);

  private final Map<String, Validator> byType;
  private final boolean required;

  private RawBodies(Map<String, Validator> byType, boolean required) {
    this.byType = byType;
    this.required = required;
  }

  static RawBodies of(SchemaRepository schemas, Operation operation) {
    JsonObject raw = operation.getOpenAPIModel().getJsonObject(RoutableContract.RAW_BODY);
    if (raw == null) {
      return NONE;
    }
    Map<String, Validator> byType = new HashMap<>();
    // the contract loader annotates objects (__absolute_uri__): only media types hold objects
    raw.getJsonObject("content").forEach(entry -> {
      if (entry.getValue() instanceof JsonObject media) {
        byType.put(entry.getKey().toLowerCase(Locale.ROOT), schemas.validator(JsonSchema.of(media.getJsonObject("schema"))));
      }
    });
    return new RawBodies(Map.copyOf(byType), raw.getBoolean("required", false));
  }

  boolean accepts() {
    return !byType.isEmpty();
  }

  RequestParameter validate(String contentType, Buffer body) {
    if (body == null || body.length() == 0) {
      if (required) {
        throw new ValidatorException("The related request does not contain the required body.",
            ValidatorErrorType.MISSING_REQUIRED_PARAMETER);
      }
      return new RequestParameterImpl(null);
    }
    String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    Validator validator = byType.get(media);
    if (validator == null) {
      throw new ValidatorException("The format of the request body is not supported",
          ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT);
    }
    String text = body.toString(StandardCharsets.UTF_8);
    OutputUnit result = validator.validate(text);
    try {
      result.checkValidity();
      return new RequestParameterImpl(text);
    } catch (JsonSchemaValidationException e) {
      throw SchemaValidationException.createInvalidValueBody(result, ValidationContext.REQUEST, e);
    }
  }
}
