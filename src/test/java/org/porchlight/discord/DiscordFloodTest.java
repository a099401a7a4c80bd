package org.porchlight.discord;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.core.MemberId;
import org.porchlight.core.MessageLimit;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.discord.FakeDiscord.Where;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;
import org.slf4j.LoggerFactory;

/**
 * One member who floods, on Discord end to end: nobody else waits behind them, every interaction of
 * theirs is still acknowledged, and crisis words are still answered.
 */
class DiscordFloodTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Where IN_DMS = Where.dm();
  // DMs as fast as the gateway takes them, far past the hundred a second the limit is for.
  private static final int DM_FLOOD = 1_600;
  // Each interaction is acknowledged, let go or not: a hundred, more than a person could press.
  private static final int INTERACTION_FLOOD = 100;
  private static final String CRISIS_WORDS = "I don't want to be alive anymore";
  // The members set their zone to London: the crisis lines are the UK's, Samaritans among them.
  private static final String SAMARITANS = "116 123";
  private static final int EPHEMERAL = 1 << 6;
  private static final int LOADING = 1 << 7;
  private static final int REPLY = 4;
  private static final int DEFERRED_EDIT = 6;
  private static final int FORM = 9;

  @TempDir Path dir;
  private FakeDiscord discord;
  private Database database;
  private Conversation conversation;
  private DiscordBot bot;
  private String catchUp;
  private String rough;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void start() {
    log.start();
    root().addAppender(log);
    discord = FakeDiscord.start();
    database = TestH2.open(dir, 4);
    conversation = RealConversation.on(database, Clock.systemUTC());
    catchUp = conversation.texts("en").get(Text.CATCH_UP);
    rough = conversation.texts("en").get(Text.BUTTON_ROUGH);
    // A clock that stands still: each member has one burst and no more, so what is read can be
    // counted.
    Clock still = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    bot =
        new DiscordBot(
                conversation,
                RealConversation.hosting(database, Clock.systemUTC()),
                database.members(),
                discord.token(),
                discord.apiUrl(),
                discord.gatewayUrl(),
                Optional.empty(),
                4)
            .limitingEachMember(
                Boolean.getBoolean("nolimit")
                    ? new MessageLimit(1_000_000, 1_000_000, still)
                    : new MessageLimit(MessageLimit.PER_MINUTE, MessageLimit.AT_ONCE, still));
    bot.start();
  }

  @AfterEach
  void stop() {
    try {
      bot.close();
    } finally {
      discord.close();
      database.close();
      root().detachAppender(log);
    }
  }

  @Test
  void aSecondMembersCheckInAnswerIsAnsweredWithinASecondWhileTheFirstFloodsDms()
      throws InterruptedException {
    // Three floods, and the middle of the three times: on two shared cores one flood can be held
    // up by the machine rather than by Porchlight. Most of the wait is JDA reading the gateway's
    // sixteen hundred messages ahead of the press; the limit is what keeps the workers free.
    List<Duration> answeredIn = new ArrayList<>();
    List<String> flooders = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      String flooding = settledMember("flooding" + round);
      String other = settledMember("other" + round);
      JsonNode question = checkInQuestion(other);

      Thread flood =
          flood(
              DM_FLOOD,
              i ->
                  discord.directMessage(
                      flooding, i == DM_FLOOD / 2 ? CRISIS_WORDS : "message " + i));
      answeredIn.add(answerTime(() -> press(other, question, rough)));
      flood.join(WAIT.toMillis());
      flooders.add(flooding);
    }
    Duration middle = answeredIn.stream().sorted().toList().get(1);

    System.out.printf(
        "flood: %d DMs, three times; the other member's answer came in %s ms%n",
        DM_FLOOD, answeredIn.stream().map(Duration::toMillis).toList());
    assertThat(middle).isLessThan(Duration.ofSeconds(1));
    for (String flooding : flooders) {
      List<String> toFlooding = settledDms(flooding);
      assertThat(toFlooding).filteredOn(catchUp::equals).hasSize(1);
      assertThat(toFlooding).anyMatch(text -> text.contains(SAMARITANS));
      // Read: what the burst left after setting up, a message or two each; the rest got none.
      assertThat(toFlooding.size()).isLessThan(4 + 2 * MessageLimit.AT_ONCE);
    }
    assertThat(errors()).isEmpty();
  }

  @Test
  void aFloodOfPressesAndCommandsIsEachAcknowledgedAndToldToWaitOnce() throws InterruptedException {
    String flooding = settledMember("flooding");
    JsonNode question = checkInQuestion(flooding);
    String settings = discord.slashCommand(flooding, IN_DMS, "settings", Map.of());
    assertThat(discord.awaitCallback(settings, WAIT).type()).isEqualTo(FORM);
    // The rest of the burst, spent: from here on, nothing of theirs is read.
    for (int read = 4; read < MessageLimit.AT_ONCE; read++) {
      answered(discord.slashCommand(flooding, IN_DMS, "help", Map.of()));
    }
    String other = settledMember("other");
    JsonNode otherQuestion = checkInQuestion(other);

    // Presses on the check-in, and after the first fifty a command now and then.
    List<String> presses = new CopyOnWriteArrayList<>();
    List<String> commands = new CopyOnWriteArrayList<>();
    String roughId = buttonId(question, rough);
    Thread flood =
        flood(
            INTERACTION_FLOOD,
            i -> {
              if (i > 50 && i % 10 == 0) {
                commands.add(discord.slashCommand(flooding, IN_DMS, "help", Map.of()));
              } else {
                presses.add(
                    discord.buttonPress(flooding, IN_DMS, question.path("id").asText(), roughId));
              }
            });
    Duration answeredIn = answerTime(() -> press(other, otherQuestion, rough));
    flood.join(WAIT.toMillis());
    String crisis =
        discord.modalSubmit(flooding, IN_DMS, SettingsForm.ID, Map.of("quiet", CRISIS_WORDS));

    List<String> all = new ArrayList<>(presses);
    all.addAll(commands);
    await().atMost(WAIT).until(() -> all.stream().allMatch(id -> acknowledgements(id) > 0));
    await().atMost(WAIT).until(() -> text(discord.answers(crisis)).contains(SAMARITANS));
    System.out.printf(
        "flood: %d presses and %d commands; the other member's answer came in %d ms%n",
        presses.size(), commands.size(), answeredIn.toMillis());
    assertThat(answeredIn).isLessThan(Duration.ofSeconds(1));
    assertThat(all).as("each acknowledged once").allMatch(id -> acknowledgements(id) == 1);
    List<FakeDiscord.Callback> toPresses =
        presses.stream().map(id -> discord.callbacks(id).get(0)).toList();
    assertThat(toPresses)
        .filteredOn(callback -> callback.type() == REPLY)
        .singleElement()
        .satisfies(this::isCatchUpSeenOnlyByTheMember);
    assertThat(toPresses)
        .filteredOn(callback -> callback.type() != REPLY)
        .hasSize(presses.size() - 1)
        .allMatch(callback -> callback.type() == DEFERRED_EDIT);
    // A command needs a visible answer: the same few words, again, seen only by the member.
    assertThat(commands)
        .map(id -> discord.callbacks(id).get(0))
        .allSatisfy(this::isCatchUpSeenOnlyByTheMember);
    assertThat(discord.message(question.path("id").asText()).path("components"))
        .as("no press was read: the check-in still has its buttons")
        .isNotEmpty();
    assertThat(database.checkIns().allFor(new MemberId("discord", flooding)))
        .as("asked, never answered")
        .allSatisfy(checkIn -> assertThat(checkIn.answeredAt()).isEmpty());
    assertThat(errors()).isEmpty();
  }

  // ---- helpers ----

  /**
   * Starts a thread that does {@code one} for each of {@code size} messages, as fast as it can;
   * returns once three quarters of them are sent, the rest still on their way.
   */
  private static Thread flood(int size, IntConsumer one) throws InterruptedException {
    CountDownLatch mostOfTheWay = new CountDownLatch(1);
    Thread flood =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < size; i++) {
                  one.accept(i);
                  if (i == size * 3 / 4) mostOfTheWay.countDown();
                }
              } finally {
                mostOfTheWay.countDown();
              }
            },
            "flood");
    flood.start();
    assertThat(mostOfTheWay.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return flood;
  }

  /** How long from an interaction until its first answer came (not only its acknowledgement). */
  private Duration answerTime(Supplier<String> interaction) {
    long start = System.nanoTime();
    String id = interaction.get();
    await().pollInterval(Duration.ofMillis(5)).atMost(WAIT).until(() -> isAnswered(id));
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void isCatchUpSeenOnlyByTheMember(FakeDiscord.Callback callback) {
    assertThat(callback.type()).isEqualTo(REPLY);
    assertThat(callback.data().path("content").asText()).isEqualTo(catchUp);
    assertThat(callback.data().path("flags").asInt() & EPHEMERAL).isNotZero();
  }

  private int acknowledgements(String interaction) {
    return discord.callbacks(interaction).size();
  }

  /** A member who set a time and a zone in DMs: two of their burst. */
  private String settledMember(String name) {
    String user = discord.newUser(name);
    answered(discord.slashCommand(user, IN_DMS, "time", Map.of("time", "20:00")));
    answered(discord.slashCommand(user, IN_DMS, "timezone", Map.of("zone", "Europe/London")));
    return user;
  }

  /** Asks for a check-in in DMs: the third of their burst. Returns the question. */
  private JsonNode checkInQuestion(String user) {
    String asked = discord.slashCommand(user, IN_DMS, "checkin", Map.of());
    await()
        .atMost(WAIT)
        .until(() -> discord.answers(asked).stream().anyMatch(m -> hasButton(m, rough)));
    return discord.answers(asked).stream().filter(m -> hasButton(m, rough)).findFirst().get();
  }

  private String press(String user, JsonNode message, String label) {
    return discord.buttonPress(user, IN_DMS, message.path("id").asText(), buttonId(message, label));
  }

  private void answered(String interaction) {
    await().atMost(WAIT).until(() -> isAnswered(interaction));
  }

  /** Answered in words, not only acknowledged ("Porchlight is thinking…"). */
  private boolean isAnswered(String interaction) {
    List<JsonNode> answers = discord.answers(interaction);
    return !answers.isEmpty()
        && answers.stream()
            .allMatch(
                m ->
                    (m.path("flags").asInt() & LOADING) == 0
                        && !m.path("content").asText().isEmpty());
  }

  /** What the bot said in the member's DM channel, once it has stopped saying more for a while. */
  private List<String> settledDms(String user) {
    String channel = discord.dmChannelOf(user);
    int[] seen = {-1, 0};
    await()
        .pollInterval(Duration.ofMillis(100))
        .atMost(WAIT)
        .until(
            () -> {
              int now = discord.messagesIn(channel).size();
              seen[1] = now == seen[0] ? seen[1] + 1 : 0;
              seen[0] = now;
              return seen[1] >= 5;
            });
    return discord.messagesIn(channel).stream().map(m -> m.path("content").asText()).toList();
  }

  private static boolean hasButton(JsonNode message, String label) {
    return !buttonId(message, label).isEmpty();
  }

  private static String buttonId(JsonNode message, String label) {
    for (JsonNode row : message.path("components")) {
      for (JsonNode component : row.path("components")) {
        if (component.path("label").asText().equals(label)) {
          return component.path("custom_id").asText();
        }
      }
    }
    return "";
  }

  private static String text(List<JsonNode> messages) {
    return String.join("\n", messages.stream().map(m -> m.path("content").asText()).toList());
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
