package org.porchlight.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** users/@me bound into a record, against the fake Discord. */
class DiscordAccountTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void usersAtMeNamesTheBot() throws IOException {
    try (FakeDiscord discord = FakeDiscord.start()) {
      DiscordAccount account = new DiscordAccount(discord.apiUrl(), discord.token(), TIMEOUT);

      assertThat(account.whoAmI())
          .isEqualTo(new DiscordAccount.User(discord.botId(), "Porchlight"));
    }
  }

  @Test
  void aWrongTokenIsRefusedWithDiscordsStatusAndMessage() {
    try (FakeDiscord discord = FakeDiscord.start()) {
      DiscordAccount account =
          new DiscordAccount(
              discord.apiUrl(),
              "MTIzNDU2Nzg5MDEyMzQ1Njc4.not-the-token.abcdefghijklmnopqrstuvwxyz0",
              TIMEOUT);

      assertThatThrownBy(account::whoAmI)
          .isInstanceOfSatisfying(
              DiscordAccount.ErrorAnswer.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.discordMessage()).isEqualTo("401: Unauthorized");
                assertThat(e.code()).isZero();
                assertThat(e.tokenRefused()).isTrue();
              });
    }
  }
}
