package org.emporium.perf.gatling;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Returning customers' accounts, registered before the load. A shopper takes one for the length of
 * a visit (a customer has one cart, and a refresh token may be used once), then gives it back with
 * the refresh token it ended with; a shopper who finds the pool empty registers a new account.
 */
public final class AccountPool {

  public static final String PASSWORD = "load-test-password-1";

  /** An account and its latest refresh token (null: sign in with the password). */
  public record Account(String email, String refreshToken) {
  }

  private final Queue<Account> idle = new ConcurrentLinkedQueue<>();

  /** Registers and signs in {@code count} accounts of this run. */
  public void fill(NodeClient node, Run run, int count) {
    for (int i = 0; i < count; i++) {
      String email = run.newEmail("regular");
      register(node, email);
      JsonNode tokens = node.login(email, PASSWORD);
      idle.add(new Account(email, tokens.path("refresh_token").asText(null)));
    }
  }

  static void register(NodeClient node, String email) {
    NodeClient.Answer answer = node.post("/api/v1/auth/register",
        Map.of("email", email, "password", PASSWORD, "name", "Load Test"), null);
    if (answer.status() == 429) {
      throw new IllegalStateException("registration refused with 429: turn the node's rate limits off "
          + "(EMPORIUM_RATE_LIMITS_ENABLED=false)");
    }
    answer.require("registration of " + email);
  }

  /** An idle account, or null when every account is in use. */
  public Account take() {
    return idle.poll();
  }

  public void giveBack(Account account) {
    idle.add(account);
  }

  public int size() {
    return idle.size();
  }
}
