package org.emporium.edge.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidationContext;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.analyser.ContentAnalyser;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.LabelTransformer;
import io.vertx.openapi.validation.transformer.MatrixTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import org.emporium.edge.pipeline.Step;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a request against its operation with the contract's own rules, transformers and
 * failures, but after {@link BearerAuthentication} (an anonymous caller learns nothing from it),
 * with schema validators built once per operation, and with the contract's simple schemas compiled
 * into plain checks ({@link QuickSchema}) that spare the validator the values they accept. The
 * library's validator builds a validator per parameter on every request and hops to a worker
 * thread for each, which cost more than the rest of a product read; here small requests are checked
 * on the event loop and only large bodies go to a worker.
 */
final class RequestValidation implements Step {

  private static final int INLINE_BODY_BYTES = 16 * 1024;

  private record Checked(Parameter parameter, ParameterTransformer transformer, Validator validator,
      QuickSchema.Check quick, boolean text) {
  }

  private record Body(Validator validator, QuickSchema.Check quick) {
  }

  private final Vertx vertx;
  private final RequestExtractor extractor;
  private final Operation operation;
  private final List<Checked> parameters;
  private final Map<String, Body> bodies = new HashMap<>();
  private final RawBodies raw;

  RequestValidation(Vertx vertx, OpenAPIContract contract, RequestExtractor extractor, Operation operation) {
    this.vertx = vertx;
    this.extractor = extractor;
    this.operation = operation;
    SchemaRepository schemas = contract.getSchemaRepository();
    Map<Style, ParameterTransformer> transformers = new EnumMap<>(Style.class);
    transformers.put(Style.SIMPLE, new SimpleTransformer());
    transformers.put(Style.LABEL, new LabelTransformer());
    transformers.put(Style.MATRIX, new MatrixTransformer());
    transformers.put(Style.FORM, new FormTransformer());
    this.parameters = operation.getParameters().stream().map(parameter -> new Checked(parameter,
        transformers.get(parameter.getStyle()), schemas.validator(parameter.getSchema()),
        QuickSchema.compile(parameter.getSchema()), isText(parameter))).toList();
    RequestBody body = operation.getRequestBody();
    if (body != null) {
      body.getContent().forEach((type, media) -> bodies.put(media.getIdentifier(),
          new Body(schemas.validator(media.getSchema()), QuickSchema.compile(media.getSchema()))));
    }
    this.raw = RawBodies.of(schemas, operation);
  }

  @Override
  public void handle(RoutingContext rc, Runnable next) {
    extractor.extractValidatableRequest(rc, operation)
        .compose(request -> rc.body().length() <= INLINE_BODY_BYTES ? inline(request, rc)
            : vertx.executeBlocking(() -> validate(request, rc), false))
        .onSuccess(validated -> {
          rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
          next.run();
        })
        .onFailure(failure -> rc.fail(failure instanceof ValidatorException invalid
            ? new HttpException(400, invalid.getMessage(), invalid) : failure));
  }

  private Future<ValidatedRequest> inline(ValidatableRequest request, RoutingContext rc) {
    try {
      return Future.succeededFuture(validate(request, rc));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private ValidatedRequest validate(ValidatableRequest request, RoutingContext rc) {
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Checked checked : parameters) {
      String name = checked.parameter().getName();
      switch (checked.parameter().getIn()) {
        case COOKIE -> cookies.put(name, check(checked, request.getCookies().get(name)));
        case HEADER -> headers.put(name, check(checked, request.getHeaders().get(name)));
        case PATH -> path.put(name, check(checked, request.getPathParameters().get(name)));
        case QUERY -> query.put(name, check(checked, request.getQuery().get(name)));
      }
    }
    RequestParameter body = raw.accepts() ? raw.validate(rc.request().getHeader("Content-Type"), rc.body().buffer())
        : body(request);
    return new ValidatedRequestImpl(cookies, headers, path, query, body);
  }

  private static RequestParameter check(Checked checked, RequestParameter value) {
    Parameter parameter = checked.parameter();
    if (value == null || value.isNull()) {
      if (parameter.isRequired()) {
        throw ValidatorException.createMissingRequiredParameter(parameter);
      }
      return new RequestParameterImpl(null);
    }
    if (checked.transformer() == null) {
      throw ValidatorException.createUnsupportedValueFormat(parameter);
    }
    Object transformed = PageSizes.clamp(parameter, transform(checked, String.valueOf(value.get())));
    if (checked.quick() != null && checked.quick().accepts(transformed)) {
      return new RequestParameterImpl(transformed);
    }
    OutputUnit result = outcome(checked.validator(), transformed, "The parameter " + parameter.getName() + " is not valid.");
    try {
      result.checkValidity();
      return new RequestParameterImpl(transformed);
    } catch (JsonSchemaValidationException e) {
      throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, e);
    }
  }

  /** A string parameter in the simple or form style: one value, no prefix. */
  private static boolean isText(Parameter parameter) {
    return parameter.getSchemaType() == SchemaType.STRING
        && (parameter.getStyle() == Style.SIMPLE || parameter.getStyle() == Style.FORM);
  }

  /**
   * The library's transformation of a raw parameter value. For a string parameter it keeps a word
   * ({@code \w+}) as it is, else it tries the text as JSON and, when that fails, as a quoted
   * JSON string, compiling a pattern and throwing an exception on the way. Words and UUIDs come
   * out unchanged (a UUID is never a whole JSON value), so those are kept here at once.
   */
  private static Object transform(Checked checked, String raw) {
    if (checked.text() && (QuickSchema.word(raw) || QuickSchema.uuid(raw))) {
      return raw;
    }
    return checked.transformer().transform(checked.parameter(), raw);
  }

  private RequestParameter body(ValidatableRequest request) {
    RequestBody body = operation.getRequestBody();
    if (body == null) {
      return new RequestParameterImpl(null);
    }
    if (request.getBody() == null || request.getBody().isEmpty()) {
      if (body.isRequired()) {
        throw new ValidatorException("The related request does not contain the required body.",
            ValidatorErrorType.MISSING_REQUIRED_PARAMETER);
      }
      return new RequestParameterImpl(null);
    }
    MediaType media = body.determineContentType(request.getContentType());
    Body checks = media == null ? null : bodies.get(media.getIdentifier());
    ContentAnalyser analyser = checks == null ? null : ContentAnalyser.getContentAnalyser(media,
        request.getContentType(), request.getBody().getBuffer(Buffer.buffer()), ValidationContext.REQUEST);
    if (analyser == null) {
      throw new ValidatorException("The format of the request body is not supported",
          ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT);
    }
    analyser.checkSyntacticalCorrectness();
    Object value = analyser.transform();
    if (checks.quick() != null && checks.quick().accepts(value)) {
      return new RequestParameterImpl(value);
    }
    OutputUnit result = outcome(checks.validator(), value, "The request body is not valid.");
    try {
      result.checkValidity();
      return new RequestParameterImpl(value);
    } catch (JsonSchemaValidationException e) {
      throw SchemaValidationException.createInvalidValueBody(result, ValidationContext.REQUEST, e);
    }
  }

  /**
   * The validator's outcome. vertx-json-schema 5.0.7 throws on some values instead of reporting
   * them (an empty string of format {@code email}); such a value is refused as invalid, not
   * answered with a 500.
   */
  private static OutputUnit outcome(Validator validator, Object value, String refusal) {
    try {
      return validator.validate(value);
    } catch (ValidatorException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ValidatorException(refusal, ValidatorErrorType.INVALID_VALUE);
    }
  }
}
