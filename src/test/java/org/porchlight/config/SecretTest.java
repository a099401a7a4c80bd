package org.porchlight.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void aSecretPrintsAsStarsAndOnlyRevealGivesIt() {
    Secret token = Secret.of("123:tg-secret");

    assertThat(token.toString()).isEqualTo("***");
    assertThat(String.valueOf(token)).doesNotContain("tg-secret");
    assertThat(token.reveal()).isEqualTo("123:tg-secret");
    assertThat(token.isSet()).isTrue();
  }

  @Test
  void anUnsetSecretPrintsAsNothing() {
    assertThat(Secret.of("").toString()).isEmpty();
    assertThat(Secret.of("  ").isSet()).isFalse();
    assertThat(Secret.NONE.reveal()).isEmpty();
  }

  @Test
  void aPastedTokensNewlineIsDropped() {
    assertThat(Secret.of("abc\n")).isEqualTo(Secret.of("abc"));
  }
}
