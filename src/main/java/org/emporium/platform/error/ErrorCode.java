package org.emporium.platform.error;

import io.vertx.grpc.common.GrpcStatus;

/**
 * The engine's error categories, each with its HTTP status, gRPC status and problem type. The
 * event-bus failure code of an error is its HTTP status, so every transport maps the same way.
 */
public enum ErrorCode {
  BAD_REQUEST(400, "bad-request", "Bad request", GrpcStatus.INVALID_ARGUMENT),
  UNAUTHENTICATED(401, "unauthenticated", "Authentication required", GrpcStatus.UNAUTHENTICATED),
  PAYMENT_REQUIRED(402, "payment-declined", "Payment declined", GrpcStatus.FAILED_PRECONDITION),
  FORBIDDEN(403, "forbidden", "Forbidden", GrpcStatus.PERMISSION_DENIED),
  NOT_FOUND(404, "not-found", "Not found", GrpcStatus.NOT_FOUND),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", GrpcStatus.UNIMPLEMENTED),
  NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", GrpcStatus.INVALID_ARGUMENT),
  CONFLICT(409, "conflict", "Conflict", GrpcStatus.ABORTED),
  GONE(410, "gone", "Gone", GrpcStatus.NOT_FOUND),
  PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed", GrpcStatus.FAILED_PRECONDITION),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large", GrpcStatus.RESOURCE_EXHAUSTED),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type", GrpcStatus.INVALID_ARGUMENT),
  UNPROCESSABLE(422, "unprocessable", "Unprocessable request", GrpcStatus.FAILED_PRECONDITION),
  HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large", GrpcStatus.RESOURCE_EXHAUSTED),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests", GrpcStatus.RESOURCE_EXHAUSTED),
  INTERNAL(500, "internal", "Internal error", GrpcStatus.INTERNAL),
  NOT_IMPLEMENTED(501, "not-implemented", "Not implemented", GrpcStatus.UNIMPLEMENTED),
  UNAVAILABLE(503, "unavailable", "Service unavailable", GrpcStatus.UNAVAILABLE),
  TIMEOUT(504, "timeout", "Timed out", GrpcStatus.DEADLINE_EXCEEDED);

  private final int status;
  private final String slug;
  private final String title;
  private final GrpcStatus grpcStatus;

  ErrorCode(int status, String slug, String title, GrpcStatus grpcStatus) {
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.grpcStatus = grpcStatus;
  }

  public int status() {
    return status;
  }

  /** The problem {@code type}, a URI relative to the API root. */
  public String type() {
    return "/problems/" + slug;
  }

  public String title() {
    return title;
  }

  public GrpcStatus grpcStatus() {
    return grpcStatus;
  }

  /** The code for an HTTP status; statuses without their own code map to their class. */
  public static ErrorCode ofStatus(int status) {
    for (ErrorCode code : values()) {
      if (code.status == status) {
        return code;
      }
    }
    return status >= 500 ? INTERNAL : BAD_REQUEST;
  }
}
