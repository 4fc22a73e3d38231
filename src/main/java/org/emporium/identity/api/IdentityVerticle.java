package org.emporium.identity.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import org.emporium.identity.application.AccountRoles;
import org.emporium.identity.application.ChangePassword;
import org.emporium.identity.application.EndSessions;
import org.emporium.identity.application.IdentitySettings;
import org.emporium.identity.application.IssuerDocuments;
import org.emporium.identity.application.LoginLimits;
import org.emporium.identity.application.Passwords;
import org.emporium.identity.application.RefreshSession;
import org.emporium.identity.application.RegisterAccount;
import org.emporium.identity.application.SeedAdmin;
import org.emporium.identity.application.SignIn;
import org.emporium.identity.application.SigningKeys;
import org.emporium.identity.application.Tokens;
import org.emporium.identity.infra.Argon2idHasher;
import org.emporium.identity.infra.EventBusCustomerProfiles;
import org.emporium.identity.infra.KeyCipher;
import org.emporium.identity.infra.PgAccounts;
import org.emporium.identity.infra.PgSessions;
import org.emporium.identity.infra.PgSigningKeys;
import org.emporium.identity.infra.RedisLoginCounters;
import org.emporium.identity.infra.RsaKeys;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.node.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The built-in OIDC issuer (docs/identity.md): wires the use cases to their stores and serves the
 * {@code identity.*} addresses. A timer keeps the signing keys fresh and prunes expired tokens.
 */
public final class IdentityVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityVerticle.class);
  private static final int EXPIRED_TOKENS_PER_PASS = 1000;

  private final Platform platform;
  private long timer = -1;

  public IdentityVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    IdentitySettings settings = IdentitySettings.from(platform.config());
    SeedAdmin.check(settings);
    Clock clock = platform.clock();
    SecureRandom random = new SecureRandom();
    Pool pool = platform.clients().postgres(vertx, "identity");
    Outbox outbox = new Outbox("identity", platform.region(), platform.ids(), clock);
    PgAccounts accounts = new PgAccounts(pool);
    PgSessions sessions = new PgSessions(pool);
    SigningKeys keys = new SigningKeys(vertx, new PgSigningKeys(pool, KeyCipher.of(settings.keyEncryptionSecret(), random)),
        RsaKeys::generate, clock, settings.keyRotation(), settings.keyOverlap());
    WorkerExecutor hashing = vertx.createSharedWorkerExecutor("identity-password-hashing",
        Runtime.getRuntime().availableProcessors());
    Future<Passwords> passwords = Passwords.start(new Argon2idHasher(settings.hashCost(), random), hashing, random);
    return Future.all(passwords, keys.maintain()).compose(ready -> {
      Tokens tokens = new Tokens(settings, keys, sessions, clock, platform.ids(), random);
      LoginLimits limits = new LoginLimits(new RedisLoginCounters(platform.clients().redis(vertx)),
          settings.perAccount(), settings.perIp());
      IdentityEndpoints endpoints = new IdentityEndpoints(new IdentityEndpoints.UseCases(
          new RegisterAccount(pool, outbox, accounts, passwords.result(),
              new EventBusCustomerProfiles(vertx.eventBus(), settings.eventBusTimeoutMs()),
              settings.passwordPolicy(), clock, platform.ids()),
          new SignIn(accounts, passwords.result(), limits, tokens, clock),
          new RefreshSession(sessions, tokens, settings.refreshTokenTtl(), clock),
          new EndSessions(sessions, clock),
          new ChangePassword(pool, outbox, accounts, sessions, passwords.result(), settings.passwordPolicy(), clock),
          new AccountRoles(pool, outbox, accounts, clock),
          new IssuerDocuments(settings, keys::published, key -> RsaKeys.jwk(key.kid(), key.publicKey()))));
      return new SeedAdmin(pool, outbox, accounts, passwords.result(), clock, platform.ids()).ensure(settings)
          .compose(seeded -> endpoints.register(vertx.eventBus()))
          .onSuccess(registered -> timer = vertx.setPeriodic(maintenancePeriodMs(settings), tick -> keys.maintain()
              .compose(ring -> keys.deleteExpired())
              .compose(deleted -> sessions.deleteExpired(clock.instant(), EXPIRED_TOKENS_PER_PASS))
              .onFailure(e -> LOG.warn("Identity maintenance failed: {}", e.toString()))));
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** Every minute, or often enough to notice a shorter rotation period in time. */
  private static long maintenancePeriodMs(IdentitySettings settings) {
    return Math.max(1_000, Math.min(60_000, settings.keyRotation().toMillis() / 10));
  }
}
