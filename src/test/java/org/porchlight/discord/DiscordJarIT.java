package org.porchlight.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.discord.FakeDiscord.Where;
import org.porchlight.testing.PorchlightJar;

/**
 * {@code java -jar porchlight.jar} with {@code DISCORD_BOT_TOKEN} runs on Discord, pointed at a
 * Discord by the environment variables the README gives.
 */
class DiscordJarIT {
  @TempDir Path dir;

  @Test
  void withADiscordTokenTheJarAnswersOnDiscordAndStopsOnSigterm() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start()) {
      Path log = dir.resolve("log.txt");
      Process porchlight = PorchlightJar.start(environment(discord, discord.token()), log);
      try {
        discord.awaitReady(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> discord.globalCommands().size() == 23);
        String user = discord.newUser("morgan");
        String help = discord.slashCommand(user, Where.dm(), "help", Map.of());
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    discord.answers(help).stream()
                        .anyMatch(m -> m.path("content").asText().contains("What I can do")));
        String setup =
            discord.slashCommand(
                discord.hostUserId(),
                Where.channel(FakeDiscord.CHECK_IN_CHANNEL_ID),
                "setup",
                Map.of());
        assertThat(discord.awaitCallback(setup, Duration.ofSeconds(30)).type()).isEqualTo(9);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("the jar printed:\n" + Files.readString(log), e);
      } finally {
        porchlight.destroy(); // SIGTERM
        assertThat(porchlight.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      }
      String printed = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(printed)
          .contains("Porchlight is on Discord as")
          .contains("Invite it to a server: https://discord.com/oauth2/authorize?client_id=")
          .doesNotContain(discord.token())
          .doesNotContain("Exception")
          .doesNotContain("ERROR");
      assertThat(discord.unknownCalls()).isEmpty();
    }
  }

  @Test
  void aTokenDiscordRefusesStopsTheJarWithAMessageThatSaysWhatToDo() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start()) {
      Path log = dir.resolve("refused.txt");
      String wrong = "MTIzNDU2Nzg5MDEyMzQ1Njc4.not-the-token.abcdefghijklmnopqrstuvwxyz0";
      Process porchlight = PorchlightJar.start(environment(discord, wrong), log);

      assertThat(porchlight.waitFor(60, TimeUnit.SECONDS)).as("gave up").isTrue();
      String printed = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(porchlight.exitValue()).as(printed).isEqualTo(4);
      assertThat(printed)
          .contains("Discord refused the bot token")
          .contains("DISCORD_BOT_TOKEN")
          .doesNotContain(wrong)
          .doesNotContain("Exception");
      assertThat(discord.identifies()).isZero();
    }
  }

  /** The environment the README gives for running on Discord, pointed at the fake. */
  private Map<String, String> environment(FakeDiscord discord, String token) {
    return Map.of(
        "DISCORD_BOT_TOKEN", token,
        "PORCHLIGHT_DISCORD_API_URL", discord.apiUrl(),
        "PORCHLIGHT_DISCORD_GATEWAY_URL", discord.gatewayUrl(),
        "PORCHLIGHT_DATA_DIR", dir.resolve("data").toString());
  }
}
