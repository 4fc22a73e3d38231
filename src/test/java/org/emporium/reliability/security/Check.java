package org.emporium.reliability.security;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.emporium.reliability.Scorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the security matrix: an OWASP API Security Top 10 (2023) area, what was tried, and
 * how many attempts got through ({@code leaked}, target 0), with what each one got.
 */
final class Check {

  final String area;
  final String name;
  int tried;
  int leaked;
  final List<String> findings = new ArrayList<>();
  private final Map<String, Object> extra = new LinkedHashMap<>();

  Check(String area, String name) {
    this.area = area;
    this.name = name;
  }

  /** Counts an attempt; {@code held} says whether the defence held, {@code what} describes it otherwise. */
  Check expect(boolean held, String what) {
    tried++;
    if (!held) {
      leaked++;
      if (findings.size() < 30) {
        findings.add(what);
      }
    }
    return this;
  }

  /** Counts an attempt that must get exactly {@code status}. */
  Check status(HttpResponse<Buffer> response, int status, String what) {
    return expect(response.statusCode() == status, what + " answered " + response.statusCode() + " (wanted "
        + status + "): " + clip(response.bodyAsString()));
  }

  Check figure(String name, Object value) {
    extra.put(name, value);
    return this;
  }

  /** Adds the row to {@code scorecard} and returns the findings, for the test to assert empty. */
  List<String> record(Scorecard scorecard) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("tried", tried);
    figures.put("leaked", leaked);
    figures.putAll(extra);
    scorecard.add(area, name, leaked == 0 && tried > 0, figures);
    return findings.stream().map(f -> area + " " + name + ": " + f).toList();
  }

  static String clip(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
