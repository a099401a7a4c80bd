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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.porchlight.config.Settings;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.runtime.Ticker;
import org.porchlight.schedule.Seed;
import org.porchlight.store.Database;
import org.porchlight.testing.Corpus;
import org.porchlight.testing.FakeTicker;
import org.porchlight.testing.RealConversation;

/**
 * Check-ins from the outbox to Telegram, end to end: swept, sent through the real adapter to the
 * fake Bot API over HTTP, answered with the button, and every real error body handled.
 */
class TelegramDeliveryTest {
  private static final String TOKEN = "123456:TEST-token-for-the-delivery-check-012345";
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private FakeBotApi telegram;
  private Database database;
  private TelegramBot bot;
  private Sender sender;
  private Sweeper sweeper;
  private Instant due;

  @BeforeEach
  void start() throws SQLException {
    // Members due today in UTC: a run that would cross midnight waits until after it.
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    if (now.isAfter(LocalTime.of(23, 59, 30))) {
      sleep(Duration.between(now, LocalTime.MAX).plusSeconds(2));
    }
    telegram = FakeBotApi.start(TOKEN);
    telegram.longPollsAtMost(Duration.ofMillis(50));
    database = Database.open(Settings.Store.embeddedJdbcUrl(dir), "", "", 4);
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
            pause -> {},
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

  @Test
  void sendingOnlyReadinessFollowsWhetherTelegramStillAnswers() throws Exception {
    FakeTicker ticker = new FakeTicker();
    TelegramBot sendOnly =
        new TelegramBot(
            RealConversation.on(database, Clock.systemUTC()),
            RealConversation.hosting(database, Clock.systemUTC()),
            database.members(),
            database.offsets(),
            TOKEN,
            telegram.baseUrl(),
            1,
            pause -> {},
            ticker);
    try {
      sendOnly.startSendingOnly();
      Duration lately = Duration.ofMinutes(3);
      assertThat(sendOnly.isConnected(lately)).isTrue();

      telegram.failNext(
          "getMe", 1, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
      ticker.advance(Duration.ofMinutes(3));
      sendOnly.heartbeat();
      assertThat(sendOnly.isConnected(lately)).as("no answer lately").isFalse();

      sendOnly.heartbeat();
      assertThat(sendOnly.isConnected(lately)).as("answering again").isTrue();
    } finally {
      sendOnly.close();
    }
  }

  @Test
  void aDueMemberGetsTheQuestionWithButtonsAndTheirPressIsRecorded() throws SQLException {
    Seed.dueMembers(database.dataSource(), "telegram", 7001, 3, due);

    sweeper.sweep();
    sender.start();
    await().atMost(WAIT).until(() -> telegram.sent().size() == 3);

    FakeBotApi.Call question =
        telegram.sent().stream().filter(c -> c.param("chat_id").equals("7001")).findFirst().get();
    LocalDate today = LocalDate.ofInstant(due, ZoneOffset.UTC);
    String fine = "1:a:f:" + today.toString().replace("-", "");
    assertThat(question.params().path("reply_markup").toString()).contains(fine);
    telegram.push(telegram.callback(7001, 7001, question.messageId(), fine));
    MemberId member = new MemberId("telegram", "7001");
    await()
        .atMost(WAIT)
        .until(() -> database.checkIns().find(member, today).flatMap(c -> c.mood()).isPresent());
    assertThat(database.checkIns().find(member, today).get().mood()).contains(Mood.FINE);
  }

  @Test
  void ninetyMembersAtThirtyASecondTakeThreeSecondsWithNoBurst() throws SQLException {
    Seed.dueMembers(database.dataSource(), "telegram", 8001, 90, due);
    telegram.limitMessages(30, 3);

    sweeper.sweep();
    sender.start();
    await().atMost(WAIT).until(() -> telegram.sent().size() == 90);

    List<Instant> at = telegram.sent().stream().map(FakeBotApi.Call::at).sorted().toList();
    assertThat(Duration.between(at.get(0), at.get(89))).isGreaterThan(Duration.ofMillis(2_800));
    assertThat(telegram.tooManyRequests()).isZero();
  }

  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#errorCases")
  void everyErrorBodyLeavesTheLetterRightlyPlaced(TelegramPayloads.ErrorCase error)
      throws SQLException {
    letterRightlyPlacedAfter(error);
  }

  @Tag(Corpus.TAG)
  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#corpusErrorCases")
  void everyCorpusErrorBodyLeavesTheLetterRightlyPlaced(TelegramPayloads.ErrorCase error)
      throws SQLException {
    letterRightlyPlacedAfter(error);
  }

  private void letterRightlyPlacedAfter(TelegramPayloads.ErrorCase error) throws SQLException {
    Seed.dueMembers(database.dataSource(), "telegram", 9001, 1, due);
    MemberId member = new MemberId("telegram", "9001");
    telegram.failNext("sendMessage", 1, error.httpStatus(), error.body());

    sweeper.sweep();
    sender.start();

    if (error.httpStatus() == 429) {
      // Waited out in full: the letter waits as long as Telegram asked, and nothing is sent.
      long asked = Long.parseLong(error.body().replaceAll(".*\"retry_after\":\\s*(\\d+).*", "$1"));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  notBefore().isPresent() && notBefore().get().isAfter(due.plusSeconds(asked - 5)));
      sleep(Duration.ofMillis(500));
      assertThat(telegram.calls("sendMessage")).hasSize(1);
    } else if (error.httpStatus() == 403 || error.body().contains("chat not found")) {
      await().atMost(WAIT).until(() -> !database.members().isReachable(member));
      await().atMost(WAIT).until(() -> database.outbox().backlog().count() == 0);
      assertThat(telegram.sent()).isEmpty();
    } else {
      // Tried again later (30 s on), not lost.
      await()
          .atMost(WAIT)
          .until(() -> notBefore().isPresent() && notBefore().get().isAfter(due.plusSeconds(20)));
      assertThat(database.members().isReachable(member)).isTrue();
    }
  }

  private java.util.Optional<Instant> notBefore() throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT not_before FROM outbox");
        ResultSet rows = s.executeQuery()) {
      return rows.next()
          ? java.util.Optional.of(rows.getObject(1, OffsetDateTime.class).toInstant())
          : java.util.Optional.empty();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
