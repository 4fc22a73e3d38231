package org.emporium.reliability.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What one target (an operation, a gRPC method, the bridge) got and did, and the findings to report. */
final class Tally {

  /** Text that only an internal failure puts in an answer: exception names, stack frames, source files. */
  static final Pattern LEAK = Pattern.compile("Exception|\\tat |\\.java:\\d|org\\.emporium\\.|io\\.vertx\\.|"
      + "com\\.fasterxml|PSQLException|ERROR: |SQLSTATE|NullPointer|stack ?trace", Pattern.CASE_INSENSITIVE);

  int tried;
  int rejected;
  int accepted;
  int serverErrors;
  int noAnswer;
  int leaked;
  int stateChanges;
  final List<String> findings = new ArrayList<>();

  void add(Tally other) {
    tried += other.tried;
    rejected += other.rejected;
    accepted += other.accepted;
    serverErrors += other.serverErrors;
    noAnswer += other.noAnswer;
    leaked += other.leaked;
    stateChanges += other.stateChanges;
    findings.addAll(other.findings);
  }

  boolean passed() {
    return serverErrors == 0 && stateChanges == 0 && leaked == 0 && noAnswer == 0;
  }

  Map<String, Object> figures() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("tried", tried);
    figures.put("clientErrors", rejected);
    figures.put("accepted", accepted);
    figures.put("serverErrors", serverErrors);
    figures.put("stateChanges", stateChanges);
    figures.put("leaked", leaked);
    figures.put("noAnswer", noAnswer);
    return figures;
  }

  void finding(String text) {
    if (findings.size() < 50) {
      findings.add(text.length() > 600 ? text.substring(0, 600) + "..." : text);
    }
  }
}
