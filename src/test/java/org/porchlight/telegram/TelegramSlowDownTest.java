package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.runtime.Ticker;
import org.porchlight.schedule.Seed;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;

/**
 * A 429 is waited out for as long as Telegram asked, even when the library cannot read the answer:
 * the wait is read from the answer itself, its {@code parameters.retry_after} or its {@code
 * Retry-After} header. Before, such a letter was tried again in the outbox's 30 s, and a reply
 * after a second.
 */
class TelegramSlowDownTest {
  private static final String TOKEN = "123456:TEST-token-for-the-slow-down-check-0123";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long ALEX = 9001;

  @TempDir Path dir;
  private FakeBotApi telegram;
  private Database database;
  private TelegramBot bot;
  private Sender sender;
  private Sweeper sweeper;
  private Instant due;
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws InterruptedException {
    // Members due today in UTC: a run that would cross midnight waits until after it.
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    if (now.isAfter(LocalTime.of(23, 59, 30))) {
      Thread.sleep(Duration.between(now, LocalTime.MAX).plusSeconds(2).toMillis());
    }
    telegram = FakeBotApi.start(TOKEN);
    telegram.longPollsAtMost(Duration.ofMillis(50));
    database = TestH2.open(dir, 4);
    Conversation conversation = RealConversation.on(database, Clock.systemUTC());
    bot =
        new TelegramBot(
            conversation,
            RealConversation.hosting(database, Clock.systemUTC()),
            database.members(),
            database.offsets(),
            TOKEN,
            telegram.baseUrl(),
            4,
            pauses::add,
            Ticker.SYSTEM);
    bot.start();
    DueCheckIns rules = new DueCheckIns(ConversationOptions.DEFAULT);
    sender =
        new Sender(
            database.outbox(),
            database.members(),
            List.of(new Sender.Channel(bot.messenger(), new RateLimit(30, 1, Ticker.SYSTEM))),
            conversation::prompt,
            rules,
            Clock.systemUTC(),
            2,
            20);
    sweeper = new Sweeper(database.due(), rules, Clock.systemUTC(), 100);
    due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    sender.close();
    bot.close();
    telegram.close();
    database.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Cut short: the library cannot parse it.
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
            + "\"parameters\":{\"retry_after\":7}",
        // "ok" as a word: the library cannot parse it.
        "{\"ok\":\"no\",\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
            + "\"parameters\":{\"retry_after\":7}}",
        // No "ok" at all: the library's reader fails and never says so.
        "{\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
            + "\"parameters\":{\"retry_after\":7}}"
      })
  void aCheckInRefusedWithAnUnreadable429WaitsAsLongAsTelegramAsked(String body)
      throws SQLException {
    telegram.failNextUnreadably("sendMessage", 429, Map.of(), body);

    assertTheLetterWaitsSevenSeconds();
  }

  @Test
  void aCheckInRefusedWithOnlyARetryAfterHeaderWaitsThatLong() throws SQLException {
    // As a proxy in front of the Bot API might answer: an HTML page and the standard header.
    telegram.failNextUnreadably(
        "sendMessage",
        429,
        Map.of("Retry-After", "7", "Content-Type", "text/html"),
        "<html><body><h1>429 Too Many Requests</h1></body></html>");

    assertTheLetterWaitsSevenSeconds();
  }

  @Test
  void aReplyRefusedWithAnUnreadable429IsSentAgainAfterTelegramsWait() {
    telegram.failNextUnreadably(
        "sendMessage",
        429,
        Map.of(),
        "{\"ok\":false,\"error_code\":429,\"parameters\":{\"retry_after\":7");

    telegram.push(telegram.textMessage(ALEX, ALEX, "/help"));

    // The first message (the welcome) is refused, then sent again.
    await()
        .atMost(WAIT)
        .until(
            () ->
                telegram.calls("sendMessage").size() >= 2
                    && !telegram.calls("sendMessage").get(1).failed());
    List<FakeBotApi.Call> calls = telegram.calls("sendMessage");
    assertThat(calls.get(1).param("text")).isEqualTo(calls.get(0).param("text"));
    assertThat(pauses).containsExactly(Duration.ofSeconds(7));
  }

  private void assertTheLetterWaitsSevenSeconds() throws SQLException {
    Seed.dueMembers(database.dataSource(), "telegram", ALEX, 1, due);

    sweeper.sweep();
    sender.start();

    await().atMost(WAIT).until(() -> telegram.calls("sendMessage").size() == 1);
    Instant refused = telegram.calls("sendMessage").get(0).at();
    await()
        .atMost(WAIT)
        .until(() -> notBefore().filter(at -> at.isAfter(refused.plusSeconds(1))).isPresent());
    // From the refusal: Telegram's 7 s and the time to hear it, not the outbox's 30 s.
    assertThat(Duration.between(refused, notBefore().orElseThrow()))
        .isBetween(Duration.ofMillis(6_500), Duration.ofSeconds(9));
  }

  private Optional<Instant> notBefore() throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT not_before FROM outbox");
        ResultSet rows = s.executeQuery()) {
      return rows.next()
          ? Optional.of(rows.getObject(1, OffsetDateTime.class).toInstant())
          : Optional.empty();
    }
  }
}
