package org.emporium.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.identity.application.IdentitySettings;
import org.emporium.identity.application.IssuerDocuments;
import org.emporium.identity.application.SigningKeys;
import org.emporium.identity.application.Tokens;
import org.emporium.identity.domain.Account;
import org.emporium.identity.infra.KeyCipher;
import org.emporium.identity.infra.PgSessions;
import org.emporium.identity.infra.PgSigningKeys;
import org.emporium.identity.infra.RsaKeys;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emporium.identity.IdentityNode.await;

/**
 * Key rotation on a clock moved by hand, against the real table, with two {@link SigningKeys}
 * standing for two nodes. The node runs no identity verticle, so only these instances touch keys.
 */
class SigningKeyRotationTest {

  static final Duration ROTATION = Duration.ofDays(30);
  static final Duration OVERLAP = Duration.ofSeconds(630);
  @TempDir
  static Path dir;
  static TestNode node;
  static Vertx vertx;
  static Pool pool;
  static IdentitySettings settings;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final AtomicInteger generated = new AtomicInteger();

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, Map.of("roles", "async"));
    vertx = node.node().vertx();
    pool = new Clients(node.config()).postgresUnshared(vertx, "identity", 4);
    settings = IdentitySettings.from(node.config());
  }

  @AfterAll
  static void stop() {
    pool.close();
    node.close();
  }

  @BeforeEach
  void noKeys() {
    await(pool.query("DELETE FROM identity.signing_key").execute());
  }

  private SigningKeys keys(String secret) {
    return new SigningKeys(vertx, new PgSigningKeys(pool, KeyCipher.of(secret, new SecureRandom())), now -> {
      generated.incrementAndGet();
      return RsaKeys.generate(now);
    }, clock, ROTATION, OVERLAP);
  }

  private static List<String> published(SigningKeys keys) {
    return keys.published().stream().map(k -> k.kid()).toList();
  }

  private JsonObject token(SigningKeys keys) {
    Tokens tokens = new Tokens(settings, keys, new PgSessions(pool), clock, new TimeOrderedIds(clock), new SecureRandom());
    Account account = new Account(UUID.randomUUID(), "a@shop.example", "A", "-", List.of("customer"), null, clock.instant());
    String jwt = tokens.pair(account, UUID.randomUUID(), tokens.newRefreshToken()).getString("access_token");
    return IssuedTokens.header(jwt).put("jwt", jwt);
  }

  private long rows(String where) {
    return await(pool.query("SELECT count(*) FROM identity.signing_key WHERE " + where).execute())
        .iterator().next().getLong(0);
  }

  @Test
  void theFirstStartMakesOneKeyAndLaterStartsReuseIt() {
    SigningKeys first = keys(null);
    await(first.maintain());
    String kid = first.signingKey().kid();
    SigningKeys second = keys(null);
    await(second.maintain());

    assertThat(second.signingKey().kid()).isEqualTo(kid);
    assertThat(rows("true")).isEqualTo(1);
  }

  @Test
  void nodesRotatingTogetherAddOneKeyAndTheOldOneIsPublishedUntilItsTokensExpire() throws Exception {
    SigningKeys nodeA = keys(null);
    SigningKeys nodeB = keys(null);
    await(nodeA.maintain());
    await(nodeB.maintain());
    JsonObject oldToken = token(nodeA);
    String oldKid = oldToken.getString("kid");

    clock.advance(ROTATION);
    await(Future.all(nodeA.maintain(), nodeB.maintain()));

    assertThat(rows("true")).isEqualTo(2);
    assertThat(rows("retired_at IS NULL")).isEqualTo(1);
    assertThat(generated.get()).as("one key made at start, one at rotation").isEqualTo(2);
    String newKid = nodeA.signingKey().kid();
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(nodeB.signingKey().kid()).isEqualTo(newKid);
    JsonObject newToken = token(nodeB);
    assertThat(newToken.getString("kid")).isEqualTo(newKid);
    assertThat(published(nodeA)).containsExactlyInAnyOrder(newKid, oldKid);
    JsonObject jwks = documents(nodeB).jwks();
    IssuedTokens.verify(oldToken.getString("jwt"), jwks);
    IssuedTokens.verify(newToken.getString("jwt"), jwks);

    clock.advance(OVERLAP.minusSeconds(1));
    await(nodeA.maintain());
    assertThat(published(nodeA)).contains(oldKid);

    clock.advance(Duration.ofSeconds(2));
    assertThat(published(nodeA)).containsExactly(newKid);
    await(nodeA.deleteExpired());
    assertThat(rows("kid = '" + oldKid + "'")).isZero();
    assertThatThrownBy(() -> IssuedTokens.verify(oldToken.getString("jwt"), documents(nodeA).jwks()))
        .hasMessageContaining("is not in the JWKS");
  }

  @Test
  void signingWithAKeyDueForRotationFetchesTheNewOne() {
    SigningKeys nodeA = keys(null);
    SigningKeys nodeB = keys(null);
    await(nodeA.maintain());
    await(nodeB.maintain());
    String oldKid = nodeA.signingKey().kid();
    clock.advance(ROTATION.plusSeconds(1));
    await(nodeB.maintain());

    assertThat(nodeA.signingKey().kid()).as("the loaded key signs while the new one loads").isEqualTo(oldKid);
    await(nodeA.maintain());
    assertThat(nodeA.signingKey().kid()).isEqualTo(nodeB.signingKey().kid()).isNotEqualTo(oldKid);
    assertThat(rows("true")).isEqualTo(2);
  }

  @Test
  void privateKeysAreEncryptedWhenASecretIsSet() {
    SigningKeys sealed = keys("a long key encryption secret");
    await(sealed.maintain());
    String kid = sealed.signingKey().kid();
    byte[] stored = await(pool.query("SELECT private_key, private_key_protection FROM identity.signing_key").execute())
        .iterator().next().getBuffer("private_key").getBytes();

    assertThat(rows("private_key_protection = 'aes-256-gcm'")).isEqualTo(1);
    assertThat(stored).isNotEqualTo(sealed.signingKey().privateKey().getEncoded());
    assertThat(await(keys("a long key encryption secret").maintain()).current().orElseThrow().kid()).isEqualTo(kid);
    assertThatThrownBy(() -> await(keys("another secret").maintain())).hasMessageContaining("cannot be decrypted");
    assertThatThrownBy(() -> await(keys(null).maintain())).hasMessageContaining("set identity.keyEncryptionSecret");
  }

  private IssuerDocuments documents(SigningKeys keys) {
    return new IssuerDocuments(settings, keys::published, key -> RsaKeys.jwk(key.kid(), key.publicKey()));
  }
}
