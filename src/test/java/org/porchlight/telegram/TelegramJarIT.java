package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.testing.PorchlightJar;

/** {@code java -jar porchlight.jar} with a token set runs on Telegram, as the README says. */
class TelegramJarIT {
  private static final String TOKEN = "123456:TEST-token-for-the-jar-check-0123456789";

  @TempDir Path dir;

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  @Test
  void withATokenTheJarAnswersOnTelegramAndStopsCleanlyOnSigterm() throws Exception {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Path log = dir.resolve("log.txt");
      int port = PorchlightJar.freePort();
      Process porchlight =
          PorchlightJar.start(
              Map.of(
                  "TELEGRAM_BOT_TOKEN", TOKEN,
                  "PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl(),
                  "PORCHLIGHT_DATA_DIR", dir.resolve("data").toString(),
                  "PORCHLIGHT_SERVER_PORT", String.valueOf(port)),
              log);
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

        // Ready, and counted for Prometheus: the platform, the database pool, the JVM. The
        // sentence model loads in the background (its natives from the jar) and shows once it is.
        String ready =
            "{\"status\":\"up\",\"checks\":{\"database\":\"up\",\"telegram\":\"up\","
                + "\"understanding\":\"up\"}}\n";
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> get(port, "/health/ready").equals(ready));
        String metrics = get(port, "/metrics");
        assertThat(metrics)
            .contains("porchlight_platform_connected{platform=\"telegram\"} 1")
            .contains("porchlight_outbox_messages ")
            .contains("hikaricp_connections_active")
            .contains("jvm_memory_used_bytes")
            .doesNotContain("7001");
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

  @Test
  void aSigtermWhileStartingStopsAsOrderlyAsOneLater() throws Exception {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Path log = dir.resolve("starting.txt");
      Process porchlight =
          PorchlightJar.start(
              Map.of(
                  "TELEGRAM_BOT_TOKEN", TOKEN,
                  "PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl(),
                  "PORCHLIGHT_DATA_DIR", dir.resolve("data").toString()),
              log);
      // Signed in, but not yet sweeping: the middle of starting.
      telegram.awaitCall("getMe", call -> true, Duration.ofSeconds(30));
      porchlight.destroy(); // SIGTERM

      assertThat(porchlight.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      String printed = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(porchlight.exitValue()).as(printed).isZero();
      assertThat(printed).contains("Stopped.").doesNotContain("Exception").doesNotContain("ERROR");
    }
  }

  @Test
  void aPortInUseStopsTheStartWithWhatToChange() throws Exception {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN);
        java.net.ServerSocket taken =
            new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path log = dir.resolve("port.txt");
      Process porchlight =
          PorchlightJar.start(
              Map.of(
                  "TELEGRAM_BOT_TOKEN", TOKEN,
                  "PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl(),
                  "PORCHLIGHT_DATA_DIR", dir.resolve("data").toString(),
                  "PORCHLIGHT_SERVER_PORT", String.valueOf(taken.getLocalPort())),
              log);

      assertThat(porchlight.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String printed = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(porchlight.exitValue()).as(printed).isEqualTo(2);
      assertThat(printed)
          .contains(
              "Porchlight could not start: could not listen on 127.0.0.1:" + taken.getLocalPort())
          .contains("PORCHLIGHT_SERVER_PORT")
          .doesNotContain("Exception");
    }
  }
}
