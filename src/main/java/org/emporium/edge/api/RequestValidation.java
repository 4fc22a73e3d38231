package org.emporium.edge.api;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.InputTrustHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatorException;

/**
 * Validates a request against its operation, as the OpenAPI router's own validation does (same
 * extractor, validator and failure), but after {@link BearerAuthentication}: the router would run
 * it before any handler of the route, and an anonymous caller should learn nothing from it.
 */
final class RequestValidation implements InputTrustHandler {

  private final RequestExtractor extractor;
  private final RequestValidator validator;
  private final Operation operation;

  RequestValidation(RequestExtractor extractor, RequestValidator validator, Operation operation) {
    this.extractor = extractor;
    this.validator = validator;
    this.operation = operation;
  }

  @Override
  public void handle(RoutingContext rc) {
    extractor.extractValidatableRequest(rc, operation)
        .compose(request -> validator.validate(request, operation.getOperationId()))
        .onSuccess(validated -> {
          rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
          rc.next();
        })
        .onFailure(failure -> rc.fail(failure instanceof ValidatorException invalid
            ? new HttpException(400, invalid.getMessage(), invalid) : failure));
  }
}
