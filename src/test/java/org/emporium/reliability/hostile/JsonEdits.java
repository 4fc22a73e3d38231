package org.emporium.reliability.hostile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Edits of a JSON body for the fuzzer: a value set deep inside it (making the objects and arrays
 * on the way), and encoding with {@link BadValues.Raw} values written into the text as they are.
 */
final class JsonEdits {

  private static final String RAW = "@@RAW@@";

  private JsonEdits() {
  }

  /** Sets the value at {@code path}, making the objects and one-item arrays on the way valid; false if impossible. */
  static boolean set(JsonObject body, List<Object> path, Object value) {
    Object container = body;
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      Object next = container instanceof JsonObject o ? o.getValue((String) step)
          : ((JsonArray) container).size() > (Integer) step ? ((JsonArray) container).getValue((Integer) step) : null;
      if (next == null) {
        next = path.get(i + 1) instanceof Integer ? new JsonArray() : new JsonObject();
        if (container instanceof JsonObject o) {
          o.put((String) step, next);
        } else {
          ((JsonArray) container).add(next);
        }
      }
      container = next;
    }
    Object last = path.get(path.size() - 1);
    Object stored = value instanceof BadValues.Raw raw ? RAW + raw.json() + RAW : value;
    if (container instanceof JsonObject o) {
      if (value == BadValues.MISSING) {
        o.remove((String) last);
      } else {
        o.put((String) last, stored);
      }
      return true;
    }
    if (container instanceof JsonArray a && value != BadValues.MISSING) {
      if (a.isEmpty()) {
        a.add(new JsonObject());
      }
      if (a.getValue(0) instanceof JsonObject item) {
        item.put((String) last, stored);
        return true;
      }
    }
    return false;
  }

  static String encode(JsonObject json) {
    String text = json.encode();
    // "@@RAW@@<json>@@RAW@@" (quoted, escaped) becomes <json>
    int start;
    while ((start = text.indexOf("\"" + RAW)) >= 0) {
      int end = text.indexOf(RAW + "\"", start + 1);
      String inner = text.substring(start + 1 + RAW.length(), end).replace("\\\"", "\"").replace("\\\\", "\\");
      text = text.substring(0, start) + inner + text.substring(end + RAW.length() + 1);
    }
    return text;
  }

  static String pointer(List<Object> path) {
    StringBuilder pointer = new StringBuilder();
    path.forEach(step -> pointer.append('/').append(step));
    return pointer.toString();
  }
}
