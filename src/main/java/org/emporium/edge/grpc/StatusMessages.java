package org.emporium.edge.grpc;

import org.emporium.platform.error.Problem;

import java.util.stream.Collectors;

/**
 * The {@code grpc-message} of a refused call: the problem's detail and its field errors, which a
 * status has no other place for. Bounded (as REST bounds a problem's errors): the message travels
 * in the trailers, and a request with thousands of bad items, or a huge value a detail repeats,
 * made trailers larger than HTTP/2 allows, so the stream was reset as INTERNAL.
 */
final class StatusMessages {

  static final int MAX_ERRORS = 20;
  static final int MAX_LENGTH = 1024;

  private StatusMessages() {
  }

  static String of(Problem problem) {
    String detail = problem.detail() == null ? problem.code().title() : problem.detail();
    String message = problem.errors().isEmpty() ? detail : detail + " " + problem.errors().stream().limit(MAX_ERRORS)
        .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "))
        + (problem.errors().size() > MAX_ERRORS ? "; and " + (problem.errors().size() - MAX_ERRORS) + " more" : "");
    return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 3) + "...";
  }
}
