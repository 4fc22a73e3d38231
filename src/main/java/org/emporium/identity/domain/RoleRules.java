package org.emporium.identity.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who may hold which role: every account is a {@code customer}, a {@code seller} sells for one
 * shop, and an {@code admin} cannot drop its own {@code admin} (so some admin always remains).
 */
public final class RoleRules {

  public static final String CUSTOMER = "customer";
  public static final String SELLER = "seller";
  public static final String ADMIN = "admin";
  /** The roles there are, in the order an account lists them. */
  public static final List<String> ORDER = List.of(CUSTOMER, SELLER, ADMIN);

  private RoleRules() {
  }

  /** What granting {@code role} does to {@code account}. */
  public static RoleChange grant(Account account, String role, UUID shopId) {
    if (!ORDER.contains(role)) {
      return refused("/role", "There is no role '" + role + "'.", "is not one of " + ORDER);
    }
    if (role.equals(SELLER) && shopId == null) {
      return refused("/shopId", "A seller needs the shop it sells for.", "is required to grant the seller role");
    }
    boolean has = account.roles().contains(role);
    UUID newShop = role.equals(SELLER) ? shopId : account.shopId();
    if (has && Objects.equals(newShop, account.shopId())) {
      return new RoleChange.Unchanged(account);
    }
    return new RoleChange.Changed(account.withRoles(ordered(account.roles(), role, true), newShop));
  }

  /** What revoking {@code role} does to {@code account}, asked by the admin {@code actingAccount}. */
  public static RoleChange revoke(Account account, String role, UUID actingAccount) {
    if (!ORDER.contains(role)) {
      return refused("/role", "There is no role '" + role + "'.", "is not one of " + ORDER);
    }
    if (role.equals(CUSTOMER)) {
      return refused("/role", "Every account keeps the customer role.", "cannot be revoked");
    }
    if (role.equals(ADMIN) && account.id().equals(actingAccount)) {
      return refused("/role", "An admin cannot revoke its own admin role.", "cannot be revoked from yourself");
    }
    if (!account.roles().contains(role)) {
      return new RoleChange.Unchanged(account);
    }
    UUID newShop = role.equals(SELLER) ? null : account.shopId();
    return new RoleChange.Changed(account.withRoles(ordered(account.roles(), role, false), newShop));
  }

  private static List<String> ordered(List<String> roles, String role, boolean add) {
    return ORDER.stream()
        .filter(r -> r.equals(role) ? add : roles.contains(r))
        .toList();
  }

  private static RoleChange refused(String field, String detail, String message) {
    return new RoleChange.Refused(new Rejection.NotAllowed(detail, List.of(new Rejection.FieldProblem(field, message))));
  }

  /** The outcome of a grant or revoke. */
  public sealed interface RoleChange {
    /** The account already was so; nothing to write or publish. */
    record Unchanged(Account account) implements RoleChange {
    }

    /** The account as it becomes. */
    record Changed(Account account) implements RoleChange {
    }

    /** Against the rules. */
    record Refused(Rejection rejection) implements RoleChange {
    }
  }
}
