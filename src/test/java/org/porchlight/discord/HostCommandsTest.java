package org.porchlight.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostCommandsTest {
  @Test
  void aChannelIdFromTheSetupFormIsTakenOnlyWhenItCanBeADiscordId() {
    assertThat(HostCommands.isSnowflake("1302203289567363525")).isTrue();
    assertThat(HostCommands.isSnowflake("18446744073709551615")).as("the largest").isTrue();
    // A forged form id: JDA's snowflake parser would throw on it at every later /post.
    assertThat(HostCommands.isSnowflake("18446744073709551616")).isFalse();
    assertThat(HostCommands.isSnowflake("1".repeat(25))).isFalse();
    assertThat(HostCommands.isSnowflake("")).isFalse();
    assertThat(HostCommands.isSnowflake("12a4")).isFalse();
  }
}
