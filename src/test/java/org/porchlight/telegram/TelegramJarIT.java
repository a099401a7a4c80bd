package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar porchlight.jar} with a token set runs on Telegram, as the README says. */
class TelegramJarIT {
  private static final String TOKEN = "123456:TEST-token-for-the-jar-check-0123456789";

  @TempDir Path dir;

  @Test
  void withATokenTheJarAnswersOnTelegramAndStopsCleanlyOnSigterm() throws Exception {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Path jar = Path.of(System.getProperty("porchlight.jar", "target/porchlight.jar"));
      Path log = dir.resolve("log.txt");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
      builder.environment().put("PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl());
      builder.environment().put("PORCHLIGHT_DATA_DIR", dir.resolve("data").toString());
      builder.environment().remove("DISCORD_BOT_TOKEN");
      Process porchlight = builder.start();
      try {
        telegram.push(telegram.textMessage(7001, 7001, "/start"));
        FakeBotApi.Call welcome =
            telegram.awaitCall(
                "sendMessage",
                call -> call.param("text").contains("Porchlight"),
                Duration.ofSeconds(30));
        assertThat(welcome.param("chat_id")).isEqualTo("7001");
        // The whole reply, so the stop below finds Porchlight idle. (A stop in the middle of an
        // answer leaves that update unconfirmed, to be answered again at the next start.)
        telegram.awaitCall(
            "sendMessage", call -> call.param("text").contains("check in"), Duration.ofSeconds(30));
      } finally {
        porchlight.destroy(); // SIGTERM
        assertThat(porchlight.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      assertThat(String.join("\n", lines))
          .contains("signed in as @" + FakeBotApi.BOT_USERNAME)
          .doesNotContain(TOKEN)
          .doesNotContain("Exception");
    }
  }
}
