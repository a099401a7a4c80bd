package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.delivery.Messenger.Delivery;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;
import org.slf4j.LoggerFactory;

/**
 * No thread waits on the Bot API for longer than its deadline, whatever the server answers, or
 * whether it answers at all; an answer taken but unreadable is not sent again; an outage is two log
 * lines.
 */
class TelegramDeadlinesTest {
  private static final String TOKEN = "123456:TEST-token-for-the-fake-bot-api-0123456789";
  private static final long ALEX = 5001;
  // What a few seconds means in the issue: a start or a stop a member would not notice.
  private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

  @TempDir Path dir;
  private FakeBotApi telegram;
  private Database database;
  private TelegramBot bot;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void start() {
    root().addAppender(log);
    log.start();
    // The end of an outage is said at INFO, which tests otherwise leave out.
    porchlight().setLevel(Level.INFO);
    telegram = FakeBotApi.start(TOKEN);
    telegram.longPollsAtMost(Duration.ofMillis(200));
    database = TestH2.open(dir, 4);
  }

  @AfterEach
  void stop() {
    if (bot != null) bot.close();
    telegram.close();
    database.close();
    root().detachAppender(log);
    porchlight().setLevel(null);
  }

  private static Logger porchlight() {
    return (Logger) LoggerFactory.getLogger("org.porchlight");
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private TelegramBot bot() {
    return new TelegramBot(
        RealConversation.on(database, Clock.systemUTC()),
        RealConversation.hosting(database, Clock.systemUTC()),
        database.members(),
        database.offsets(),
        TOKEN,
        telegram.baseUrl(),
        4,
        Pause.SLEEP,
        Ticker.SYSTEM);
  }

  private void startBot() {
    bot = bot();
    assertTimeoutPreemptively(FEW_SECONDS, bot::start);
  }

  private List<ILoggingEvent> logged() {
    synchronized (log) {
      return new ArrayList<>(log.list);
    }
  }

  private void answersHelp() {
    telegram.push(telegram.textMessage(ALEX, ALEX, "/help"));
    telegram.awaitCall("sendMessage", call -> call.param("text").contains("/checkin"), FEW_SECONDS);
  }

  @Test
  void aCommandMenuAnsweredWithoutOkNeitherHoldsTheStartNorTheChat() {
    // A 500 whose JSON has no "ok": the library's reader fails on it and never says so.
    telegram.failNext("setMyCommands", 10, 500, "{\"description\":\"Internal Server Error\"}");

    startBot();

    answersHelp();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"ok\":true,\"result\":\"not a message\"}", // read, but not as a message
        "{\"result\":{\"message_id\":1}}", // no "ok": the library's reader drops it
        "<html>taken</html>" // not JSON at all
      })
  void aCheckInTakenWithAnUnreadableAnswerReachesTheMemberOnce(String body) {
    startBot();
    telegram.answerUnreadablyNext("sendMessage", body);

    Delivery delivery =
        assertTimeoutPreemptively(
            FEW_SECONDS,
            () ->
                bot.messenger()
                    .send(new MemberId("telegram", String.valueOf(ALEX)), Reply.text("Hi")));

    assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(telegram.calls("sendMessage")).hasSize(1);
    telegram.answerUnreadablyNext("sendMessage", body);
    bot.messenger().send(new MemberId("telegram", String.valueOf(ALEX)), Reply.text("Again"));
    assertThat(logged())
        .filteredOn(event -> event.getFormattedMessage().contains("could not be read"))
        .as("logged once for the method")
        .hasSize(1);
  }

  @Test
  void aReplyTakenWithAnUnreadableAnswerIsNotSentAgain() {
    startBot();
    telegram.answerUnreadablyNext("sendMessage", "{\"result\":{}}");

    telegram.push(telegram.textMessage(ALEX, ALEX, "/help"));
    await().atMost(FEW_SECONDS).until(() -> !telegram.calls("sendMessage").isEmpty());
    String text = telegram.calls("sendMessage").get(0).param("text");

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(
            () ->
                telegram.calls("sendMessage").stream()
                        .filter(call -> call.param("text").equals(text))
                        .count()
                    == 1);
  }

  @Test
  void aPollThatIsNeverAnsweredDoesNotHoldTheStop() {
    startBot();
    telegram.pollsNeverAnswer();
    // A poll is under way, held by the server, before the stop.
    await().atMost(FEW_SECONDS).until(() -> telegram.heldPolls() > 0);

    TelegramBot stopping = bot;
    bot = null;
    assertTimeoutPreemptively(FEW_SECONDS, stopping::close);
    // Nothing is left waiting on the server: the poll in flight was cancelled, not abandoned.
    await()
        .atMost(Duration.ofSeconds(1))
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(thread -> thread.getName().startsWith("porchlight-telegram-poll")));
  }

  @Test
  void anOutageIsTwoLinesAndNoStackTrace() {
    startBot();
    await().atMost(FEW_SECONDS).until(bot::isConnected);
    await().atMost(FEW_SECONDS).until(() -> telegram.calls("setMyCommands").size() == 3);

    telegram.goAway();
    await().atMost(FEW_SECONDS).until(() -> !bot.isConnected());
    // The code keeps no count of tries, only the outage's start: a few seconds of tries stand
    // for two minutes of them (with the pause between tries growing to 30 s), which
    // -Doutage.seconds=120 runs for real.
    Duration away = Duration.ofSeconds(Long.getLong("outage.seconds", 4));
    await().during(away).atMost(away.plusSeconds(2)).until(() -> !bot.isConnected());
    telegram.comeBack();
    // The next try comes at most one pause (30 s at the longest) later.
    await().atMost(Duration.ofSeconds(35)).until(bot::isConnected);
    answersHelp();

    List<ILoggingEvent> aboutIt =
        logged().stream()
            .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
            .filter(event -> event.getFormattedMessage().contains("Telegram"))
            .filter(event -> !event.getFormattedMessage().contains("signed in"))
            .toList();
    assertThat(aboutIt)
        .extracting(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            gone -> assertThat(gone).startsWith("Telegram cannot be reached (getUpdates"),
            back -> assertThat(back).startsWith("Telegram answers again, after"));
    assertThat(logged()).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
    assertThat(logged()).noneMatch(event -> event.getLevel() == Level.ERROR);
  }
}
