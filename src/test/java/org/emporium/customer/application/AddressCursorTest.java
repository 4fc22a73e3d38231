package org.emporium.customer.application;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AddressCursorTest {

  @Test
  void aCursorSurvivesTheRoundTripAndIsUrlSafe() {
    AddressCursor cursor = new AddressCursor(1, UUID.randomUUID());
    String text = cursor.encode();
    assertThat(text).matches("[A-Za-z0-9_-]+");
    assertThat(AddressCursor.decode(text)).contains(cursor);
  }

  @Test
  void anythingElseIsNotACursor() {
    String wrongRank = Base64.getUrlEncoder().encodeToString(("7:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    String noId = Base64.getUrlEncoder().encodeToString("1:nope".getBytes(StandardCharsets.UTF_8));
    for (String text : new String[] {"", "!!!", wrongRank, noId, "MQ"}) {
      assertThat(AddressCursor.decode(text)).as(text).isEmpty();
    }
  }
}
