package org.emporium.platform.eventbus;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Sends a JSON object by reference on the same node and as JSON bytes to other nodes. The built-in
 * codec deep-copies every object delivered locally, which for forwarded requests and their replies
 * (a product snapshot, a page of them) cost more than the work they carried. The rule that makes
 * sharing safe: neither side changes a message body after sending or receiving it.
 */
public final class SharedJson implements MessageCodec<JsonObject, JsonObject> {

  public static final String NAME = "json:shared";

  private SharedJson() {
  }

  /** Registers the codec on this Vert.x instance unless it already is. */
  public static void register(Vertx vertx) {
    try {
      vertx.eventBus().registerCodec(new SharedJson());
    } catch (IllegalStateException alreadyRegistered) {
      // another verticle of this instance registered it first
    }
  }

  /** Sends with this codec (the codec must be registered, see {@link #register}). */
  public static DeliveryOptions use(DeliveryOptions options) {
    return options.setCodecName(NAME);
  }

  @Override
  public void encodeToWire(Buffer buffer, JsonObject json) {
    Buffer encoded = json.toBuffer();
    buffer.appendInt(encoded.length()).appendBuffer(encoded);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.slice(pos + 4, pos + 4 + length));
  }

  @Override
  public JsonObject transform(JsonObject json) {
    return json;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
