package org.emporium.perf.gatling.ratio;

import io.gatling.javaapi.core.Session;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data the ratio loads use, prepared before the first user starts: the admin token, stock for
 * the hot SKU and the checkout SKUs ({@code ratio.checkoutStock} each; with 0 the demo stock
 * serves), carts whose lines the cart load adds to, and one two-line cart per planned checkout
 * (a cart is checked out once).
 */
final class Shop {

  static final int LINES_PER_CART = 5;
  /** Adds per line, below the cart's default line cap of 999. */
  private static final long ADDS_PER_LINE = 900;

  private final RatioSettings settings;
  private final ConcurrentLinkedQueue<Seeding.Cart> checkoutCarts = new ConcurrentLinkedQueue<>();
  private final AtomicLong nextLine = new AtomicLong();
  private volatile String adminToken;
  private volatile List<Seeding.Cart> carts = List.of();

  Shop(RatioSettings settings) {
    this.settings = settings;
  }

  void prepare() {
    List<String> skus = settings.skus();
    try (Seeding seeding = new Seeding(settings.baseUrl())) {
      adminToken = seeding.signIn(settings.adminEmail(), settings.adminPassword());
      if (settings.contexts().contains("inventory")) {
        seeding.receive(List.of(settings.hotSku()), Math.max(1_000_000, settings.plannedUsers("inventory") * 2));
      }
      if (settings.contexts().contains("cart")) {
        long lines = settings.plannedUsers("cart") / ADDS_PER_LINE + 1;
        int count = (int) Math.max(settings.carts(), lines / LINES_PER_CART + 1);
        carts = seeding.carts(count, i -> skus.subList(0, LINES_PER_CART));
      }
      if (settings.contexts().contains("checkout")) {
        if (settings.checkoutStock() > 0) {
          seeding.receive(skus, settings.checkoutStock());
        }
        int count = (int) (settings.plannedUsers("checkout") * 1.1) + 20;
        // the same pairs as perf/checkout.pgbench.sql: s2 is seven SKUs after s1
        checkoutCarts.addAll(seeding.carts(count, i -> List.of(skus.get(i % skus.size()),
            skus.get((i + 7) % skus.size()))));
      }
    }
  }

  String adminToken() {
    return adminToken;
  }

  String hotSku() {
    return settings.hotSku();
  }

  /** The next (cart, line) pair, round-robin over every cart first so one cart's line grows slowly. */
  Session nextLine(Session session) {
    long n = nextLine.getAndIncrement();
    Seeding.Cart cart = carts.get((int) (n % carts.size()));
    String sku = settings.skus().get((int) (n / carts.size() % LINES_PER_CART));
    return session.set("cartId", cart.id()).set("cartToken", cart.token()).set("sku", sku);
  }

  /** The next prepared cart, or a failed session when none is left. */
  Session nextCheckoutCart(Session session) {
    Seeding.Cart cart = checkoutCarts.poll();
    if (cart == null) {
      return session.set("cartId", "").markAsFailed();
    }
    return session.set("cartId", cart.id()).set("cartToken", cart.token());
  }
}
