package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.PorchlightJar;
import org.porchlight.testing.RealConversation;
import org.slf4j.LoggerFactory;

/**
 * The database out of reach while members write, on Telegram end to end: crisis language is
 * answered meanwhile, from the words alone; everything else is answered once the database is back,
 * once. The database is H2 served over TCP, so the test can take it away and bring it back as a
 * PostgreSQL server can be ({@code DatabaseOutageIT} does that with PostgreSQL itself).
 */
class TelegramStoreOutageTest {
  private static final String TOKEN = "123456:TEST-token-for-the-outage-test-0123456789";
  private static final long SET_UP = 8001;
  private static final long NEW = 8002;
  private static final long IN_CRISIS = 8003;
  private static final Duration WAIT = Duration.ofSeconds(30);
  // Without the database, nothing is known of where the member is: the lines for anywhere.
  private static final String CRISIS_LINE = "findahelpline.com";

  @TempDir Path dir;
  private final int port = PorchlightJar.freePort();
  private Server server;
  private FakeBotApi telegram;
  private Database database;
  private TelegramBot bot;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void start() throws SQLException {
    log.start();
    root().addAppender(log);
    serve();
    telegram = FakeBotApi.start(TOKEN);
    telegram.longPollsAtMost(Duration.ofMillis(50));
    database =
        Database.open(
            "jdbc:h2:tcp://127.0.0.1:" + port + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
            "",
            "",
            4);
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
    server.stop();
    root().detachAppender(log);
  }

  @Test
  void crisisIsAnsweredWhileTheDatabaseIsAwayAndTheRestOnceItIsBack() throws Exception {
    say(SET_UP, "/time 20:00");
    int setUpBefore = telegram.sentTo(SET_UP).size();

    server.stop();
    long help = telegram.push(telegram.textMessage(SET_UP, SET_UP, "/help"));
    telegram.push(telegram.textMessage(NEW, NEW, "/start"));
    long crisis =
        telegram.push(telegram.textMessage(IN_CRISIS, IN_CRISIS, "I want to end my life tonight"));

    // Crisis lines at once, with the database still away; nothing else yet.
    await()
        .atMost(WAIT)
        .alias("crisis lines")
        .until(() -> texts(IN_CRISIS).stream().anyMatch(this::crisisLines));
    assertThat(telegram.sentTo(SET_UP)).hasSize(setUpBefore);
    assertThat(telegram.sentTo(NEW)).isEmpty();
    assertThat(bot.lastHandledUpdate().orElse(0)).isLessThan(help);

    serve();
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= crisis);
    Thread.sleep(500); // room for a repeat to show
    assertThat(telegram.sentTo(SET_UP)).hasSizeGreaterThan(setUpBefore);
    assertThat(telegram.sentTo(NEW)).isNotEmpty();
    assertThat(texts(IN_CRISIS)).as("answered once, not again after").hasSize(1);
    int helpAnswers = telegram.sentTo(SET_UP).size() - setUpBefore;

    // The same /help with the database here: the same number of messages, so none was repeated.
    say(SET_UP, "/help");
    assertThat(telegram.sentTo(SET_UP).size() - setUpBefore - helpAnswers).isEqualTo(helpAnswers);
    assertThat(errors()).isEmpty();
  }

  // ---- helpers ----

  private void serve() throws SQLException {
    server =
        Server.createTcpServer(
                "-tcpPort", Integer.toString(port), "-baseDir", dir.toString(), "-ifNotExists")
            .start();
  }

  private boolean crisisLines(String text) {
    return text.contains(CRISIS_LINE);
  }

  private void say(long user, String text) {
    long id = telegram.push(telegram.textMessage(user, user, text));
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= id);
  }

  private List<String> texts(long user) {
    return telegram.sentTo(user).stream().map(call -> call.param("text")).toList();
  }

  /** Warnings and errors: the outage is said by the database's watch, not by each part. */
  private List<String> errors() {
    synchronized (log) {
      return new ArrayList<>(log.list)
          .stream()
              .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
              .map(ILoggingEvent::getFormattedMessage)
              .toList();
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
