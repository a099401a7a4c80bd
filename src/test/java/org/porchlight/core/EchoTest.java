package org.porchlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoTest {
  @Test
  void controlCharactersAndInvisibleOverridesAreNotSaidBack() {
    assertThat(Echo.of("\u001b[31mlate\u001b[0m")).isEqualTo("[31mlate[0m");
    assertThat(Echo.of("eight\u202Emp\u0000")).isEqualTo("eightmp");
  }

  @Test
  void lineBreaksAndTabsBecomeOneSpace() {
    assertThat(Echo.of(" half\r\n\tpast eight ")).isEqualTo("half past eight");
  }

  @Test
  void aLongInputIsCutBetweenCharactersNeverInsideAnEmoji() {
    String echoed = Echo.of("a".repeat(39) + "🌙🌙");

    assertThat(echoed).isEqualTo("a".repeat(39) + "🌙…");
  }

  @Test
  void emojiJoinedIntoOneKeepTheirJoiner() {
    assertThat(Echo.of("👩‍👧")).isEqualTo("👩‍👧");
  }
}
