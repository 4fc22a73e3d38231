package org.emporium.reliability.hostile;

import io.vertx.core.http.HttpMethod;

import java.util.List;

/**
 * Hostile requests that once got a 5xx from the node, sent on every run whatever the sample: each
 * must be refused with the status named here (problem JSON, nothing stored).
 */
final class Regressions {

  /** One request: who sends it, what, and the status it must get. {@code body} is JSON text or null. */
  record Case(String why, Persona persona, HttpMethod method, String uri, String body, int status) {
  }

  static final List<Case> CASES = List.of();

  private Regressions() {
  }
}
