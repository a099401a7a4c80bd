package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bot's account asked once through the library's own client, against the fake Bot API. */
class TelegramAccountTest {
  private static final String TOKEN = "123456:TEST-token-for-the-account-0123456789";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void getMeNamesTheBot() throws IOException {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN);
        TelegramAccount account = new TelegramAccount(TOKEN, telegram.baseUrl(), TIMEOUT)) {
      assertThat(account.whoAmI()).isEqualTo(new TelegramAccount.Bot(123456, "PorchlightTestBot"));
    }
  }

  @Test
  void aWrongTokenIsRefusedWithTheBotApisCode() {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN);
        TelegramAccount account =
            new TelegramAccount(
                "654321:TEST-not-the-token-0123456789", telegram.baseUrl(), TIMEOUT)) {
      assertThatThrownBy(account::whoAmI)
          .isInstanceOfSatisfying(
              TelegramAccount.ErrorAnswer.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(401);
                assertThat(e.tokenRefused()).isTrue();
              });
    }
  }

  @Test
  void getWebhookInfoSaysWhereAndHowDeliveryWent() throws IOException {
    Instant failed = Instant.parse("2026-11-21T18:00:00Z");
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN);
        TelegramAccount account = new TelegramAccount(TOKEN, telegram.baseUrl(), TIMEOUT)) {
      telegram.webhook("https://porchlight.example.org/telegram", 12, "Connection refused", failed);

      assertThat(account.webhook())
          .isEqualTo(
              new TelegramAccount.Webhook(
                  "https://porchlight.example.org/telegram", 12, "Connection refused", failed));
    }
  }

  @Test
  void aServerThatIsNotABotApiIsKnownByItsHttpStatus() throws IOException {
    HttpServer other =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext(
        "/",
        exchange -> {
          byte[] page = "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(404, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    other.start();
    String url = "http://127.0.0.1:" + other.getAddress().getPort();
    try (TelegramAccount account = new TelegramAccount(TOKEN, url, TIMEOUT)) {
      assertThatThrownBy(account::whoAmI)
          .isInstanceOfSatisfying(
              TelegramAccount.ErrorAnswer.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(404);
                assertThat(e.description()).isEmpty();
              });
    } finally {
      other.stop(0);
    }
  }

  @Test
  void anApiUrlWithoutAHostIsNoUrl() {
    assertThatThrownBy(() -> new TelegramAccount(TOKEN, "api.telegram.org", TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
