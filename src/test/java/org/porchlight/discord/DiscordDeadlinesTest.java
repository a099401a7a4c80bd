package org.porchlight.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.discord.FakeDiscord.Where;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;
import org.slf4j.LoggerFactory;

/**
 * No thread of ours waits on Discord past its bound: registering the slash commands, answered late
 * or never or unreadably, holds neither the start, nor the members' answers, nor the stop.
 */
class DiscordDeadlinesTest {
  // What a few seconds means in the issue: a start or a stop a member would not notice.
  private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
  // The registration's bound in these tests, in place of 30 s.
  private static final Duration COMMANDS_WITHIN = Duration.ofSeconds(1);

  @TempDir Path dir;
  private FakeDiscord discord;
  private Database database;
  private DiscordBot bot;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void start() {
    log.start();
    root().addAppender(log);
    discord = FakeDiscord.start();
    database = TestH2.open(dir, 4);
  }

  @AfterEach
  void stop() {
    try {
      if (bot != null) bot.close();
    } finally {
      // Answered before the fake goes, so no call of JDA's is cut off mid-read.
      discord.commandsAnswerAgain();
      discord.close();
      database.close();
      root().detachAppender(log);
    }
  }

  private DiscordBot bot() {
    return new DiscordBot(
        RealConversation.on(database, Clock.systemUTC()),
        RealConversation.hosting(database, Clock.systemUTC()),
        database.members(),
        discord.token(),
        discord.apiUrl(),
        discord.gatewayUrl(),
        Optional.empty(),
        4);
  }

  @Test
  void commandsThatAreNeverRegisteredHoldNeitherTheStartNorTheAnswersNorTheStop() {
    discord.commandsNeverAnswer();
    bot = bot().registeringCommandsWithin(COMMANDS_WITHIN);

    long starting = System.nanoTime();
    assertTimeoutPreemptively(FEW_SECONDS, bot::start);
    Duration started = Duration.ofNanos(System.nanoTime() - starting);

    await().atMost(FEW_SECONDS).until(() -> discord.heldCommandCalls() == 1);
    assertThat(bot.isConnected()).isTrue();
    Duration answered = answersAMember();
    await()
        .atMost(FEW_SECONDS)
        .until(
            () ->
                warnings().stream()
                    .anyMatch(
                        line ->
                            line.startsWith("updateCommands: no answer from Discord within 1 s")));

    DiscordBot stopping = bot;
    bot = null;
    long closing = System.nanoTime();
    assertTimeoutPreemptively(FEW_SECONDS, stopping::close);
    Duration stopped = Duration.ofNanos(System.nanoTime() - closing);
    System.out.printf(
        "commands never registered: started in %d ms, answered in %d ms, stopped in %d ms%n",
        started.toMillis(), answered.toMillis(), stopped.toMillis());
    assertThat(errors()).isEmpty();
  }

  @Test
  void commandsAnsweredUnreadablyHoldNeitherTheStartNorTheAnswers() {
    // A 500 whose body is not JSON, under the shipped 30 s bound: JDA gives up on it at once (it
    // tries again only after a 502, 503 or 504).
    discord.commandsAnswerUnreadably();
    bot = bot();

    long starting = System.nanoTime();
    assertTimeoutPreemptively(FEW_SECONDS, bot::start);
    Duration started = Duration.ofNanos(System.nanoTime() - starting);

    assertThat(bot.isConnected()).isTrue();
    Duration answered = answersAMember();
    await()
        .atMost(FEW_SECONDS)
        .until(
            () ->
                warnings().stream()
                    .anyMatch(
                        line -> line.startsWith("updateCommands: Discord did not take the slash")));
    assertThat(discord.calls())
        .filteredOn(call -> call.is("PUT", "applications/\\d+/commands"))
        .isNotEmpty()
        .allMatch(call -> call.status() == 500);
    System.out.printf(
        "commands answered unreadably: started in %d ms, answered in %d ms%n",
        started.toMillis(), answered.toMillis());
    assertThat(errors()).isEmpty();
  }

  /** A DM and a slash command, each answered within a few seconds; returns the slower. */
  private Duration answersAMember() {
    String river = discord.newUser("river");
    long asked = System.nanoTime();
    discord.directMessage(river, "/help");
    String command = discord.slashCommand(river, Where.dm(), "help", Map.of());
    await()
        .atMost(FEW_SECONDS)
        .until(() -> !discord.messagesIn(discord.dmChannelOf(river)).isEmpty());
    await().atMost(FEW_SECONDS).until(() -> answeredInWords(discord.answers(command)));
    return Duration.ofNanos(System.nanoTime() - asked);
  }

  private static boolean answeredInWords(List<JsonNode> answers) {
    return !answers.isEmpty() && !answers.get(0).path("content").asText().isEmpty();
  }

  private List<String> warnings() {
    return logged(Level.WARN);
  }

  private List<String> errors() {
    return logged(Level.ERROR);
  }

  private List<String> logged(Level level) {
    synchronized (log) {
      return new ArrayList<>(log.list)
          .stream()
              .filter(event -> event.getLevel() == level)
              .map(ILoggingEvent::getFormattedMessage)
              .toList();
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
