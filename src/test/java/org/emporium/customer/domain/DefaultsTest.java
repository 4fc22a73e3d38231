package org.emporium.customer.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultsTest {

  private final UUID a = UUID.randomUUID();
  private final UUID b = UUID.randomUUID();
  private final UUID c = UUID.randomUUID();

  @Test
  void theFirstAddressTakesBothDefaults() {
    assertThat(new Defaults(null, null).afterSave(a, false, false)).isEqualTo(new Defaults(a, a));
  }

  @Test
  void laterAddressesTakeOnlyTheDefaultsTheyAskFor() {
    Defaults both = new Defaults(a, a);
    assertThat(both.afterSave(b, false, false)).isEqualTo(both);
    assertThat(both.afterSave(b, true, false)).isEqualTo(new Defaults(b, a));
    assertThat(both.afterSave(b, false, true)).isEqualTo(new Defaults(a, b));
    assertThat(both.afterSave(b, false, false).differsFrom(both)).isFalse();
    assertThat(both.afterSave(b, true, true).differsFrom(both)).isTrue();
  }

  @Test
  void deletingADefaultMovesItToTheNewestRemainingOrClearsIt() {
    Defaults split = new Defaults(a, b);
    assertThat(split.afterDelete(a, c)).isEqualTo(new Defaults(c, b));
    assertThat(split.afterDelete(b, c)).isEqualTo(new Defaults(a, c));
    assertThat(split.afterDelete(c, b)).isEqualTo(split);
    assertThat(new Defaults(a, a).afterDelete(a, null)).isEqualTo(new Defaults(null, null));
  }

  @Test
  void theLimitAdmitsUpToItsMaximum() {
    AddressBookLimit limit = new AddressBookLimit(2);
    assertThat(limit.admitOneMore(1)).isEmpty();
    assertThat(limit.admitOneMore(2)).contains(new Rejection.AddressBookFull(2));
  }
}
