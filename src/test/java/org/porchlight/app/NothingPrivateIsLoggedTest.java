package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.porchlight.app.cli.Main;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;
import org.porchlight.console.ConsoleChat;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.discord.DiscordBot;
import org.porchlight.discord.FakeDiscord;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.telegram.FakeBotApi;
import org.porchlight.telegram.TelegramBot;
import org.porchlight.testing.CapturedLog;
import org.porchlight.testing.Fixtures;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;
import org.slf4j.LoggerFactory;

/**
 * Paths to the log that are easiest to reach in this process, each in both formats: a member's
 * words while the database is down, on the console, Telegram and Discord; a token in a library's
 * stack trace, in a {@code java.util.logging} record and in an exception no one caught; settings
 * logged whole. {@code LogsJarIT} runs the jar itself.
 */
class NothingPrivateIsLoggedTest {
  private static final String TOKEN = "123456:TEST-token-for-the-log-check-0123456789";
  private static final String MARKER = "Quillfeather";
  private static final String WORDS = MARKER + " and I walked the long pier at dawn";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DM = Fixtures.path("discord/gateway/message_create_in_a_dm.json");

  @TempDir Path dir;
  private CapturedLog log;

  @AfterEach
  void stopCapturing() {
    if (log != null) log.close();
  }

  private void capture(String format) {
    // As Main does once the settings are read: the format, java.util.logging, uncaught exceptions.
    Logs.configure(new Settings.Logging(Settings.Logging.Format.of(format)));
    log = CapturedLog.start(format);
  }

  private Database database() {
    return TestH2.open(dir, 2);
  }

  /** Neither the token nor the member's words; in JSON, every line an object with its fields. */
  private void assertNothingPrivate(String format) throws IOException {
    String written = log.text();
    assertThat(written)
        .doesNotContainIgnoringCase(MARKER)
        .doesNotContain(TOKEN)
        .doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
    if (format.equals(Settings.Logging.Format.JSON.toString())) {
      for (String line : written.lines().filter(line -> !line.isBlank()).toList()) {
        JsonNode json = JSON.readTree(line);
        assertThat(json.isObject()).as(line).isTrue();
        assertThat(json.path("level").asText()).as(line).isNotEmpty();
        assertThat(json.path("message").isTextual()).as(line).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void onTheConsoleWithTheDatabaseDownTheErrorIsLoggedWithoutTheMembersWords(String format)
      throws IOException {
    capture(format);
    Database database = database();
    Conversation conversation = RealConversation.on(database, Clock.systemUTC());
    database.close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new ConsoleChat(
            conversation,
            ConsoleChat.MEMBER,
            new BufferedReader(new StringReader(WORDS + "\n/timezone " + MARKER + "\n")),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            false)
        .run();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("something went wrong");
    assertThat(log.text()).contains("could not answer a message").contains("StoreException");
    assertNothingPrivate(format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void onTelegramWithTheDatabaseDownTheErrorIsLoggedWithoutTheWordsOrTheToken(String format)
      throws IOException {
    capture(format);
    Database database = database();
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      TelegramBot bot =
          new TelegramBot(
              RealConversation.on(database, Clock.systemUTC()),
              RealConversation.hosting(database, Clock.systemUTC()),
              database.members(),
              database.offsets(),
              TOKEN,
              telegram.baseUrl(),
              2,
              pause -> {},
              Ticker.SYSTEM);
      try {
        bot.start();
        database.close();
        telegram.push(telegram.textMessage(7001, 7001, WORDS));

        await().atMost(WAIT).until(() -> log.text().contains("could not be handled"));
      } finally {
        bot.close();
      }
    }
    assertNothingPrivate(format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void onDiscordWithTheDatabaseDownTheErrorIsLoggedWithoutTheWordsOrTheToken(String format)
      throws IOException {
    capture(format);
    Database database = database();
    try (FakeDiscord discord = FakeDiscord.start()) {
      DiscordBot bot =
          new DiscordBot(
              RealConversation.on(database, Clock.systemUTC()),
              RealConversation.hosting(database, Clock.systemUTC()),
              database.members(),
              discord.token(),
              discord.apiUrl(),
              discord.gatewayUrl(),
              Optional.empty(),
              2);
      try {
        bot.start();
        database.close();
        discord.directMessage(discord.newUser("morgan"), WORDS);

        await().atMost(WAIT).until(() -> log.text().contains("could not be answered"));
      } finally {
        bot.close();
      }
      assertThat(log.text()).doesNotContain(discord.token());
    }
    assertNothingPrivate(format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void aDirectMessageJdaCannotReadIsLoggedWithoutItsWords(String format) throws IOException {
    capture(format);
    try (Database database = database();
        FakeDiscord discord = FakeDiscord.start()) {
      DiscordBot bot =
          new DiscordBot(
              RealConversation.on(database, Clock.systemUTC()),
              RealConversation.hosting(database, Clock.systemUTC()),
              database.members(),
              discord.token(),
              discord.apiUrl(),
              discord.gatewayUrl(),
              Optional.empty(),
              2);
      try {
        bot.start();
        String morgan = discord.newUser("morgan");
        ObjectNode message = (ObjectNode) JSON.readTree(DM.toFile()).path("d");
        message.put("channel_id", discord.dmChannelOf(morgan));
        message.with("author").put("id", morgan);
        message.put("content", WORDS);
        // JDA cannot read it, and logs the event it could not handle, words and all.
        message.put("mentions", "nobody");
        discord.dispatch("MESSAGE_CREATE", message);

        await().atMost(WAIT).until(() -> log.text().contains("MESSAGE_CREATE"));
      } finally {
        bot.close();
      }
    }
    assertThat(log.text()).contains("MESSAGE_CREATE -> " + Redaction.WITHHELD);
    assertNothingPrivate(format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void aTokenInALibrarysStackTraceOrAJavaUtilLoggingRecordIsRedacted(String format)
      throws IOException {
    capture(format);
    IOException thrown =
        new IOException("unexpected end of stream on https://api.telegram.org/bot" + TOKEN);

    LoggerFactory.getLogger("org.telegram.telegrambots.longpolling.util.LongPollingReader")
        .error("getUpdates failed for bot" + TOKEN, thrown);
    java.util.logging.Logger.getLogger("okhttp3.OkHttpClient")
        .log(java.util.logging.Level.WARNING, "A connection to bot" + TOKEN + " leaked", thrown);

    assertThat(log.text())
        .contains("getUpdates failed for bot***")
        .contains("A connection to bot***");
    assertNothingPrivate(format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void anExceptionNoThreadCaughtIsLoggedRedacted(String format) throws Exception {
    capture(format);
    Thread thread =
        new Thread(
            () -> {
              throw new IllegalStateException("no route to https://api.telegram.org/bot" + TOKEN);
            },
            "doomed");

    thread.start();
    thread.join();

    assertThat(log.text()).contains("thread doomed stopped on an exception").contains("bot***");
    assertNothingPrivate(format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void settingsLoggedWholeShowNoTokenPasswordOrKey(String format) throws IOException {
    capture(format);
    Settings settings =
        new ConfigLoader(dir)
            .settings(
                Map.of(
                    "TELEGRAM_BOT_TOKEN", TOKEN,
                    "DISCORD_BOT_TOKEN", "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.discord-" + MARKER,
                    "PORCHLIGHT_DB_URL", "jdbc:postgresql://db/porchlight?password=" + MARKER,
                    "PORCHLIGHT_DB_PASSWORD", MARKER,
                    "PORCHLIGHT_TELEGRAM_WEBHOOK_SECRET", MARKER,
                    "PORCHLIGHT_SECRET_KEY", MARKER));

    LoggerFactory.getLogger(Main.class).info("settings: {}", settings);

    assertThat(log.text()).contains("settings: Settings[");
    assertNothingPrivate(format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void badArgumentsAndCrisisWordsAreAnsweredButNotLogged(String format) throws IOException {
    capture(format);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Database database = database()) {
      String said =
          String.join(
              "\n",
              "/time 20:00",
              "/timezone Europe/London",
              "/timezone " + MARKER,
              "/time " + MARKER,
              "/days " + MARKER,
              "/quiet " + MARKER,
              "/pause " + MARKER,
              "/country " + MARKER,
              MARKER + ", I don't want to be alive anymore",
              WORDS,
              "");
      new ConsoleChat(
              RealConversation.on(database, Clock.systemUTC()),
              ConsoleChat.MEMBER,
              new BufferedReader(new StringReader(said)),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              false)
          .run();
    }

    assertThat(out.toString(StandardCharsets.UTF_8)).contains(MARKER).contains("116 123");
    assertNothingPrivate(format);
  }
}
