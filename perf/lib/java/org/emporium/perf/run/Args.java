package org.emporium.perf.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs and {@code --flag}s of a PerfTool command. */
final class Args {

  private final Map<String, String> values = new HashMap<>();

  Args(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      boolean flag = i + 1 == args.size() || args.get(i + 1).startsWith("--");
      values.put(arg.substring(2), flag ? "true" : args.get(++i));
    }
  }

  String get(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  boolean has(String name) {
    return values.containsKey(name) && !values.get(name).isEmpty();
  }
}
