package org.emporium.identity.domain;

import org.emporium.identity.domain.RoleRules.RoleChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoleRulesTest {

  final UUID shop = UUID.randomUUID();
  final Account customer = new Account(UUID.randomUUID(), "c@shop.example", "C", "-", List.of("customer"), null,
      Instant.EPOCH);

  @Test
  void grantsKeepTheCanonicalOrder() {
    Account admin = ((RoleChange.Changed) RoleRules.grant(customer, "admin", null)).account();
    Account both = ((RoleChange.Changed) RoleRules.grant(admin, "seller", shop)).account();
    assertThat(both.roles()).containsExactly("customer", "seller", "admin");
    assertThat(both.shopId()).isEqualTo(shop);
  }

  @Test
  void aSellerNeedsAShopAndUnknownRolesAreRefused() {
    assertThat(RoleRules.grant(customer, "seller", null)).isInstanceOf(RoleChange.Refused.class);
    assertThat(RoleRules.grant(customer, "superuser", null)).isInstanceOf(RoleChange.Refused.class);
    assertThat(RoleRules.revoke(customer, "superuser", null)).isInstanceOf(RoleChange.Refused.class);
  }

  @Test
  void grantingWhatIsThereChangesNothing() {
    assertThat(RoleRules.grant(customer, "customer", null)).isEqualTo(new RoleChange.Unchanged(customer));
    Account seller = ((RoleChange.Changed) RoleRules.grant(customer, "seller", shop)).account();
    assertThat(RoleRules.grant(seller, "seller", shop)).isInstanceOf(RoleChange.Unchanged.class);
    assertThat(RoleRules.grant(seller, "seller", UUID.randomUUID())).isInstanceOf(RoleChange.Changed.class);
    assertThat(RoleRules.revoke(customer, "admin", UUID.randomUUID())).isInstanceOf(RoleChange.Unchanged.class);
  }

  @Test
  void customerStaysAndAnAdminKeepsItsOwnAdmin() {
    Account admin = ((RoleChange.Changed) RoleRules.grant(customer, "admin", null)).account();
    assertThat(RoleRules.revoke(admin, "customer", UUID.randomUUID())).isInstanceOf(RoleChange.Refused.class);
    assertThat(RoleRules.revoke(admin, "admin", admin.id())).isInstanceOf(RoleChange.Refused.class);
    assertThat(((RoleChange.Changed) RoleRules.revoke(admin, "admin", UUID.randomUUID())).account().roles())
        .containsExactly("customer");
  }

  @Test
  void revokingSellerForgetsTheShop() {
    Account seller = ((RoleChange.Changed) RoleRules.grant(customer, "seller", shop)).account();
    Account revoked = ((RoleChange.Changed) RoleRules.revoke(seller, "seller", UUID.randomUUID())).account();
    assertThat(revoked.roles()).containsExactly("customer");
    assertThat(revoked.shopId()).isNull();
  }
}
