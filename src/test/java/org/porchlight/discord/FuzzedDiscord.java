package org.porchlight.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.porchlight.core.Action;
import org.porchlight.core.MessageLimit;
import org.porchlight.core.Mood;
import org.porchlight.core.Pod;
import org.porchlight.core.SafetyPlan;
import org.porchlight.discord.FakeDiscord.Where;
import org.porchlight.store.Database;
import org.porchlight.testing.JsonLeaves;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.Replies;
import org.porchlight.testing.TestH2;
import org.slf4j.LoggerFactory;

/**
 * What the Discord fuzz test shares, made once a JVM: the fake Discord, a database, and
 * Porchlight's bot connected through a real JDA, with a message of the bot's to press buttons on in
 * a DM, a check-in posted in the server, and a private answer there; and interactions made of
 * fuzzed parts, in the shape Discord sends them.
 */
final class FuzzedDiscord {
  // Discord waits 3 seconds for the first answer; the bot has as long for each of its answers.
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
  // How long a payload Discord would never send is given to be answered (or passed over).
  private static final Duration PASSED_OVER_WITHIN = Duration.ofMillis(150);
  private static final String CHANNEL = FakeDiscord.CHECK_IN_CHANNEL_ID;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // Loggers whose ERROR is ours: Porchlight's own, and JDA's for an exception that escaped a
  // listener or a queued call without a failure handler.
  private static final Predicate<ILoggingEvent> OURS =
      event ->
          event.getLoggerName().startsWith("org.porchlight")
              || event.getLoggerName().equals("net.dv8tion.jda.api.JDA")
              || event.getLoggerName().equals("net.dv8tion.jda.api.requests.RestAction");
  private static final String JDA_GATEWAY = "net.dv8tion.jda.internal.requests.WebSocketClient";

  private static final List<String> FORM_IDS =
      List.of(
          SettingsForm.ID,
          SupportForms.POD,
          SupportForms.PLAN + "1",
          SupportForms.PLAN + "2",
          HostCommands.SETUP_FORM + CHANNEL,
          HostCommands.SETUP_FORM);
  private static final List<String> FORM_FIELDS = formFields();
  private static final List<String> OUR_PRESSES = presses();
  private static final String LONG = "long-".repeat(20);
  private static final List<Integer> OTHER_TYPES = List.of(1, 4, 0, 6, 7, -1, 255);
  private static final List<String> GARBAGE_IDS =
      List.of("", "0", "-1", "abc", "18446744073709551616", "1e30", "0x10", " 1", "١٢٣");

  final FakeDiscord discord = FakeDiscord.start();
  private final Database database;
  private final DiscordBot bot;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final String host;
  private final String member;
  private final Map<String, String> commandIds = new LinkedHashMap<>();
  // Messages of the bot's with buttons, as a press carries them.
  private final JsonNode inDm;
  private final JsonNode posted;
  private final JsonNode privateInServer;
  private int callsSeen;

  private static FuzzedDiscord shared;

  static synchronized FuzzedDiscord shared() {
    // Jazzer's network sanitizer takes any connection for a server-side request forgery; these go
    // to the fake Discord on this machine. Allowed at every run: Jazzer forbids all connections
    // again when fuzzing starts, after the kept inputs have run (and made the harness).
    BugDetectors.allowNetworkConnections(
        (host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
    if (shared == null) shared = new FuzzedDiscord();
    return shared;
  }

  private FuzzedDiscord() {
    log.start();
    root().addAppender(log);
    try {
      database = TestH2.open(Files.createTempDirectory("porchlight-fuzz"), 4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Clock clock = Clock.systemUTC();
    bot =
        new DiscordBot(
                RealConversation.on(database, clock),
                RealConversation.hosting(database, clock),
                database.members(),
                discord.token(),
                discord.apiUrl(),
                discord.gatewayUrl(),
                Optional.empty(),
                4)
            // The fuzzer is a few members sending fast: every interaction is read.
            .limitingEachMember(new MessageLimit(Integer.MAX_VALUE, Integer.MAX_VALUE, clock));
    bot.start();
    // The commands are registered beside the start.
    await().atMost(Duration.ofSeconds(30)).until(() -> !discord.globalCommands().isEmpty());
    discord
        .globalCommands()
        .forEach(
            command -> commandIds.put(command.path("name").asText(), command.path("id").asText()));
    host = discord.hostUserId();
    member = discord.memberUserId();
    inDm = withButtons(discord.slashCommand(member, Where.dm(), "start", Map.of()));
    privateInServer =
        withButtons(discord.slashCommand(member, Where.channel(CHANNEL), "start", Map.of()));
    discord.slashCommand(host, Where.channel(CHANNEL), "post", Map.of());
    posted =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    discord.messagesIn(CHANNEL).stream()
                        .filter(message -> !message.path("components").isEmpty())
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    settle();
  }

  private JsonNode withButtons(String interactionId) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                discord.answers(interactionId).stream()
                    .filter(message -> !message.path("components").isEmpty())
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** One interaction sent to the bot, and what is known of it. */
  record Sent(String token, boolean answerable) {}

  /**
   * One INTERACTION_CREATE made of fuzzed parts: a command, a press or a form, in a DM or the
   * server, most often as Discord would send it; sometimes with an id that is garbage, of another
   * type, with values changed anywhere, or a whole fuzzed body.
   */
  Sent send(FuzzedDataProvider data) {
    boolean inServer = data.consumeBoolean();
    String user = inServer && data.consumeBoolean() ? host : member;
    Where where = inServer ? Where.channel(CHANNEL) : Where.dm();
    int kind = data.consumeInt(0, 3);
    int type = kind == 3 ? data.pickValue(OTHER_TYPES) : List.of(2, 3, 5).get(kind);
    ObjectNode payload = discord.interactionPayload(type, user, where);
    boolean answerable = kind < 3;
    switch (kind) {
      case 0, 3 -> answerable &= command(payload, data);
      case 1 -> answerable &= press(payload, inServer, data);
      default -> form(payload, data);
    }
    String token = payload.path("token").asText();
    // Most as Discord sends them, the rest not; an input cut short is one of the first.
    switch (data.consumeInt(0, 7)) {
      case 5 -> {
        garbageId(payload, data);
        answerable = false;
      }
      case 6 -> {
        editLeaves(payload, data);
        answerable = false;
      }
      case 7 -> {
        discord.sendInteraction(read(data.consumeRemainingAsString()));
        return new Sent(token, false);
      }
      default -> {}
    }
    discord.sendInteraction(payload);
    return new Sent(payload.path("token").asText(), answerable);
  }

  // A slash command, ours or made up, with fuzzed options; whether Discord could send it.
  private boolean command(ObjectNode payload, FuzzedDataProvider data) {
    List<String> names = new ArrayList<>(commandIds.keySet());
    String name = data.consumeBoolean() ? data.pickValue(names) : data.consumeString(40);
    ObjectNode command = payload.putObject("data");
    command.put("id", commandIds.getOrDefault(name, "1085300000000000001"));
    // Now and then a user's context menu command, which Porchlight never registered.
    command.put("name", name).put("type", data.consumeInt(0, 4) == 4 ? 2 : 1);
    boolean sendable = command.path("type").asInt() == 1;
    ArrayNode options = command.putArray("options");
    int count = data.consumeInt(0, 2);
    for (int i = 0; i < count; i++) {
      ObjectNode option = options.addObject();
      option.put(
          "name",
          data.consumeBoolean()
              ? data.pickValue(List.of("time", "zone", "days", "hours", "what", "channel"))
              : data.consumeString(20));
      switch (data.consumeInt(0, 5)) {
        case 0 -> option.put("type", 4).put("value", data.consumeLong());
        // Beyond what a JavaScript number holds exactly.
        case 1 ->
            option
                .put("type", 4)
                .put("value", BigInteger.TWO.pow(data.consumeInt(54, 90)).add(BigInteger.ONE));
        case 2 -> option.put("type", data.consumeInt(3, 5)).put("value", data.consumeString(50));
        case 3 -> option.put("type", 5).put("value", data.consumeBoolean());
        case 4 -> {
          option.put("type", 7).put("value", CHANNEL);
          ObjectNode channel = command.with("resolved").with("channels").putObject(CHANNEL);
          channel.put("id", CHANNEL).put("type", 0).put("name", "check-ins");
          channel.put("guild_id", FakeDiscord.GUILD_ID).put("permissions", "2248473465835073");
        }
        default -> option.put("type", 3).put("value", data.consumeString(300));
      }
    }
    return sendable;
  }

  // A press on a message of the bot's, of one of our buttons or a made-up one.
  private boolean press(ObjectNode payload, boolean inServer, FuzzedDataProvider data) {
    JsonNode message = inServer ? (data.consumeBoolean() ? posted : privateInServer) : inDm;
    List<String> shown = new ArrayList<>();
    message.findValues("custom_id").forEach(id -> shown.add(id.asText()));
    String customId =
        switch (data.consumeInt(0, 4)) {
          case 0 -> data.pickValue(shown);
          case 1 -> data.pickValue(OUR_PRESSES);
          // Past Discord's 100 characters whatever the input's length (libFuzzer starts short).
          case 2 -> data.pickValue(shown) + LONG + data.consumeString(200);
          case 3 -> data.pickValue(OUR_PRESSES) + "\u0000\u001b[31m\r\n" + data.consumeString(20);
          default -> data.consumeString(120);
        };
    int componentType = data.consumeInt(0, 5) == 0 ? 3 : 2;
    ObjectNode pressed = payload.putObject("data");
    pressed.put("custom_id", customId).put("component_type", componentType).put("id", 1);
    if (componentType == 3) {
      pressed.putArray("values").add(data.consumeString(20));
    }
    payload.set("message", message.deepCopy());
    return true;
  }

  // A form sent back, ours or made up, with fuzzed values in our fields or others.
  private void form(ObjectNode payload, FuzzedDataProvider data) {
    ObjectNode form = payload.putObject("data");
    form.put(
        "custom_id",
        data.consumeBoolean()
            ? data.pickValue(FORM_IDS)
            : data.pickValue(FORM_IDS) + data.consumeString(30));
    ArrayNode components = form.putArray("components");
    int count = data.consumeInt(0, 5);
    for (int i = 0; i < count; i++) {
      ObjectNode input = NODES.objectNode().put("type", 4).put("id", 2 * i + 2);
      input.put(
          "custom_id",
          data.consumeBoolean() ? data.pickValue(FORM_FIELDS) : data.consumeString(20));
      input.put("value", data.consumeBoolean() ? data.consumeString(60) : LONG.repeat(40));
      if (data.consumeBoolean()) {
        components.addObject().put("type", 18).put("id", 2 * i + 1).set("component", input);
      } else {
        // As Discord sent them before Labels: a text input in an action row.
        components
            .addObject()
            .put("type", 1)
            .put("id", 2 * i + 1)
            .putArray("components")
            .add(input);
      }
    }
  }

  private static void garbageId(ObjectNode payload, FuzzedDataProvider data) {
    String garbage = data.consumeBoolean() ? data.pickValue(GARBAGE_IDS) : data.consumeString(25);
    switch (data.consumeInt(0, 4)) {
      case 0 -> payload.put("id", garbage);
      case 1 -> payload.put("channel_id", garbage).with("channel").put("id", garbage);
      case 2 -> payload.put("guild_id", garbage);
      case 3 ->
          (payload.has("member") ? payload.with("member") : payload)
              .with("user")
              .put("id", garbage);
      default -> payload.with("message").put("id", garbage);
    }
  }

  // A few of the payload's values, anywhere in it, replaced by fuzzed ones of any type.
  private static void editLeaves(ObjectNode payload, FuzzedDataProvider data) {
    List<JsonLeaves.Leaf> leaves = JsonLeaves.of(payload);
    int edits = data.consumeInt(1, 4);
    for (int i = 0; i < edits; i++) {
      JsonLeaves.Leaf leaf = leaves.get(data.consumeInt(0, leaves.size() - 1));
      ObjectNode parent = leaf.parent();
      String name = leaf.name();
      switch (data.consumeInt(0, 4)) {
        case 0 -> parent.put(name, data.consumeLong());
        case 1 -> parent.put(name, data.consumeBoolean());
        case 2 -> parent.putNull(name);
        case 3 -> parent.remove(name);
        default -> parent.put(name, data.consumeString(100));
      }
    }
  }

  /**
   * What must hold after one interaction: one Discord would send got exactly one callback within 3
   * seconds, and each of the bot's answers to it was taken; any other got at most one; the bot's
   * words are sentences; and nothing of ours logged an error.
   */
  void assertAnswered(Sent sent) {
    // A made-up token may be short enough to be part of anything; only a whole one is looked for.
    boolean known = sent.token().length() >= 32;
    Predicate<FakeDiscord.Call> callback =
        call -> call.path().startsWith("interactions/") && call.path().contains(sent.token());
    try {
      if (known) {
        Duration within = sent.answerable() ? ANSWER_WITHIN : PASSED_OVER_WITHIN;
        Optional<FakeDiscord.Call> first = awaitCall(callback, within);
        if (sent.answerable()) {
          assertThat(first).as("a callback for an interaction Discord would send").isPresent();
        }
        int type = first.map(call -> call.body().path("type").asInt()).orElse(0);
        // Deferred: the answer follows in place of "thinking" or of the buttons. (Not for a payload
        // changed anywhere: JDA lets the answer to an id from long ago expire before it is sent.)
        if (sent.answerable() && (type == 5 || type == 6)) {
          assertThat(
                  awaitCall(
                      call ->
                          call.path().startsWith("webhooks/")
                              && call.path().contains(sent.token())
                              && call.method().equals("PATCH"),
                      ANSWER_WITHIN))
              .as("the answer after a deferred callback (%d)", type)
              .isPresent();
        }
        List<FakeDiscord.Call> ofIt =
            discord.calls().stream().filter(call -> call.path().contains(sent.token())).toList();
        assertThat(ofIt.stream().filter(callback).count()).as("callbacks").isLessThanOrEqualTo(1);
        if (sent.answerable()) {
          for (FakeDiscord.Call call : ofIt) {
            assertThat(call.status())
                .as("Discord's answer to %s %s %s", call.method(), call.path(), call.body())
                .isLessThan(300);
          }
        }
      }
      assertSaid();
      assertNoErrorOfOurs(sent.answerable());
    } finally {
      settle();
    }
  }

  private Optional<FakeDiscord.Call> awaitCall(Predicate<FakeDiscord.Call> which, Duration within) {
    try {
      return await()
          .atMost(within)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> discord.calls().stream().filter(which).findFirst(), Optional::isPresent);
    } catch (org.awaitility.core.ConditionTimeoutException none) {
      return Optional.empty();
    }
  }

  // Every message the bot sent or edited since the last look is words a member can read.
  private void assertSaid() {
    List<FakeDiscord.Call> calls = discord.calls();
    for (FakeDiscord.Call call : calls.subList(Math.min(callsSeen, calls.size()), calls.size())) {
      JsonNode body = call.body().has("data") ? call.body().path("data") : call.body();
      List<String> words = new ArrayList<>();
      if (body.path("content").isTextual()) words.add(body.path("content").asText());
      body.path("components").findValues("label").forEach(label -> words.add(label.asText()));
      for (String said : words) {
        Replies.assertSentence(said);
        assertThat(said).as("a tab in: %s", said).doesNotContain("\t");
      }
    }
  }

  private void assertNoErrorOfOurs(boolean answerable) {
    List<ILoggingEvent> events;
    synchronized (log) {
      events = new ArrayList<>(log.list);
    }
    for (ILoggingEvent event : events) {
      boolean error = event.getLevel().isGreaterOrEqual(Level.ERROR) && OURS.test(event);
      // JDA reads every interaction Discord would send.
      boolean unread = answerable && event.getLoggerName().equals(JDA_GATEWAY);
      assertThat(error || unread).as("%s %s", event.getLoggerName(), text(event)).isFalse();
    }
  }

  // Waits for the bot's late answers to end, then starts the next look afresh.
  private void settle() {
    int[] last = {-1};
    await()
        .atMost(ANSWER_WITHIN)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              int now = discord.calls().size();
              boolean still = now == last[0];
              last[0] = now;
              return still;
            });
    callsSeen = discord.calls().size();
    synchronized (log) {
      log.list.clear();
    }
  }

  private static String text(ILoggingEvent event) {
    return event.getFormattedMessage()
        + (event.getThrowableProxy() == null
            ? ""
            : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
  }

  private static JsonNode read(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node == null ? NODES.textNode(json) : node;
    } catch (IOException e) {
      return NODES.textNode(json);
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private static List<String> formFields() {
    List<String> fields = new ArrayList<>(List.of("zone", "time", "days", "quiet"));
    fields.addAll(List.of("links", "schedule", "meetings"));
    for (Pod.Ring ring : Pod.Ring.values()) fields.add(ring.formField());
    for (SafetyPlan.Section section : SafetyPlan.Section.values()) fields.add(section.formField());
    return List.copyOf(fields);
  }

  private static List<String> presses() {
    List<Action> actions =
        List.of(
            new Action.PostedAnswer(Mood.ROUGH),
            new Action.Answer(Mood.FINE, LocalDate.now()),
            new Action.SetTime(LocalTime.of(8, 30)),
            new Action.AnotherStep(),
            new Action.CrisisCheck(true),
            new Action.Forget(false),
            new Action.PodAdd(Pod.Ring.CORE),
            new Action.PodChoose(),
            new Action.PlanStart(),
            new Action.PlanLater(),
            new Action.PlanDeleteConfirm(false),
            new Action.ReachOutNew(),
            new Action.BuddyTell(),
            new Action.MeetingRemindersOn());
    List<String> presses = new ArrayList<>();
    actions.forEach(action -> presses.add(action.encode()));
    presses.addAll(List.of(SupportForms.PLAN + "1", SupportForms.PLAN + "2", SupportForms.PLAN));
    return List.copyOf(presses);
  }
}
