package org.emporium.platform.eventbus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Sends a record over the event bus: by reference on the same node (records are immutable), as
 * JSON bytes to other nodes of the cluster.
 */
public final class RecordCodec<T extends Record> implements MessageCodec<T, T> {

  private final Class<T> type;
  private final ObjectMapper mapper;

  public RecordCodec(Class<T> type, ObjectMapper mapper) {
    this.type = type;
    this.mapper = mapper;
  }

  /** Registers codecs for the given record types as their default codecs on this Vert.x instance. */
  @SafeVarargs
  public static void register(Vertx vertx, Class<? extends Record>... types) {
    ObjectMapper mapper = new ObjectMapper()
        .findAndRegisterModules()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    for (Class<? extends Record> type : types) {
      registerOne(vertx, type, mapper);
    }
  }

  private static <R extends Record> void registerOne(Vertx vertx, Class<R> type, ObjectMapper mapper) {
    vertx.eventBus().registerDefaultCodec(type, new RecordCodec<>(type, mapper));
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    try {
      byte[] bytes = mapper.writeValueAsBytes(value);
      buffer.appendInt(bytes.length).appendBytes(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    byte[] bytes = buffer.getBytes(pos + 4, pos + 4 + length);
    try {
      return mapper.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return "record:" + type.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
