package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.core.MessageLimit;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;
import org.slf4j.LoggerFactory;

/** One member who floods, on Telegram end to end: nobody else waits behind them. */
class TelegramFloodTest {
  private static final String TOKEN = "123456:TEST-token-for-the-flood-test-0123456789";
  private static final long FLOODING = 7001;
  private static final long OTHER = 7002;
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String CATCH_UP = "catch up with you";

  @TempDir Path dir;
  private FakeBotApi telegram;
  private Database database;
  private TelegramBot bot;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void start() {
    log.start();
    root().addAppender(log);
    telegram = FakeBotApi.start(TOKEN);
    telegram.longPollsAtMost(Duration.ofMillis(50));
    database = TestH2.open(dir, 4);
    bot =
        new TelegramBot(
            RealConversation.on(database, Clock.systemUTC()),
            RealConversation.hosting(database, Clock.systemUTC()),
            database.members(),
            database.offsets(),
            TOKEN,
            telegram.baseUrl(),
            4,
            pause -> {},
            Ticker.SYSTEM);
    bot.start();
  }

  @AfterEach
  void stop() {
    bot.close();
    telegram.close();
    database.close();
    root().detachAppender(log);
  }

  @Test
  void aSecondMembersAnswerIsAnsweredWithinASecondWhileTheFirstFloods() throws Exception {
    setUp(FLOODING);
    setUp(OTHER);
    say(OTHER, "/checkin");
    long question = lastTo(OTHER).messageId();

    // A hundred messages a second for three seconds, one of them crisis words; halfway through,
    // the other member answers their check-in.
    Thread flood =
        new Thread(
            () -> {
              for (int i = 0; i < 300; i++) {
                String words = i == 150 ? "I don't want to be alive anymore" : "message " + i;
                telegram.push(telegram.textMessage(FLOODING, FLOODING, words));
                LockSupport.parkNanos(10_000_000L);
              }
            });
    flood.start();
    LockSupport.parkNanos(1_500_000_000L);
    int before = telegram.sentTo(OTHER).size();
    long pressed = System.nanoTime();
    long pressId = telegram.push(telegram.callback(OTHER, OTHER, question, roughButton()));
    await().atMost(WAIT).until(() -> telegram.sentTo(OTHER).size() > before);
    Duration answeredIn = Duration.ofNanos(System.nanoTime() - pressed);
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= pressId);
    flood.join();
    long last = telegram.lastPushedId();
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= last);

    System.out.printf("flood: the other member's answer came in %d ms%n", answeredIn.toMillis());
    assertThat(answeredIn).isLessThan(Duration.ofSeconds(1));
    List<String> toFlooding = texts(FLOODING);
    assertThat(toFlooding).filteredOn(text -> text.contains(CATCH_UP)).hasSize(1);
    assertThat(toFlooding).anyMatch(text -> text.contains("116 123"));
    // Read: what the allowance left after setting up; the rest, unread, got no answer.
    assertThat(toFlooding.size()).isLessThan(4 + 2 * MessageLimit.AT_ONCE);
    assertThat(errors()).isEmpty();
  }

  @Test
  void aVeryLongMessageAndBinaryJunkAreAnsweredWithoutAnError() {
    setUp(FLOODING);
    int before = telegram.sentTo(FLOODING).size();

    say(FLOODING, "a".repeat(10_000));
    StringBuilder junk = new StringBuilder();
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 2_000; i++) junk.append((char) random.nextInt(0x10000));
    say(FLOODING, junk.toString());
    say(FLOODING, "\u0000\u0001\u001b[31m\ufffe\ud800");

    assertThat(telegram.sentTo(FLOODING).size()).isGreaterThanOrEqualTo(before + 3);
    assertThat(errors()).isEmpty();
  }

  // ---- helpers ----

  private void setUp(long user) {
    say(user, "/time 20:00");
    say(user, "/timezone Europe/London");
  }

  private void say(long user, String text) {
    long id = telegram.push(telegram.textMessage(user, user, text));
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= id);
  }

  private FakeBotApi.Call lastTo(long user) {
    List<FakeBotApi.Call> sent = telegram.sentTo(user);
    return sent.get(sent.size() - 1);
  }

  private String roughButton() {
    List<FakeBotApi.Call> sent = telegram.sentTo(OTHER);
    JsonNode rows = sent.get(sent.size() - 1).params().path("reply_markup").path("inline_keyboard");
    return StreamSupport.stream(rows.spliterator(), false)
        .flatMap(row -> StreamSupport.stream(row.spliterator(), false))
        .filter(button -> button.path("text").asText().equals("Rough day"))
        .findFirst()
        .orElseThrow()
        .path("callback_data")
        .asText();
  }

  private List<String> texts(long user) {
    return telegram.sentTo(user).stream().map(call -> call.param("text")).toList();
  }

  private List<String> errors() {
    synchronized (log) {
      return new ArrayList<>(log.list)
          .stream()
              .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
              .map(ILoggingEvent::getFormattedMessage)
              .toList();
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
