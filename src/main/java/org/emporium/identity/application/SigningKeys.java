package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.emporium.identity.domain.KeyRing;
import org.emporium.identity.domain.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * This node's copy of the shared signing keys. {@link #maintain} reloads them and, when the active
 * key is older than the rotation period, makes a new one (nodes racing add one between them);
 * it runs at start, on a timer, and as soon as signing finds the key due. Until the new key is
 * loaded the old one keeps signing: it stays published for a token lifetime after retirement.
 */
public final class SigningKeys {

  private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

  private final Vertx vertx;
  private final SigningKeyStore store;
  private final Function<Instant, SigningKey> generator;
  private final Clock clock;
  private final Duration rotation;
  private final Duration overlap;
  private final AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.empty());
  private final AtomicReference<Future<KeyRing>> maintaining = new AtomicReference<>();

  /**
   * @param generator makes a new key pair created at the given instant; blocking, run on a worker
   * @param overlap how long a retired key stays published
   */
  public SigningKeys(Vertx vertx, SigningKeyStore store, Function<Instant, SigningKey> generator, Clock clock,
      Duration rotation, Duration overlap) {
    this.vertx = vertx;
    this.store = store;
    this.generator = generator;
    this.clock = clock;
    this.rotation = rotation;
    this.overlap = overlap;
  }

  /** Reloads the keys and rotates when due; concurrent calls share one run. */
  public Future<KeyRing> maintain() {
    Promise<KeyRing> promise = Promise.promise();
    Future<KeyRing> running = maintaining.compareAndExchange(null, promise.future());
    if (running != null) {
      return running;
    }
    reload()
        .compose(loaded -> loaded.needsNewKey(clock.instant(), rotation) ? rotate() : Future.succeededFuture(loaded))
        .onComplete(done -> {
          maintaining.set(null);
          promise.handle(done);
        });
    return promise.future();
  }

  /** The key to sign with now. */
  public SigningKey signingKey() {
    KeyRing current = ring.get();
    if (current.needsNewKey(clock.instant(), rotation)) {
      maintain().onFailure(e -> LOG.warn("Signing key maintenance failed; signing with the loaded key: {}", e.toString()));
    }
    return current.current()
        .orElseThrow(() -> new IllegalStateException("no signing key is loaded yet"));
  }

  /** The keys the JWKS lists now. */
  public List<SigningKey> published() {
    return ring.get().published(clock.instant(), overlap);
  }

  /** Deletes keys no token can need any more. */
  public Future<Integer> deleteExpired() {
    return store.deleteRetiredBefore(clock.instant().minus(overlap));
  }

  private Future<KeyRing> reload() {
    return store.load(clock.instant().minus(overlap)).map(keys -> {
      KeyRing loaded = new KeyRing(keys);
      ring.set(loaded);
      return loaded;
    });
  }

  private Future<KeyRing> rotate() {
    return store.rotate(clock.instant().minus(rotation),
            () -> vertx.executeBlocking(() -> generator.apply(clock.instant()), false))
        .compose(added -> reload().onSuccess(loaded -> {
          if (added) {
            LOG.info("New signing key {}", loaded.current().map(SigningKey::kid).orElse("?"));
          }
        }));
  }
}
