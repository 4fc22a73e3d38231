package org.emporium.cart.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cart's Lua scripts ({@code src/main/resources/cart/redis}), each with the shared prelude in
 * front. Read once per node; immutable, so every verticle instance shares them.
 */
public final class CartScripts {

  static final List<String> NAMES = List.of("create", "open", "read", "put-line", "remove-line", "clear", "coupon",
      "adopt", "merge", "checkout-view", "checked-out", "restore", "claim", "settle");

  private final Map<String, RedisScript> scripts;

  private CartScripts(Map<String, RedisScript> scripts) {
    this.scripts = scripts;
  }

  /** Reads the scripts from the classpath, without blocking the event loop. */
  public static Future<CartScripts> load(Vertx vertx) {
    return vertx.fileSystem().readFile("cart/redis/prelude.lua").compose(prelude -> Future.all(NAMES.stream()
            .map(name -> vertx.fileSystem().readFile("cart/redis/" + name + ".lua")
                .map(body -> RedisScript.of(name, prelude.toString() + "\n" + body)))
            .toList())
        .map(all -> new CartScripts(all.<RedisScript>list().stream()
            .collect(Collectors.toUnmodifiableMap(RedisScript::name, Function.identity())))));
  }

  public RedisScript get(String name) {
    RedisScript script = scripts.get(name);
    if (script == null) {
      throw new IllegalArgumentException("no cart script " + name);
    }
    return script;
  }
}
