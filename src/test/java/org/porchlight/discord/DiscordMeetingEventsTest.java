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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.core.Community;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MeetingEventStore.MeetingEvent;
import org.porchlight.discord.FakeDiscord.Where;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;
import org.slf4j.LoggerFactory;

/**
 * A server's weekly meetings as its scheduled events, end to end: the real adapter and a real JDA
 * against the fake Discord's scheduled events, a real database under them, and a clock the test
 * moves.
 */
class DiscordMeetingEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CHANNEL = FakeDiscord.CHECK_IN_CHANNEL_ID;
  private static final Where IN_SERVER = Where.channel(CHANNEL);
  private static final String FORM = "form:setup:" + CHANNEL;
  private static final String EVENTS = "guilds/" + FakeDiscord.GUILD_ID + "/scheduled-events.*";
  private static final Community.Id SERVER = DiscordChat.communityOf(FakeDiscord.GUILD_ID);
  // An hour or two from UTC all year, so a time read in the wrong zone shows.
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String CIRCLE_LINK = "https://meet.example.org/circle";
  private static final String CIRCLE = "Tuesday 19:00 Evening circle " + CIRCLE_LINK;
  private static final String WALK = "Thursday 18:30 Walk | Pier 3, by the lighthouse";

  @TempDir Path dir;
  private final SettableClock clock =
      new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private FakeDiscord discord;
  private Database database;
  private Conversation conversation;
  private DiscordBot bot;

  @BeforeEach
  void start() {
    log.start();
    root().addAppender(log);
    discord = FakeDiscord.start();
    database = TestH2.open(dir, 4);
    conversation = RealConversation.on(database, Clock.systemUTC());
    bot = startBot();
  }

  private DiscordBot startBot() {
    DiscordBot started =
        new DiscordBot(
                conversation,
                RealConversation.hosting(database, Clock.systemUTC()),
                database.members(),
                discord.token(),
                discord.apiUrl(),
                discord.gatewayUrl(),
                Optional.empty(),
                2)
            .keepingMeetingEvents(database.meetingEvents(), clock);
    started.start();
    return started;
  }

  @AfterEach
  void stop() {
    try {
      if (bot != null) bot.close();
    } finally {
      discord.close();
      database.close();
      root().detachAppender(log);
    }
    for (ILoggingEvent event : logged()) {
      assertThat(event.getLevel()).as(event.getFormattedMessage()).isNotEqualTo(Level.ERROR);
    }
  }

  @Test
  void twoWeeklyMeetingsBecomeTwoEventsWithTheirLinksAtTheirNextTimes() {
    discord.allowBotToCreateEvents();

    String saved = setup(CIRCLE + "\n" + WALK);

    assertThat(text(answered(saved, "in this server's Events too"))).contains("Saved for");
    List<JsonNode> events = discord.scheduledEvents();
    assertThat(events).hasSize(2);
    JsonNode circle = named(events, "Evening circle");
    assertThat(circle.path("entity_type").asInt()).as("external").isEqualTo(3);
    assertThat(circle.path("privacy_level").asInt()).isEqualTo(2);
    assertThat(circle.path("channel_id").isNull()).isTrue();
    assertThat(circle.path("creator_id").asText()).isEqualTo(discord.botId());
    assertThat(circle.path("entity_metadata").path("location").asText()).isEqualTo(CIRCLE_LINK);
    assertThat(start(circle)).isEqualTo(nextInBerlin(DayOfWeek.TUESDAY, LocalTime.of(19, 0)));
    assertThat(end(circle)).isEqualTo(start(circle).plus(Duration.ofMinutes(90)));
    assertThat(circle.path("description").asText()).contains("Every Tuesday at 19:00");
    JsonNode walk = named(events, "Walk");
    assertThat(walk.path("entity_metadata").path("location").asText())
        .isEqualTo("Pier 3, by the lighthouse");
    assertThat(start(walk)).isEqualTo(nextInBerlin(DayOfWeek.THURSDAY, LocalTime.of(18, 30)));
    assertThat(database.meetingEvents().eventsOf(SERVER))
        .extracting(MeetingEvent::eventId)
        .containsExactlyInAnyOrder(circle.path("id").asText(), walk.path("id").asText());
  }

  @Test
  void removingAMeetingDeletesItsEventAndLeavesTheOther() {
    discord.allowBotToCreateEvents();
    answered(setup(CIRCLE + "\n" + WALK), "in this server's Events too");
    String circle = named(discord.scheduledEvents(), "Evening circle").path("id").asText();
    String walk = named(discord.scheduledEvents(), "Walk").path("id").asText();
    int callsBefore = discord.calls().size();

    answered(setup(CIRCLE), "in this server's Events too");

    assertThat(discord.scheduledEvents())
        .extracting(event -> event.path("id").asText())
        .containsExactly(circle);
    List<FakeDiscord.Call> since = discord.calls().subList(callsBefore, discord.calls().size());
    assertThat(since).filteredOn(call -> call.is("DELETE", EVENTS)).hasSize(1);
    assertThat(since.stream().filter(call -> call.is("DELETE", EVENTS)).findFirst().orElseThrow())
        .matches(call -> call.path().endsWith("/" + walk));
    assertThat(since)
        .as("the circle's event is left as it is")
        .noneMatch(call -> call.is("POST", EVENTS) || call.is("PATCH", EVENTS));
    assertThat(database.meetingEvents().eventsOf(SERVER))
        .extracting(MeetingEvent::eventId)
        .containsExactly(circle);
  }

  @Test
  void aMeetingMovedToAnotherTimeMovesItsOwnEvent() {
    discord.allowBotToCreateEvents();
    answered(setup(CIRCLE), "in this server's Events too");
    String circle = discord.scheduledEvents().get(0).path("id").asText();

    answered(
        setup("Wednesday 20:15 Evening circle https://meet.example.org/circle-2"),
        "in this server's Events too");

    assertThat(discord.calls()).filteredOn(call -> call.is("PATCH", EVENTS)).hasSize(1);
    assertThat(discord.calls()).filteredOn(call -> call.is("POST", EVENTS)).hasSize(1);
    JsonNode moved = discord.scheduledEvents().get(0);
    assertThat(discord.scheduledEvents()).hasSize(1);
    assertThat(moved.path("id").asText()).as("the same event").isEqualTo(circle);
    assertThat(start(moved)).isEqualTo(nextInBerlin(DayOfWeek.WEDNESDAY, LocalTime.of(20, 15)));
    assertThat(end(moved)).isEqualTo(start(moved).plus(Duration.ofMinutes(90)));
    assertThat(moved.path("entity_metadata").path("location").asText())
        .isEqualTo("https://meet.example.org/circle-2");
    assertThat(database.meetingEvents().eventsOf(SERVER).get(0).start()).isEqualTo(start(moved));
  }

  @Test
  void withoutCreateEventsTheSetupIsSavedAndSaysHowToAllowIt() {
    String saved = setup(CIRCLE + "\n" + WALK);

    List<JsonNode> answers = answered(saved, "I haven't put the weekly meetings");
    assertThat(text(answers)).contains("Saved for").contains("Create Events");
    assertThat(database.communities().find(SERVER).orElseThrow().meetings()).hasSize(2);
    assertThat(discord.calls()).noneMatch(call -> call.path().matches(EVENTS));
    assertThat(database.meetingEvents().eventsOf(SERVER)).isEmpty();
  }

  @Test
  void whenDiscordFailsTheEventsTheSetupIsStillSavedAndTheNextPassMakesThem() {
    discord.allowBotToCreateEvents();
    discord.scheduledEventsFail(500, 0, "500: Internal Server Error");

    List<JsonNode> answers = answered(setup(CIRCLE + "\n" + WALK), "I'll try again");
    assertThat(text(answers)).contains("Saved for");
    assertThat(database.communities().find(SERVER).orElseThrow().meetings()).hasSize(2);
    assertThat(discord.scheduledEvents()).isEmpty();
    assertThat(logged())
        .filteredOn(event -> event.getLoggerName().endsWith("MeetingEvents"))
        .isNotEmpty()
        .allMatch(event -> event.getThrowableProxy() == null, "logged without a stack trace");

    discord.scheduledEventsWork();
    bot.keepMeetingEvents();

    assertThat(discord.scheduledEvents()).hasSize(2);
    assertThat(database.meetingEvents().eventsOf(SERVER)).hasSize(2);
  }

  @Test
  void anEventThatHasEndedMakesWayForNextWeeksWhenPorchlightStartsAgain() {
    discord.allowBotToCreateEvents();
    answered(setup(CIRCLE), "in this server's Events too");
    JsonNode first = discord.scheduledEvents().get(0);
    bot.close();

    clock.set(end(first).plus(Duration.ofMinutes(1)));
    bot = startBot();

    // Discord makes the event before Porchlight writes its id down: both are waited for.
    await()
        .atMost(WAIT)
        .until(
            () ->
                discord.scheduledEvents().size() == 1
                    && !discord.scheduledEvents().get(0).path("id").equals(first.path("id"))
                    && !database.meetingEvents().eventsOf(SERVER).isEmpty()
                    && !database
                        .meetingEvents()
                        .eventsOf(SERVER)
                        .get(0)
                        .eventId()
                        .equals(first.path("id").asText()));
    JsonNode next = discord.scheduledEvents().get(0);
    assertThat(start(next)).isEqualTo(nextInBerlin(DayOfWeek.TUESDAY, LocalTime.of(19, 0)));
    assertThat(start(next)).isAfter(start(first).plus(Duration.ofDays(6)));
    assertThat(database.meetingEvents().eventsOf(SERVER))
        .extracting(MeetingEvent::eventId)
        .containsExactly(next.path("id").asText());
  }

  @Test
  void anEventSomeoneDeletedComesBackWithTheNextSetup() {
    discord.allowBotToCreateEvents();
    answered(setup(CIRCLE), "in this server's Events too");
    String deleted = discord.scheduledEvents().get(0).path("id").asText();
    // The bot is not told: it asks for no scheduled-event intent.
    discord.someoneDeletesScheduledEvent(deleted);

    answered(setup(CIRCLE), "in this server's Events too");

    assertThat(discord.scheduledEvents()).hasSize(1);
    assertThat(discord.scheduledEvents().get(0).path("id").asText()).isNotEqualTo(deleted);
  }

  // ---- helpers ----

  /** The host opens /setup and saves it with the zone Europe/Berlin and these meetings. */
  private String setup(String meetings) {
    String host = discord.hostUserId();
    String opened = discord.slashCommand(host, IN_SERVER, "setup", Map.of());
    discord.awaitCallback(opened, WAIT);
    return discord.modalSubmit(
        host, IN_SERVER, FORM, Map.of("zone", "Europe/Berlin", "meetings", meetings));
  }

  /** The next time after the clock's now that it is {@code day} at {@code time} in Berlin. */
  private Instant nextInBerlin(DayOfWeek day, LocalTime time) {
    ZonedDateTime now = clock.instant().atZone(BERLIN);
    ZonedDateTime at = now.with(TemporalAdjusters.nextOrSame(day)).with(time);
    return (at.isAfter(now) ? at : at.plusWeeks(1)).toInstant();
  }

  private static JsonNode named(List<JsonNode> events, String name) {
    return events.stream()
        .filter(event -> event.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event '" + name + "' in " + events));
  }

  private static Instant start(JsonNode event) {
    return OffsetDateTime.parse(event.path("scheduled_start_time").asText()).toInstant();
  }

  private static Instant end(JsonNode event) {
    return OffsetDateTime.parse(event.path("scheduled_end_time").asText()).toInstant();
  }

  /** Waits until the answers to an interaction say {@code words} and stop growing. */
  private List<JsonNode> answered(String interaction, String words) {
    try {
      await().atMost(WAIT).until(() -> text(discord.answers(interaction)).contains(words));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "no answer saying '" + words + "'; answers: " + text(discord.answers(interaction)), e);
    }
    return discord.answers(interaction);
  }

  private static String text(List<JsonNode> messages) {
    return messages.stream()
        .map(m -> m.path("content").asText())
        .collect(Collectors.joining("\n---\n"));
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private List<ILoggingEvent> logged() {
    synchronized (log) {
      return new ArrayList<>(log.list);
    }
  }

  /** A clock the test sets, read safely from the bot's threads. */
  private static final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    SettableClock(Instant now) {
      this.now = new AtomicReference<>(now);
    }

    void set(Instant instant) {
      now.set(instant);
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the events read instant() only");
    }
  }
}
