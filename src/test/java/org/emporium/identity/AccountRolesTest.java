package org.emporium.identity;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** identity.getAccount, identity.grantRole and identity.revokeRole: the rules and their events. */
@ExtendWith(SharedIdentityNode.class)
class AccountRolesTest {

  static IdentityNode node;
  static Flows flows;

  @BeforeAll
  static void setUp(IdentityNode shared) {
    node = shared;
    flows = new Flows(shared);
  }

  private static UUID newAccountId() {
    return flows.register(IdentityNode.newEmail(), Flows.PASSWORD, "Shopkeeper");
  }

  private static JsonObject roleRequest(Principal caller, UUID account, String role, JsonObject body) {
    JsonObject envelope = body == null ? Envelopes.empty() : Envelopes.body(body);
    return Envelopes.path(Envelopes.path(Envelopes.as(caller, envelope), "accountId", account), "role", role);
  }

  private static long roleEvents(UUID account) {
    return node.count("SELECT count(*) FROM identity.outbox WHERE aggregate_id = $1 AND event_type = $2",
        account.toString(), "emporium.identity.account.roles-changed.v1");
  }

  @Test
  void anAdminReadsAnAccount() {
    String email = IdentityNode.newEmail();
    UUID id = flows.register(email, Flows.PASSWORD, "Shopkeeper");

    JsonObject reply = node.call("identity.getAccount",
        Envelopes.path(Envelopes.as(Admins.principal(), Envelopes.empty()), "accountId", id));

    JsonObject account = reply.getJsonObject("body");
    assertThat(reply.getInteger("status")).isEqualTo(200);
    assertThat(account.getString("accountId")).isEqualTo(id.toString());
    assertThat(account.getString("email")).isEqualTo(email);
    assertThat(account.getJsonArray("roles")).containsExactly("customer");
    assertThat(account.getValue("shopId")).isNull();
    assertThat(account.getString("createdAt")).isNotBlank();
  }

  @Test
  void onlyAdminsManageAccounts() throws Exception {
    UUID id = newAccountId();
    Principal customer = flows.principal(flows.login(flows.newAccount(), Flows.PASSWORD));
    JsonObject read = Envelopes.path(Envelopes.empty(), "accountId", id);

    assertThat(node.problem("identity.getAccount", read).status()).isEqualTo(401);
    assertThat(node.problem("identity.getAccount", Envelopes.as(customer, read)).status()).isEqualTo(403);
    assertThat(node.problem("identity.grantRole", roleRequest(customer, customer.customerId(), "admin", null)).status())
        .isEqualTo(403);
    assertThat(node.problem("identity.getAccount",
        Envelopes.path(Envelopes.as(Admins.principal(), Envelopes.empty()), "accountId", UUID.randomUUID())).status())
        .isEqualTo(404);
    assertThat(node.sql("SELECT roles FROM identity.account WHERE id = $1", customer.customerId()).iterator().next()
        .getArrayOfStrings("roles")).containsExactly("customer");
  }

  @Test
  void aSellerNeedsItsShop() {
    UUID id = newAccountId();
    Problem problem = node.problem("identity.grantRole", roleRequest(Admins.principal(), id, "seller", null));

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("/shopId");
    assertThat(roleEvents(id)).isZero();
  }

  @Test
  void grantingARoleStoresAndPublishesItOnce() {
    UUID id = newAccountId();
    UUID shop = UUID.randomUUID();
    JsonObject grant = roleRequest(Admins.principal(), id, "seller", new JsonObject().put("shopId", shop.toString()));

    JsonObject first = node.call("identity.grantRole", grant).getJsonObject("body");
    JsonObject second = node.call("identity.grantRole", grant).getJsonObject("body");

    assertThat(first.getJsonArray("roles")).containsExactly("customer", "seller");
    assertThat(first.getString("shopId")).isEqualTo(shop.toString());
    assertThat(second).isEqualTo(first);
    assertThat(roleEvents(id)).as("the second grant changed nothing").isEqualTo(1);
    JsonObject data = new JsonObject(node.sql("SELECT envelope FROM identity.outbox WHERE aggregate_id = $1 AND "
        + "event_type LIKE '%roles-changed%'", id.toString()).iterator().next().getString("envelope")).getJsonObject("data");
    assertThat(data.getJsonArray("roles")).containsExactly("customer", "seller");
    assertThat(data.getString("shopId")).isEqualTo(shop.toString());
  }

  @Test
  void aSellerMovesToAnotherShop() {
    UUID id = newAccountId();
    UUID newShop = UUID.randomUUID();
    node.call("identity.grantRole", roleRequest(Admins.principal(), id, "seller",
        new JsonObject().put("shopId", UUID.randomUUID().toString())));
    JsonObject account = node.call("identity.grantRole", roleRequest(Admins.principal(), id, "seller",
        new JsonObject().put("shopId", newShop.toString()))).getJsonObject("body");
    assertThat(account.getString("shopId")).isEqualTo(newShop.toString());
    assertThat(roleEvents(id)).isEqualTo(2);
  }

  @Test
  void revokingSellerDropsTheShop() {
    UUID id = newAccountId();
    node.call("identity.grantRole", roleRequest(Admins.principal(), id, "seller",
        new JsonObject().put("shopId", UUID.randomUUID().toString())));

    JsonObject account = node.call("identity.revokeRole", roleRequest(Admins.principal(), id, "seller", null))
        .getJsonObject("body");

    assertThat(account.getJsonArray("roles")).containsExactly("customer");
    assertThat(account.getValue("shopId")).isNull();
    assertThat(node.sql("SELECT shop_id FROM identity.account WHERE id = $1", id).iterator().next().getUUID("shop_id"))
        .isNull();
    assertThat(roleEvents(id)).isEqualTo(2);
  }

  @Test
  void everyAccountStaysACustomer() {
    UUID id = newAccountId();
    Problem problem = node.problem("identity.revokeRole", roleRequest(Admins.principal(), id, "customer", null));
    assertThat(problem.status()).isEqualTo(422);
    assertThat(roleEvents(id)).isZero();
  }

  @Test
  void anAdminCannotDropItsOwnAdminButAnotherAdminCan() {
    UUID id = newAccountId();
    node.call("identity.grantRole", roleRequest(Admins.principal(), id, "admin", null));

    Problem own = node.problem("identity.revokeRole", roleRequest(Admins.principal(id), id, "admin", null));
    assertThat(own.status()).isEqualTo(422);
    assertThat(node.sql("SELECT roles FROM identity.account WHERE id = $1", id).iterator().next()
        .getArrayOfStrings("roles")).containsExactly("customer", "admin");

    JsonObject account = node.call("identity.revokeRole", roleRequest(Admins.principal(), id, "admin", null))
        .getJsonObject("body");
    assertThat(account.getJsonArray("roles")).containsExactly("customer");
  }

  @Test
  void unknownAccountsAreNotFound() {
    assertThat(node.problem("identity.grantRole", roleRequest(Admins.principal(), UUID.randomUUID(), "admin", null))
        .status()).isEqualTo(404);
    assertThat(node.problem("identity.revokeRole", roleRequest(Admins.principal(), UUID.randomUUID(), "admin", null))
        .status()).isEqualTo(404);
  }
}
