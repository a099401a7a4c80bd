package org.porchlight.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.porchlight.core.CheckIn;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.core.Prompt;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.reading.FakeMeaning;
import org.porchlight.core.reading.Sense;
import org.porchlight.delivery.Messenger.Delivery;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.discord.FakeDiscord.Where;
import org.porchlight.runtime.Ticker;
import org.porchlight.schedule.Scheduling;
import org.porchlight.store.Database;
import org.porchlight.testing.AwayWhile;
import org.porchlight.testing.Corpus;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;
import org.slf4j.LoggerFactory;

/**
 * Porchlight on Discord, end to end: the real adapter and a real JDA against a fake Discord that
 * speaks the REST API and the gateway, fed Discord's own payloads; a real database under it.
 */
class DiscordBotTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int EPHEMERAL = 1 << 6;
  private static final String CHANNEL = FakeDiscord.CHECK_IN_CHANNEL_ID;
  private static final Where IN_SERVER = Where.channel(CHANNEL);
  private static final Where IN_DMS = Where.dm();
  private static final String MEETING = "https://meet.example.org/harbour";

  @TempDir Path dir;
  private FakeDiscord discord;
  private Database database;
  private Conversation conversation;
  private DiscordBot bot;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  // Words the sentence model is unsure of: Porchlight asks.
  private static final String UNSURE =
      "gave my records away this week, won't need them after Saturday";
  private final FakeMeaning meaning = new FakeMeaning().saying(UNSURE, Sense.Crisis.ASK);

  @BeforeEach
  void start() {
    log.start();
    root().addAppender(log);
    discord = FakeDiscord.start();
    database = TestH2.open(dir, 4);
    conversation = RealConversation.on(database, Clock.systemUTC()).understanding(meaning);
    bot = startBot(discord, Optional.empty());
  }

  private DiscordBot startBot(FakeDiscord on, Optional<String> devGuildId) {
    DiscordBot started =
        new DiscordBot(
            conversation,
            RealConversation.hosting(database, Clock.systemUTC()),
            database.members(),
            on.token(),
            on.apiUrl(),
            on.gatewayUrl(),
            devGuildId,
            4);
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
      String text =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(text).as("a log line").doesNotContain(discord.token());
      assertThat(event.getLevel()).as(text).isNotEqualTo(Level.ERROR);
    }
  }

  // ---- Starting ----

  @Test
  void startsWithNoPrivilegedIntentAndRegistersEveryCommandGlobally() {
    long privileged = 1L << 1 | 1L << 8 | 1L << 15; // members, presences, message content
    assertThat(discord.identifyIntents() & privileged).isZero();

    // Registered beside the start, not before it ends.
    await().atMost(WAIT).until(() -> !discord.globalCommands().isEmpty());
    List<JsonNode> commands = discord.globalCommands();
    Set<String> names =
        commands.stream().map(c -> c.path("name").asText()).collect(Collectors.toSet());
    Set<String> menu =
        conversation.menu("en").stream()
            .map(Conversation.MenuEntry::command)
            .collect(Collectors.toSet());
    assertThat(names).containsAll(menu).contains("settings", "setup", "post", "summary");
    assertThat(names).hasSize(menu.size() + 4);
    for (JsonNode command : commands) {
      String name = command.path("name").asText();
      List<Integer> contexts = ints(command.path("contexts"));
      if (Set.of("setup", "post", "summary").contains(name)) {
        assertThat(command.path("default_member_permissions").asText()).as(name).isEqualTo("32");
        assertThat(contexts).as(name).containsExactly(0);
      } else {
        assertThat(command.path("default_member_permissions").isNull()).as(name).isTrue();
        assertThat(contexts).as(name).containsExactlyInAnyOrder(0, 1);
      }
    }
    JsonNode pause = command(commands, "pause").path("options").get(0);
    assertThat(pause.path("type").asInt()).isEqualTo(4);
    assertThat(pause.path("min_value").asInt()).isEqualTo(1);
    assertThat(pause.path("max_value").asInt()).isEqualTo(365);
    assertThat(discord.guildCommands(FakeDiscord.GUILD_ID)).isEmpty();
    assertThat(DiscordBot.inviteUrl(discord.applicationId()))
        .isEqualTo(
            "https://discord.com/oauth2/authorize?client_id="
                + discord.applicationId()
                + "&scope=bot+applications.commands&permissions=17592186047488");
  }

  @Test
  void withADevelopmentServerTheCommandsGoThereOnly() {
    bot.close();
    try (FakeDiscord other = FakeDiscord.start()) {
      bot = startBot(other, Optional.of(FakeDiscord.GUILD_ID));
      await().atMost(WAIT).until(() -> !other.guildCommands(FakeDiscord.GUILD_ID).isEmpty());
      assertThat(other.guildCommands(FakeDiscord.GUILD_ID)).hasSize(23);
      assertThat(other.globalCommands()).isEmpty();
      bot.close();
      bot = null;
    }
  }

  // ---- A member, in DMs ----

  @Test
  void aMembersWholeJourneyInDirectMessages() {
    String river = discord.newUser("river");
    MemberId member = new MemberId("discord", river);

    List<JsonNode> welcome = answered(command(river, IN_DMS, "start"), "When would you like");
    assertThat(flags(welcome.get(0)) & EPHEMERAL).as("a DM needs no privacy").isZero();
    String asked = withButton(welcome, "Evening (19:00)");
    answered(press(river, IN_DMS, welcome, "Evening (19:00)"), "Got it: 19:00");
    JsonNode shown = discord.message(asked);
    assertThat(shown.path("content").asText()).endsWith("→ Evening (19:00)");
    assertThat(shown.path("components")).as("pressed once, the buttons are gone").isEmpty();
    answered(command(river, IN_DMS, "timezone", Map.of("zone", "Lisbon")), "all set");
    Member settled = database.members().find(member).orElseThrow();
    assertThat(settled.checkInTime()).contains(LocalTime.of(19, 0));
    assertThat(settled.zone()).contains(ZoneId.of("Europe/Lisbon"));

    // At 19:00 in Lisbon the sweep finds river due and the outbox sends the question by DM.
    String dm = discord.dmChannelOf(river);
    int before = discord.messagesIn(dm).size();
    checkInTimeComes(member, () -> discord.messagesIn(dm).size() > before);
    JsonNode question = discord.messagesIn(dm).get(before);
    assertThat(labels(question)).containsExactly("Honestly fine", "Rough day", "Skip today");
    assertThat(discord.calls()).anyMatch(call -> call.is("POST", "users/@me/channels"));

    String rough = press(river, IN_DMS, List.of(question), "Rough day");
    answered(rough, "One small thing");
    JsonNode answeredQuestion = discord.message(question.path("id").asText());
    assertThat(answeredQuestion.path("content").asText()).endsWith("→ Rough day");
    assertThat(answeredQuestion.path("components")).isEmpty();
    assertThat(database.checkIns().allFor(member))
        .extracting(CheckIn::mood)
        .contains(Optional.of(Mood.ROUGH));

    // Words in a DM are read; a sticker gets a kind word; crisis language gets the lines.
    discord.directMessage(river, "actually today is fine");
    awaitDm(river, "noted a fine day");
    discord.directSticker(river);
    awaitDm(river, "I can only read words");
    discord.directMessage(river, "I want to kill myself");
    awaitDm(river, "emergency");

    List<JsonNode> data = answered(command(river, IN_DMS, "mydata"), "everything I keep");
    JsonNode file = data.get(data.size() - 1).path("attachments").path(0);
    assertThat(file.path("filename").asText()).endsWith(".json");

    List<JsonNode> ask = answered(command(river, IN_DMS, "forget"), "can't be undone");
    answered(press(river, IN_DMS, ask, "Yes, erase everything"), "gone");
    assertThat(database.members().find(member)).isEmpty();
    assertThat(discord.unknownCalls()).isEmpty();
  }

  @Test
  void aPressNamingNoButtonOfItsMessageIsAnsweredAndShowsNoChoice() {
    String river = discord.newUser("river");
    List<JsonNode> welcome = answered(command(river, IN_DMS, "start"), "When would you like");
    JsonNode asked = discord.message(withButton(welcome, "Evening (19:00)"));
    // A press as Discord would carry it, of a custom id the message has no button for.
    ObjectNode press = discord.interactionPayload(3, river, IN_DMS);
    press.putObject("data").put("custom_id", "not-a-button").put("component_type", 2);
    press.set("message", asked);
    discord.sendInteraction(press);
    String interaction = press.path("id").asText();

    assertThat(discord.awaitCallback(interaction, WAIT).type()).isEqualTo(6);
    answered(interaction, "from an older conversation");
    JsonNode shown = discord.message(asked.path("id").asText());
    assertThat(shown.path("content").asText()).isEqualTo(asked.path("content").asText());
    assertThat(shown.path("components")).isEmpty();
  }

  @Test
  void whileTheDatabaseIsAwayCrisisIsAnsweredAndAnythingElseIsAskedToComeBackSoon() {
    AtomicBoolean away = new AtomicBoolean();
    MemberStore members = AwayWhile.away(MemberStore.class, database.members(), away::get);
    conversation =
        RealConversation.with(
            members,
            database.checkIns(),
            database.steps(),
            database.communities(),
            database.support(RealConversation.TEST_SEALER),
            database.reachOuts(),
            database.buddies(RealConversation.TEST_SEALER),
            database.meetingReminders(),
            Clock.systemUTC());
    bot.close();
    bot = startBot(discord, Optional.empty());
    String river = discord.newUser("river");
    answered(command(river, IN_DMS, "start"), "When would you like");

    away.set(true);
    answered(command(river, IN_DMS, "checkin"), "can't reach my notes");
    discord.directMessage(river, "how are you");
    awaitDm(river, "can't reach my notes");
    discord.directMessage(river, "I want to kill myself");
    awaitDm(river, "findahelpline.com");

    away.set(false);
    answered(command(river, IN_DMS, "checkin"), "honest");
    assertThat(logged()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
  }

  @Test
  void wordsTheModelIsUnsureOfGetTheQuestionInDmsAndBothAnswersWork() {
    String kit = settledMember("kit");
    discord.directMessage(kit, UNSURE);
    awaitDm(kit, "Are you thinking about ending your life");
    JsonNode question = lastDm(kit);
    assertThat(labels(question)).containsExactly("Yes", "No, it's just a hard day");

    answered(press(kit, IN_DMS, List.of(question), "Yes"), "not an emergency service");

    String ash = settledMember("ash");
    discord.directMessage(ash, UNSURE);
    awaitDm(ash, "Are you thinking about ending your life");
    answered(press(ash, IN_DMS, List.of(lastDm(ash)), "No, it's just a hard day"), "One small");
    MemberId member = new MemberId("discord", ash);
    assertThat(database.checkIns().allFor(member))
        .extracting(CheckIn::mood)
        .contains(Optional.of(Mood.ROUGH));
  }

  private JsonNode lastDm(String user) {
    List<JsonNode> messages = discord.messagesIn(discord.dmChannelOf(user));
    return messages.get(messages.size() - 1);
  }

  @Test
  void theSettingsFormShowsTheSettingsAndChangesOnlyWhatChanged() {
    String sky = settledMember("sky");
    String opened = command(sky, IN_SERVER, "settings");
    FakeDiscord.Callback form = discord.awaitCallback(opened, WAIT);
    assertThat(form.type()).isEqualTo(9);
    assertThat(formValues(form.data()))
        .containsEntry("zone", "Europe/Lisbon")
        .containsEntry("time", "19:00")
        .containsEntry("days", "every day")
        .containsEntry("quiet", "22:00-08:00");

    String saved =
        discord.modalSubmit(
            sky,
            IN_SERVER,
            SettingsForm.ID,
            Map.of(
                "zone",
                "Europe/Lisbon",
                "time",
                "7:45",
                "days",
                "weekdays",
                "quiet",
                "22:00-08:00"));
    List<JsonNode> answer = answered(saved, "07:45");

    assertThat(flags(answer.get(0)) & EPHEMERAL).as("private in a server").isNotZero();
    assertThat(text(answer)).contains("Mon, Tue, Wed, Thu, Fri").doesNotContain("Quiet hours");
    Member member = database.members().find(new MemberId("discord", sky)).orElseThrow();
    assertThat(member.checkInTime()).contains(LocalTime.of(7, 45));
    assertThat(member.days()).hasSize(5);

    String wrong = discord.modalSubmit(sky, IN_SERVER, SettingsForm.ID, Map.of("time", "25:99"));
    assertThat(text(answered(wrong, "couldn't read"))).contains("25:99");
    assertThat(database.members().find(new MemberId("discord", sky)).orElseThrow().checkInTime())
        .contains(LocalTime.of(7, 45));

    assertThat(discord.awaitCallback(command(sky, IN_DMS, "time"), WAIT).type())
        .as("/time without a time opens the form")
        .isEqualTo(9);
  }

  @Test
  void inAServerThePodIsAFormARingAField() {
    String sky = settledMember("sky");
    List<JsonNode> shown = answered(command(sky, IN_SERVER, "pod"), "Core circle");
    assertThat(flags(shown.get(0)) & EPHEMERAL).as("private in a server").isNotZero();

    FakeDiscord.Callback form =
        discord.awaitCallback(press(sky, IN_SERVER, shown, "+ Core circle"), WAIT);
    assertThat(form.type()).as("a form, not a question in the channel").isEqualTo(9);
    assertThat(formValues(form.data())).containsOnlyKeys("pod.core", "pod.movable", "pod.outer");

    String saved =
        discord.modalSubmit(
            sky,
            IN_SERVER,
            SupportForms.POD,
            Map.of(
                "pod.core", "Marisol\n  Dev  \n", "pod.movable", "", "pod.outer", "Tuesday group"));
    List<JsonNode> pod = answered(saved, "Core circle: Marisol, Dev");
    assertThat(flags(pod.get(0)) & EPHEMERAL).isNotZero();
    assertThat(text(pod)).contains("Outer resources: Tuesday group");
    MemberId member = new MemberId("discord", sky);
    assertThat(conversation.dataOf(member).orElseThrow().pod().entries()).hasSize(3);

    FakeDiscord.Callback again =
        discord.awaitCallback(press(sky, IN_SERVER, pod, "Change a name"), WAIT);
    assertThat(formValues(again.data()))
        .containsEntry("pod.core", "Marisol\nDev")
        .containsEntry("pod.outer", "Tuesday group");
    String crisis =
        discord.modalSubmit(
            sky,
            IN_SERVER,
            SupportForms.POD,
            Map.of("pod.core", "I want to kill myself", "pod.movable", "", "pod.outer", ""));
    answered(crisis, "not an emergency service");
    assertThat(conversation.dataOf(member).orElseThrow().pod().entries())
        .as("crisis words are answered, not kept as a name")
        .hasSize(3);
  }

  @Test
  void inAServerThePlanIsTwoFormsAndInDmsItIsAsked() {
    String sky = settledMember("sky");
    List<JsonNode> intro = answered(command(sky, IN_SERVER, "plan"), "safety plan");
    FakeDiscord.Callback first =
        discord.awaitCallback(press(sky, IN_SERVER, intro, "Start my plan"), WAIT);
    assertThat(first.type()).isEqualTo(9);
    assertThat(formValues(first.data()))
        .containsOnlyKeys("plan.warning-signs", "plan.on-my-own", "plan.take-my-mind-off");
    List<JsonNode> partOne =
        answered(
            discord.modalSubmit(
                sky,
                IN_SERVER,
                SupportForms.PLAN + 1,
                Map.of(
                    "plan.warning-signs", "Not sleeping",
                    "plan.on-my-own", "",
                    "plan.take-my-mind-off", "The allotment")),
            "Warning signs");
    FakeDiscord.Callback second =
        discord.awaitCallback(press(sky, IN_SERVER, partOne, "Questions 4 to 6"), WAIT);
    assertThat(formValues(second.data()))
        .containsOnlyKeys("plan.people-to-ask", "plan.professionals", "plan.safer-surroundings");
    answered(
        discord.modalSubmit(
            sky,
            IN_SERVER,
            SupportForms.PLAN + 2,
            Map.of(
                "plan.people-to-ask", "Marisol",
                "plan.professionals", "",
                "plan.safer-surroundings", "Pills at Jo's")),
        "Pills at Jo's");
    MemberId member = new MemberId("discord", sky);
    assertThat(conversation.dataOf(member).orElseThrow().plan().answers()).hasSize(4);

    discord.directMessage(sky, "I want to end my life");
    awaitDm(sky, "not an emergency service");
    assertThat(text(discord.messagesIn(discord.dmChannelOf(sky))))
        .contains("Your plan, in your own words", "Not sleeping", "Pills at Jo's");

    String river = settledMember("river");
    List<JsonNode> dmIntro = answered(command(river, IN_DMS, "plan"), "safety plan");
    answered(press(river, IN_DMS, dmIntro, "Start my plan"), "1 of 6");
    discord.directMessage(river, "Cancelling on people");
    awaitDm(river, "2 of 6");
    assertThat(conversation.dataOf(new MemberId("discord", river)).orElseThrow().plan().answers())
        .hasSize(1);
  }

  // ---- Hosts ----

  @Test
  void aHostSetsUpWeeklyMeetingsAndAMemberSeesTheNextInTheirOwnTime() {
    String host = discord.hostUserId();
    FakeDiscord.Callback form = discord.awaitCallback(command(host, IN_SERVER, "setup"), WAIT);
    assertThat(formValues(form.data())).containsKey("meetings");
    String saved =
        discord.modalSubmit(
            host,
            IN_SERVER,
            "form:setup:" + CHANNEL,
            Map.of(
                "zone",
                "Europe/London",
                "meetings",
                "Tuesday 19:00 Tuesday evening circle "
                    + MEETING
                    + "\nThursday 18:30 Walk | Pier 3"));
    assertThat(text(answered(saved, "Saved for")))
        .contains("Weekly meetings (Europe/London): Tuesday 19:00 Tuesday evening circle");

    String sky = settledMember("sky");
    List<JsonNode> group = answered(command(sky, IN_SERVER, "group"), "your time");
    assertThat(text(group))
        .containsAnyOf("Tuesday evening circle: Tuesday at", "Walk: Thursday at");
    assertThat(flags(group.get(0)) & EPHEMERAL).isNotZero();
  }

  @Test
  void aHostSetsUpPostsACheckInAndSeesTheWeekOnlyOnceFivePeopleAnswered() {
    String host = discord.hostUserId();
    String setup = command(host, IN_SERVER, "setup");
    FakeDiscord.Callback form = discord.awaitCallback(setup, WAIT);
    assertThat(form.type()).isEqualTo(9);
    assertThat(form.data().path("custom_id").asText()).isEqualTo("form:setup:" + CHANNEL);

    String saved =
        discord.modalSubmit(
            host,
            IN_SERVER,
            "form:setup:" + CHANNEL,
            Map.of(
                "links", MEETING, "schedule", "Tuesdays 19:00", "time", "20:00", "zone", "Lisbon"));
    List<JsonNode> setUp = answered(saved, "Saved for");
    assertThat(flags(setUp.get(0)) & EPHEMERAL).isNotZero();
    assertThat(text(setUp)).contains(MEETING).contains("<#" + CHANNEL + ">").contains("Lisbon");

    answered(command(host, IN_SERVER, "post"), "Posted in <#" + CHANNEL + ">");
    List<JsonNode> channel = discord.messagesIn(CHANNEL);
    assertThat(channel).hasSize(1);
    JsonNode posted = channel.get(0);
    assertThat(labels(posted)).containsExactly("Honestly fine", "Rough day", "Skip today");

    List<String> people = new ArrayList<>();
    for (String name : List.of("ash", "bo", "cy", "di")) people.add(discord.newUser(name));
    List<JsonNode> first =
        answered(press(people.get(0), IN_SERVER, List.of(posted), "Rough day"), MEETING);
    assertThat(flags(first.get(0)) & EPHEMERAL).as("an answer is private").isNotZero();
    assertThat(text(first))
        .as("someone new is welcomed and set up with the server's time")
        .contains("I'm Porchlight")
        .contains("Your group checks in at 20:00, Europe/Lisbon time");
    for (String person : people.subList(1, 4)) {
      answered(press(person, IN_SERVER, List.of(posted), "Honestly fine"), "I'm Porchlight");
    }
    assertThat(text(answered(command(host, IN_SERVER, "summary"), "fewer than 5")))
        .doesNotContain("4 people");

    people.add(discord.newUser("ed"));
    answered(press(people.get(4), IN_SERVER, List.of(posted), "Rough day"), MEETING);
    List<JsonNode> week = answered(command(host, IN_SERVER, "summary"), "people checked in");
    assertThat(text(week)).contains("5 people checked in").contains("3 fine days and 2 rough days");
    assertThat(flags(week.get(0)) & EPHEMERAL).isNotZero();

    assertThat(discord.messagesIn(CHANNEL)).as("the posted check-in is untouched").hasSize(1);
    assertThat(labels(discord.messagesIn(CHANNEL).get(0))).hasSize(3);
    MemberId ash = new MemberId("discord", people.get(0));
    assertThat(
            database
                .checkIns()
                .find(ash, LocalDate.now(ZoneId.of("Europe/Lisbon")))
                .flatMap(CheckIn::mood))
        .contains(Mood.ROUGH);
  }

  @Test
  void aMemberWithoutManageServerIsRefusedTheHostsCommands() {
    String member = discord.memberUserId();
    for (String command : List.of("setup", "post", "summary")) {
      String asked = command(member, IN_SERVER, command);
      List<JsonNode> answer = answered(asked, "for this server's hosts");
      assertThat(discord.callbacks(asked).get(0).type()).as(command).isEqualTo(5);
      assertThat(flags(answer.get(0)) & EPHEMERAL).isNotZero();
    }
    assertThat(discord.messagesIn(CHANNEL)).isEmpty();
    assertThat(database.communities().find(DiscordChat.communityOf(FakeDiscord.GUILD_ID)))
        .isEmpty();
  }

  // ---- Delivery ----

  @Test
  void closedDmsStopCheckInsAndTheMemberIsToldOnceAtTheirNextInteraction() {
    String kit = settledMember("kit");
    MemberId member = new MemberId("discord", kit);
    discord.closeDms(kit);

    // The check-in can't be sent: the sender marks kit unreachable and stops.
    checkInTimeComes(member, () -> !database.members().isReachable(member));
    assertThat(discord.calls())
        .filteredOn(call -> call.is("POST", "channels/" + discord.dmChannelOf(kit) + "/messages"))
        .extracting(FakeDiscord.Call::status)
        .containsExactly(403);

    String checkIn = command(kit, IN_SERVER, "checkin");
    await().atMost(WAIT).until(() -> discord.answers(checkIn).size() == 2);
    List<JsonNode> told = discord.answers(checkIn);
    assertThat(text(told)).contains("Privacy Settings").contains("/checkin here");
    assertThat(labels(told.get(1))).as("and the check-in itself").hasSize(3);
    assertThat(flags(told.get(0)) & EPHEMERAL).isNotZero();
    assertThat(text(answered(command(kit, IN_SERVER, "help"), "What I can do")))
        .doesNotContain("Privacy Settings");

    answered(command(kit, IN_DMS, "help"), "What I can do");
    assertThat(database.members().isReachable(member))
        .as("a command in DMs is answered however DMs are set: it proves nothing")
        .isFalse();
    discord.directMessage(kit, "hello again");
    await().atMost(WAIT).until(() -> database.members().isReachable(member));
  }

  @ParameterizedTest
  @MethodSource("org.porchlight.discord.DiscordPayloads#restErrorsBesidesRateLimits")
  void everyRefusedDirectMessageLeavesTheMemberRightlyReachable(DiscordPayloads.RestError error) {
    refusedDirectMessage(error);
  }

  @Tag(Corpus.TAG)
  @ParameterizedTest
  @MethodSource("org.porchlight.discord.DiscordPayloads#corpusRestErrorsBesidesRateLimits")
  void everyCorpusRefusalLeavesTheMemberRightlyReachable(DiscordPayloads.RestError error) {
    refusedDirectMessage(error);
  }

  /**
   * A DM that Discord refuses: a member it cannot reach (DMs closed, gone) is marked unreachable;
   * anything else fails that one delivery, to be tried again, and costs the member nothing.
   */
  private void refusedDirectMessage(DiscordPayloads.RestError error) {
    String ray = discord.newUser("ray");
    MemberId member = new MemberId("discord", ray);
    answered(command(ray, IN_DMS, "timezone", Map.of("zone", "Lisbon")), "Lisbon");
    discord.failNextMessage(error);

    Delivery delivery = remind(member);

    int code = error.recorded().path("body").path("code").asInt();
    if (Set.of(50007, 10003, 10013).contains(code)) {
      assertThat(delivery).isEqualTo(Delivery.unreachable());
    } else {
      assertThat(delivery).isEqualTo(Delivery.failed());
      String dm = "channels/" + discord.dmChannelOf(ray) + "/messages";
      assertThat(discord.calls()).filteredOn(call -> call.is("POST", dm)).hasSize(1);
    }
  }

  @Test
  void aRateLimitFromDiscordIsWaitedOutAndTheMessageSentOnce() {
    String lee = settledMember("lee");
    MemberId member = new MemberId("discord", lee);
    discord.tooManyRequests(1, Duration.ofSeconds(1));

    long started = System.nanoTime();
    Delivery delivery = remind(member);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(delivery).isEqualTo(Delivery.sent());
    assertThat(discord.rateLimited()).isEqualTo(1);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    String dm = "channels/" + discord.dmChannelOf(lee) + "/messages";
    assertThat(discord.calls())
        .filteredOn(call -> call.is("POST", dm))
        .extracting(FakeDiscord.Call::status)
        .containsExactly(429, 200);
  }

  @Test
  void theGatewayDropsMidConversationAndEveryInteractionIsStillAnsweredOnce() {
    String jo = discord.newUser("jo");
    List<JsonNode> welcome = answered(command(jo, IN_DMS, "start"), "When would you like");

    discord.dropConnection();
    // Pressed while Porchlight is away: Discord keeps it and replays it on RESUME.
    String pressed = press(jo, IN_DMS, welcome, "Morning (08:30)");
    answered(pressed, "08:30");

    discord.requestReconnect();
    String zone = command(jo, IN_DMS, "timezone", Map.of("zone", "Lisbon"));
    answered(zone, "all set");

    assertThat(discord.heartbeatsAcked()).as("heartbeats, acknowledged").isPositive();
    assertThat(discord.identifies()).as("one session all along").isEqualTo(1);
    assertThat(discord.resumes()).isEqualTo(2);
    assertThat(discord.callbacks(pressed)).hasSize(1);
    assertThat(discord.callbacks(zone)).hasSize(1);
  }

  @Test
  void anEventFromANewerApiIsPassedOverAndNothingBreaks() {
    ObjectNode future = JsonNodeFactory.instance.objectNode();
    future.put("id", "1573000000000000000").put("guild_id", FakeDiscord.GUILD_ID);
    future.putObject("something_new").put("shape", "nobody knows yet");
    discord.dispatch("GUILD_SOMETHING_ADDED_NEXT_YEAR", future);

    String pat = discord.newUser("pat");
    assertThat(text(answered(command(pat, IN_DMS, "about"), "not an emergency service")))
        .doesNotContain("Exception");
  }

  // ---- Recorded payloads ----

  @ParameterizedTest
  @MethodSource("org.porchlight.discord.DiscordPayloads#interactionNames")
  void everyRecordedKindOfInteractionIsAnswered(String fileName) {
    answeredKindly(discord.replayInteraction(DiscordPayloads.interaction(fileName)));
  }

  @Tag(Corpus.TAG)
  @ParameterizedTest
  @MethodSource("org.porchlight.discord.DiscordPayloads#corpusInteractionNames")
  void everyCorpusInteractionIsAnswered(String fileName) {
    answeredKindly(discord.replayInteraction(DiscordPayloads.corpusInteraction(fileName)));
  }

  /**
   * The interaction was acknowledged at once, and what followed (a form, or words once the turn was
   * done) is kind: never an error's name.
   */
  private void answeredKindly(String interaction) {
    FakeDiscord.Callback callback = discord.awaitCallback(interaction, WAIT);
    if (callback.type() == 9) {
      assertThat(callback.data().path("custom_id").asText()).as("a form").isNotBlank();
      return;
    }
    await().atMost(WAIT).until(() -> !text(discord.answers(interaction)).isBlank());
    assertThat(text(settled(interaction))).doesNotContain("Exception").doesNotContain("went wrong");
  }

  @Tag(Corpus.TAG)
  @Test
  void onTheCorpusServerMembersAndHostsAreAnsweredAsOnOurs() {
    bot.close();
    discord.close();
    discord = FakeDiscord.start(DiscordPayloads.corpus(), FakeDiscord.DEFAULT_HEARTBEAT_INTERVAL);
    bot = startBot(discord, Optional.empty());
    Where inServer = Where.channel(discord.checkInChannelId());

    String member = discord.memberUserId();
    answered(command(member, IN_DMS, "about"), "not an emergency service");
    discord.directMessage(member, "rough day honestly");
    awaitDm(member, "Rough day");
    answered(command(member, inServer, "setup"), "for this server's hosts");

    String setup = command(discord.hostUserId(), inServer, "setup");
    assertThat(discord.awaitCallback(setup, WAIT).type()).as("the setup form").isEqualTo(9);
  }

  // ---- Helpers ----

  /**
   * Porchlight's scheduling (the sweep, the outbox and its sender, sending through the Discord
   * messenger), on a clock a second past the member's check-in time, until {@code done}.
   */
  private void checkInTimeComes(MemberId member, Callable<Boolean> done) {
    Instant due = database.members().find(member).orElseThrow().nextCheckInAt().orElseThrow();
    Clock at = Clock.fixed(due.plusSeconds(1), ZoneOffset.UTC);
    DueCheckIns rules = new DueCheckIns(ConversationOptions.DEFAULT);
    Sender sender =
        new Sender(
            database.outbox(),
            database.members(),
            List.of(new Sender.Channel(bot.messenger(), new RateLimit(20, 1, Ticker.SYSTEM))),
            conversation::prompt,
            rules,
            at,
            2,
            20);
    try (Scheduling scheduling =
        new Scheduling(
            database.dataSource(),
            new Sweeper(database.due(), rules, at, 100),
            sender,
            Duration.ofMillis(200))) {
      scheduling.start();
      await().atMost(WAIT).until(done);
    }
  }

  /** Sends {@code member} today's reminder through the Discord messenger, as the sender would. */
  private Delivery remind(MemberId member) {
    return bot.messenger()
        .send(
            member,
            conversation
                .prompt(
                    Prompt.REMINDER,
                    database.members().find(member).orElseThrow(),
                    LocalDate.now(ZoneId.of("Europe/Lisbon")))
                .orElseThrow());
  }

  /** A member who set a time and a zone in DMs. */
  private String settledMember(String name) {
    String user = discord.newUser(name);
    answered(command(user, IN_DMS, "time", Map.of("time", "19:00")), "19:00");
    answered(command(user, IN_DMS, "timezone", Map.of("zone", "Lisbon")), "all set");
    return user;
  }

  private String command(String user, Where where, String name) {
    return command(user, where, name, Map.of());
  }

  private String command(String user, Where where, String name, Map<String, ?> options) {
    return discord.slashCommand(user, where, name, options);
  }

  /** Waits until the answers to an interaction say {@code words}; returns them. */
  private List<JsonNode> answered(String interaction, String words) {
    try {
      await().atMost(WAIT).until(() -> text(discord.answers(interaction)).contains(words));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "no answer saying '" + words + "'; answers: " + text(discord.answers(interaction)), e);
    }
    return settled(interaction);
  }

  /** The answers to an interaction, once they have stopped growing for a while. */
  private List<JsonNode> settled(String interaction) {
    // Follow-ups may still be on their way: wait until the answers stop growing for a while. The
    // bot sends each follow-up as soon as the one before is answered, milliseconds apart here, so
    // 150 quiet milliseconds are a wide margin.
    int[] seen = {-1, 0};
    await()
        .pollInterval(Duration.ofMillis(50))
        .atMost(WAIT)
        .until(
            () -> {
              int now = discord.answers(interaction).size();
              seen[1] = now == seen[0] ? seen[1] + 1 : 0;
              seen[0] = now;
              return seen[1] >= 3;
            });
    return discord.answers(interaction);
  }

  private String press(String user, Where where, List<JsonNode> messages, String label) {
    for (JsonNode message : messages) {
      for (JsonNode button : buttons(message)) {
        if (button.path("label").asText().equals(label)) {
          return discord.buttonPress(
              user, where, message.path("id").asText(), button.path("custom_id").asText());
        }
      }
    }
    throw new AssertionError("no button '" + label + "' in " + text(messages));
  }

  /** The id of the message with this button. */
  private static String withButton(List<JsonNode> messages, String label) {
    return messages.stream()
        .filter(message -> labels(message).contains(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + text(messages)))
        .path("id")
        .asText();
  }

  private void awaitDm(String user, String words) {
    await()
        .atMost(WAIT)
        .until(() -> text(discord.messagesIn(discord.dmChannelOf(user))).contains(words));
  }

  private static List<JsonNode> buttons(JsonNode message) {
    List<JsonNode> buttons = new ArrayList<>();
    for (JsonNode row : message.path("components")) {
      for (JsonNode component : row.path("components")) {
        if (component.path("type").asInt() == 2) buttons.add(component);
      }
    }
    return buttons;
  }

  private static List<String> labels(JsonNode message) {
    return buttons(message).stream().map(b -> b.path("label").asText()).toList();
  }

  private static String text(List<JsonNode> messages) {
    return messages.stream()
        .map(m -> m.path("content").asText())
        .collect(Collectors.joining("\n---\n"));
  }

  private static int flags(JsonNode message) {
    return message.path("flags").asInt();
  }

  private static JsonNode command(List<JsonNode> commands, String name) {
    return commands.stream()
        .filter(c -> c.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<Integer> ints(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
  }

  /** A modal's text inputs and their filled-in values, by id. */
  private static Map<String, String> formValues(JsonNode modal) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (JsonNode label : modal.path("components")) {
      JsonNode input = label.path("component");
      values.put(input.path("custom_id").asText(), input.path("value").asText(""));
    }
    return values;
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private List<ILoggingEvent> logged() {
    synchronized (log) {
      return new ArrayList<>(log.list);
    }
  }
}
