package org.emporium.search.application;

import io.vertx.core.json.JsonObject;
import org.emporium.search.domain.Cursor;
import org.emporium.search.domain.SortOrder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The opaque {@code cursor}: base64url of the sort, the last hit's sort value and its id. */
public final class Cursors {

  private Cursors() {
  }

  public static String encode(Cursor cursor) {
    String json = new JsonObject().put("s", cursor.sort().wire()).put("v", Double.toString(cursor.value()))
        .put("id", cursor.productId()).encode();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor, or empty when the text is not one of ours. */
  public static Optional<Cursor> decode(String text) {
    try {
      JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
      Optional<SortOrder> sort = SortOrder.parse(json.getString("s"));
      String id = json.getString("id");
      if (sort.isEmpty() || id == null) {
        return Optional.empty();
      }
      return Optional.of(new Cursor(sort.get(), Double.parseDouble(json.getString("v")), id));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
