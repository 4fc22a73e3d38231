package org.emporium.reliability.hostile;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The hostile messages for one gRPC method, built from its descriptor: a valid message (the seeded
 * world's ids where a field names one), each field (nested ones too) broken one way at a time
 * (empty, huge, hostile strings, extreme numbers, unknown enum numbers, messages left out,
 * thousands of repeated items), and bytes that are no such message at all.
 */
final class GrpcCases {

  /** One call: the method, what is broken and how, and the encoded message to send. */
  record GrpcCase(MethodDescriptor method, Persona persona, String target, String kind, Buffer payload) {

    String fullName() {
      return method.getService().getFullName() + "/" + method.getName();
    }

    GrpcCase as(Persona sender) {
      return new GrpcCase(method, sender, target, kind, payload);
    }

    @Override
    public String toString() {
      return persona + " " + fullName() + " " + target + ": " + kind + " (" + payload.length() + " bytes)";
    }
  }

  private record Mutation(String kind, Object value) {
  }

  private static final Object CLEARED = new Object();

  private final MethodDescriptor method;
  private final Map<String, Object> known = new HashMap<>();
  private final Random random;

  GrpcCases(MethodDescriptor method, World world, long seed) {
    this.method = method;
    this.random = new Random(seed ^ method.getFullName().hashCode());
    known.put("cartId", world.guestCartId());
    known.put("sku", world.sku());
    known.put("paymentId", world.alice().paymentId());
    known.put("orderId", world.alice().orderId());
    known.put("productId", world.productId());
    known.put("addressId", world.alice().addressId());
    known.put("customerId", world.spareAccountId());
    known.put("currency", "USD");
    known.put("country", "DE");
    known.put("code", world.couponCode());
    known.put("slug", world.productSlug());
    known.put("cardNumber", World.CARD_OK);
    known.put("quantity", 1);
  }

  /** Every case, grouped by target (a field path, or the message). */
  Map<String, List<GrpcCase>> all() {
    Map<String, List<GrpcCase>> cases = new LinkedHashMap<>();
    fields(cases, method.getInputType(), new ArrayList<>(), 0);
    List<GrpcCase> whole = new ArrayList<>();
    byte[] valid = message(method.getInputType(), List.of(), null, 0).toByteArray();
    whole.add(new GrpcCase(method, Persona.ANONYMOUS, "message", "empty message", Buffer.buffer()));
    for (int size : new int[] {7, 300, 5000}) {
      byte[] garbage = new byte[size];
      random.nextBytes(garbage);
      whole.add(new GrpcCase(method, Persona.ANONYMOUS, "message", "garbage bytes", Buffer.buffer(garbage)));
    }
    if (valid.length > 3) {
      byte[] truncated = new byte[valid.length - 3];
      System.arraycopy(valid, 0, truncated, 0, truncated.length);
      whole.add(new GrpcCase(method, Persona.ANONYMOUS, "message", "truncated", Buffer.buffer(truncated)));
    }
    // field 1 as a varint and as a length of 200 bytes that are not there: wrong wire types
    whole.add(new GrpcCase(method, Persona.ANONYMOUS, "message", "wrong wire type", Buffer.buffer(new byte[] {8, 1})));
    whole.add(new GrpcCase(method, Persona.ANONYMOUS, "message", "wrong wire type",
        Buffer.buffer(new byte[] {10, (byte) 200, 1, 1})));
    whole.add(new GrpcCase(method, Persona.ANONYMOUS, "message", "unknown field",
        Buffer.buffer(valid).appendBytes(new byte[] {(byte) 0xb8, 0x3e, 0x01})));
    whole.add(new GrpcCase(method, Persona.ANONYMOUS, "message", "oversized message",
        Buffer.buffer(new byte[] {10}).appendBytes(varint(2_000_000)).appendBytes(new byte[2_000_000])));
    cases.put("message", whole);
    return cases;
  }

  private static byte[] varint(int value) {
    Buffer out = Buffer.buffer();
    int v = value;
    while ((v & ~0x7f) != 0) {
      out.appendByte((byte) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    return out.appendByte((byte) v).getBytes();
  }

  private void fields(Map<String, List<GrpcCase>> cases, Descriptor type, List<FieldDescriptor> at, int depth) {
    for (FieldDescriptor field : type.getFields()) {
      List<FieldDescriptor> path = new ArrayList<>(at);
      path.add(field);
      String target = path.stream().map(FieldDescriptor::getName).reduce((a, b) -> a + "." + b).orElseThrow();
      List<GrpcCase> list = cases.computeIfAbsent(target, k -> new ArrayList<>());
      for (Mutation mutation : mutations(field)) {
        byte[] bytes = message(method.getInputType(), path, mutation, 0).toByteArray();
        list.add(new GrpcCase(method, Persona.ANONYMOUS, target, mutation.kind(), Buffer.buffer(bytes)));
      }
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth < 2) {
        fields(cases, field.getMessageType(), path, depth + 1);
      }
    }
  }

  private List<Mutation> mutations(FieldDescriptor field) {
    List<Mutation> list = new ArrayList<>();
    if (field.isRepeated() && !field.isMapField()) {
      list.add(new Mutation("empty list", Collections.emptyList()));
      list.add(new Mutation("thousands of items", Collections.nCopies(5_000, valid(field, 0))));
    }
    switch (field.getJavaType()) {
      case STRING -> {
        list.add(new Mutation("empty string", ""));
        list.add(new Mutation("huge string", "Z".repeat(200_000)));
        list.add(new Mutation("bad uuid", "not-a-uuid"));
        list.add(new Mutation("unknown uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff"));
        BadValues.HOSTILE_STRINGS.forEach(s -> list.add(new Mutation("hostile string", s)));
      }
      case INT -> List.of(-1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE)
          .forEach(n -> list.add(new Mutation("extreme number", n)));
      case LONG -> List.of(-1L, Long.MIN_VALUE, Long.MAX_VALUE).forEach(n -> list.add(new Mutation("extreme number", n)));
      case DOUBLE -> List.of(Double.NaN, Double.NEGATIVE_INFINITY, 1e308)
          .forEach(n -> list.add(new Mutation("extreme number", n)));
      case FLOAT -> List.of(Float.NaN, Float.POSITIVE_INFINITY).forEach(n -> list.add(new Mutation("extreme number", n)));
      case BOOLEAN -> list.add(new Mutation("flipped", Boolean.TRUE));
      case ENUM -> list.add(new Mutation("unknown enum number",
          field.getEnumType().findValueByNumberCreatingIfUnknown(999)));
      case MESSAGE -> list.add(new Mutation("left out", CLEARED));
      case BYTE_STRING -> list.add(new Mutation("huge bytes", ByteString.copyFrom(new byte[200_000])));
      default -> {
      }
    }
    return list;
  }

  /** A valid message of {@code type}, except the field at {@code path} (from {@code depth}) set to {@code mutation}. */
  DynamicMessage message(Descriptor type, List<FieldDescriptor> path, Mutation mutation, int depth) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    for (FieldDescriptor field : type.getFields()) {
      boolean onPath = mutation != null && path.size() > depth && path.get(depth).equals(field);
      if (onPath && path.size() == depth + 1) {
        set(builder, field, mutation.value());
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (depth < 4) {
          DynamicMessage nested = message(field.getMessageType(), path, onPath ? mutation : null, depth + 1);
          set(builder, field, nested);
        }
      } else if (!field.hasPresence() || known.containsKey(field.getJsonName()) || field.isRequired()) {
        set(builder, field, valid(field, depth));
      }
    }
    return builder.build();
  }

  private static void set(DynamicMessage.Builder builder, FieldDescriptor field, Object value) {
    if (value == CLEARED || field.isMapField()) {
      return;
    }
    if (field.isRepeated()) {
      if (value instanceof List<?> list) {
        list.forEach(item -> builder.addRepeatedField(field, item));
      } else {
        builder.addRepeatedField(field, value);
      }
    } else {
      builder.setField(field, value);
    }
  }

  private Object valid(FieldDescriptor field, int depth) {
    Object known = this.known.get(field.getJsonName());
    return switch (field.getJavaType()) {
      case STRING -> known instanceof String text ? text : field.getName().endsWith("_id") || field.getName().equals("id")
          ? new UUID(random.nextLong(), random.nextLong()).toString()
          : field.getName().contains("email") ? "hostile-grpc@example.com"
          : field.getName().contains("key") ? new UUID(random.nextLong(), random.nextLong()).toString() : "hostile";
      case INT -> known instanceof Integer n ? n : 1;
      case LONG -> 1L;
      case DOUBLE -> 1.0;
      case FLOAT -> 1.0f;
      case BOOLEAN -> false;
      case ENUM -> field.getEnumType().getValues().get(field.getEnumType().getValues().size() > 1 ? 1 : 0);
      case BYTE_STRING -> ByteString.copyFromUtf8("x");
      case MESSAGE -> message(field.getMessageType(), List.of(), null, depth + 1);
    };
  }
}
