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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.testing.PorchlightJar;

/** The jar in webhook mode, configured by the environment as the README says. */
class TelegramWebhookJarIT {
  private static final String TOKEN = "123456:TEST-token-for-the-webhook-jar-0123456789";
  private static final String SECRET = "jar_webhook-secret-0123456789";
  private static final String HOOK = "https://porchlight.example.org/telegram/webhook";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private Map<String, String> environment(FakeBotApi telegram, int port, String hook) {
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl());
    env.put("PORCHLIGHT_DATA_DIR", dir.resolve("data").toString());
    env.put("PORCHLIGHT_SERVER_PORT", String.valueOf(port));
    env.put("PORCHLIGHT_TELEGRAM_MODE", "webhook");
    env.put("PORCHLIGHT_TELEGRAM_WEBHOOK_URL", hook);
    env.put("PORCHLIGHT_TELEGRAM_WEBHOOK_SECRET", SECRET);
    return env;
  }

  @Test
  void theJarSetsTheWebhookIsReadyAndAnswersWhatTelegramPostsToIt() throws Exception {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      int port = PorchlightJar.freePort();
      Path log = dir.resolve("log.txt");
      Process porchlight = PorchlightJar.start(environment(telegram, port, HOOK), log);
      try {
        telegram.awaitCall("setWebhook", call -> true, WAIT);
        telegram.webhookReaches("http://127.0.0.1:" + port);
        await().atMost(WAIT).until(() -> ready(port));

        List<FakeBotApi.Post> posts = telegram.deliver(telegram.textMessage(7001, 7001, "/start"));

        assertThat(posts).extracting(FakeBotApi.Post::status).containsExactly(200);
        assertThat(telegram.sent()).anyMatch(call -> call.param("text").contains("not therapy"));
      } finally {
        porchlight.destroy(); // SIGTERM
        assertThat(porchlight.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      }
      assertThat(telegram.webhook().orElseThrow().secret()).isEqualTo(SECRET);
      assertThat(Files.readString(log, StandardCharsets.UTF_8))
          .contains("updates come through the webhook at " + HOOK)
          .doesNotContain(TOKEN)
          .doesNotContain(SECRET)
          .doesNotContain("Exception");
    }
  }

  @Test
  void aPlainHttpAddressStopsTheJarWithWhatToChange() throws Exception {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Path log = dir.resolve("log.txt");
      Process porchlight =
          PorchlightJar.start(
              environment(
                  telegram,
                  PorchlightJar.freePort(),
                  "http://porchlight.example.org/telegram/webhook"),
              log);

      assertThat(porchlight.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(porchlight.exitValue()).isEqualTo(4);
      assertThat(Files.readString(log, StandardCharsets.UTF_8))
          .contains(
              "Porchlight could not start: telegram.webhookUrl (PORCHLIGHT_TELEGRAM_WEBHOOK_URL)")
          .contains("https");
      assertThat(telegram.calls("setWebhook")).isEmpty();
    }
  }

  private static boolean ready(int port) {
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 && answer.body().contains("\"telegram\":\"up\"");
    } catch (Exception e) {
      return false;
    }
  }
}
