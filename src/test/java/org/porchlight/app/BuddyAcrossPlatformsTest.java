package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.MemberId;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.discord.DiscordBot;
import org.porchlight.discord.FakeDiscord;
import org.porchlight.runtime.Ticker;
import org.porchlight.schedule.Scheduling;
import org.porchlight.store.Database;
import org.porchlight.telegram.FakeBotApi;
import org.porchlight.telegram.TelegramBot;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;

/**
 * A Telegram member's buddy on Discord, end to end: both real adapters against their fakes, one
 * database, and the sender delivering through both platforms, as one Porchlight runs them.
 */
class BuddyAcrossPlatformsTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  private static final long ALEX = 424_242_424L;
  private static final Pattern CODE = Pattern.compile("/buddy accept ([A-Z0-9]{10})");

  @TempDir Path dir;
  private FakeBotApi telegram;
  private FakeDiscord discord;
  private Database database;
  private TelegramBot telegramBot;
  private DiscordBot discordBot;
  private Scheduling scheduling;
  private String sam;

  @BeforeEach
  void start() {
    telegram = FakeBotApi.start(TOKEN);
    telegram.longPollsAtMost(Duration.ofMillis(50));
    discord = FakeDiscord.start();
    database = TestH2.open(dir, 4);
    Conversation conversation = RealConversation.on(database, Clock.systemUTC());
    telegramBot =
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
    telegramBot.start();
    discordBot =
        new DiscordBot(
            conversation,
            RealConversation.hosting(database, Clock.systemUTC()),
            database.members(),
            discord.token(),
            discord.apiUrl(),
            discord.gatewayUrl(),
            java.util.Optional.empty(),
            4);
    discordBot.start();
    DueCheckIns rules = new DueCheckIns(ConversationOptions.DEFAULT);
    Sender sender =
        new Sender(
                database.outbox(),
                database.members(),
                List.of(
                    new Sender.Channel(
                        telegramBot.messenger(), new RateLimit(30, 1, Ticker.SYSTEM)),
                    new Sender.Channel(
                        discordBot.messenger(), new RateLimit(20, 1, Ticker.SYSTEM))),
                conversation::prompt,
                rules,
                Clock.systemUTC(),
                2,
                20)
            .whenUnreachable(conversation::unreachable);
    scheduling =
        new Scheduling(
            database.dataSource(),
            new Sweeper(database.due(), rules, Clock.systemUTC(), 100),
            sender,
            Duration.ofMillis(100));
    scheduling.start();
    sam = discord.newUser("sam");
  }

  @AfterEach
  void stop() {
    scheduling.close();
    discordBot.close();
    telegramBot.close();
    discord.close();
    telegram.close();
    database.close();
  }

  private FakeBotApi.Call say(String text) {
    int before = telegram.sent().size();
    telegram.push(telegram.textMessage(ALEX, ALEX, text));
    await().atMost(WAIT).until(() -> telegram.sent().size() > before);
    await().pollDelay(Duration.ofMillis(200)).atMost(WAIT).until(() -> true);
    return last();
  }

  private FakeBotApi.Call last() {
    List<FakeBotApi.Call> sent = telegram.sent();
    return sent.get(sent.size() - 1);
  }

  private void press(String label) {
    List<FakeBotApi.Call> sent = new ArrayList<>(telegram.sent());
    Collections.reverse(sent);
    for (FakeBotApi.Call call : sent) {
      JsonNode rows = call.params().path("reply_markup").path("inline_keyboard");
      for (JsonNode row : rows) {
        for (JsonNode button : row) {
          if (button.path("text").asText().equals(label)) {
            int before = telegram.sent().size();
            telegram.push(
                telegram.callback(
                    ALEX, ALEX, call.messageId(), button.path("callback_data").asText()));
            await().atMost(WAIT).until(() -> telegram.sent().size() > before);
            return;
          }
        }
      }
    }
    throw new AssertionError("no button '" + label + "' was sent");
  }

  private List<String> samsDms() {
    return discord.messagesIn(discord.dmChannelOf(sam)).stream()
        .map(message -> message.path("content").asText())
        .toList();
  }

  private void samAccepts() {
    say("/time 20:00");
    say("/timezone Europe/London");
    // Messages because of a buddy wait for the end of quiet hours; this test runs at any hour.
    say("/quiet off");
    say("/buddy");
    Matcher code = CODE.matcher(say("Alex").param("text"));
    assertThat(code.find()).isTrue();
    assertThat(last().param("text")).contains("https://t.me/");

    String opened =
        discord.slashCommand(sam, FakeDiscord.Where.dm(), "buddy", Map.of("what", code.group(1)));
    await()
        .atMost(WAIT)
        .until(() -> text(discord.answers(opened)).contains("Alex would like you as their buddy"));
    JsonNode invitation = null;
    String yes = null;
    for (JsonNode answer : discord.answers(opened)) {
      for (JsonNode row : answer.path("components")) {
        for (JsonNode button : row.path("components")) {
          if (button.path("label").asText().equals("Yes, I'll be their buddy")) {
            invitation = answer;
            yes = button.path("custom_id").asText();
          }
        }
      }
    }
    assertThat(yes).as("a Yes button in " + discord.answers(opened)).isNotNull();
    String pressed =
        discord.buttonPress(sam, FakeDiscord.Where.dm(), invitation.path("id").asText(), yes);
    await().atMost(WAIT).until(() -> text(discord.answers(pressed)).contains("saying yes"));
    String quiet =
        discord.slashCommand(sam, FakeDiscord.Where.dm(), "quiet", Map.of("hours", "off"));
    await().atMost(WAIT).until(() -> !discord.answers(quiet).isEmpty());
    await()
        .atMost(WAIT)
        .until(() -> telegram.sent().stream().anyMatch(c -> c.param("text").contains("said yes")));
  }

  private static String text(List<JsonNode> messages) {
    return String.join("\n", messages.stream().map(m -> m.path("content").asText()).toList());
  }

  @Test
  void aTelegramMembersBuddyOnDiscordGetsOneLineOnARoughDayAndNothingElse() {
    samAccepts();
    int dmsBefore = samsDms().size();
    say("/checkin");
    press("Rough day");
    press("Let my buddy know");
    await().atMost(WAIT).until(() -> samsDms().size() > dmsBefore);

    List<String> dms = samsDms().subList(dmsBefore, samsDms().size());
    assertThat(dms)
        .containsExactly(
            "Alex could use a kind message today. However you usually reach them is perfect;"
                + " there's no need to mention me.");
    press("Let my buddy know");
    assertThat(last().param("text")).contains("already let your buddy know today");
    await().pollDelay(Duration.ofMillis(800)).atMost(WAIT).until(() -> true);
    assertThat(samsDms()).hasSize(dmsBefore + 1);

    String ended =
        discord.slashCommand(sam, FakeDiscord.Where.dm(), "buddy", Map.of("what", "end"));
    await().atMost(WAIT).until(() -> text(discord.answers(ended)).contains("has ended"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                telegram.sent().stream()
                    .anyMatch(c -> c.param("text").contains("A buddy link of yours has ended")));
    assertThat(database.buddies(RealConversation.TEST_SEALER).buddyOf(member()))
        .as("ended")
        .isEmpty();
  }

  @Test
  void aBuddyWhoClosedTheirDmsIsNotTriedAgainAndTheMemberIsTold() {
    samAccepts();
    discord.closeDms(sam);
    say("/checkin");
    press("Rough day");
    press("Let my buddy know");

    await()
        .atMost(WAIT)
        .until(
            () ->
                telegram.sent().stream()
                    .anyMatch(c -> c.param("text").contains("couldn't reach your buddy")));
    assertThat(database.members().isReachable(new MemberId("discord", sam))).isFalse();
    long tries = discord.calls().stream().filter(call -> call.is("POST", ".*/messages")).count();
    await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
    assertThat(discord.calls().stream().filter(call -> call.is("POST", ".*/messages")).count())
        .as("not tried again")
        .isEqualTo(tries);
  }

  @Test
  void aDiscordMembersBuddyOnTelegramWhoBlockedTheBotIsNotTriedAgainAndTheMemberIsTold() {
    say("/time 20:00");
    say("/quiet off");
    for (Map.Entry<String, Map<String, String>> command :
        List.of(
            Map.entry("time", Map.of("time", "19:00")),
            Map.entry("timezone", Map.of("zone", "Lisbon")),
            Map.entry("quiet", Map.of("hours", "off")))) {
      String id =
          discord.slashCommand(sam, FakeDiscord.Where.dm(), command.getKey(), command.getValue());
      await().atMost(WAIT).until(() -> !discord.answers(id).isEmpty());
    }
    String asked = discord.slashCommand(sam, FakeDiscord.Where.dm(), "buddy", Map.of());
    await().atMost(WAIT).until(() -> text(discord.answers(asked)).contains("What name"));
    int before = samsDms().size();
    discord.directMessage(sam, "Sam");
    await().atMost(WAIT).until(() -> samsDms().size() > before);
    Matcher code = CODE.matcher(String.join("\n", samsDms()));
    assertThat(code.find()).isTrue();
    say("/buddy accept " + code.group(1));
    press("Yes, I'll be their buddy");
    await()
        .atMost(WAIT)
        .until(() -> String.join("\n", samsDms()).contains("said yes, and is your buddy now"));

    telegram.failNext(
        "sendMessage",
        1,
        403,
        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
    String checkIn = discord.slashCommand(sam, FakeDiscord.Where.dm(), "checkin", Map.of());
    await().atMost(WAIT).until(() -> labelsOf(discord.answers(checkIn)).contains("Rough day"));
    String rough = pressOnDiscord(discord.answers(checkIn), "Rough day");
    await()
        .atMost(WAIT)
        .until(() -> labelsOf(discord.answers(rough)).contains("Let my buddy know"));
    pressOnDiscord(discord.answers(rough), "Let my buddy know");

    await()
        .atMost(WAIT)
        .until(() -> String.join("\n", samsDms()).contains("couldn't reach your buddy"));
    assertThat(database.members().isReachable(member())).isFalse();
    long tries = telegram.calls("sendMessage").size();
    await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
    assertThat(telegram.calls("sendMessage")).as("not tried again").hasSize((int) tries);
  }

  private String pressOnDiscord(List<JsonNode> messages, String label) {
    for (JsonNode message : messages) {
      for (JsonNode row : message.path("components")) {
        for (JsonNode button : row.path("components")) {
          if (button.path("label").asText().equals(label)) {
            return discord.buttonPress(
                sam,
                FakeDiscord.Where.dm(),
                message.path("id").asText(),
                button.path("custom_id").asText());
          }
        }
      }
    }
    throw new AssertionError("no button '" + label + "' in " + text(messages));
  }

  private static List<String> labelsOf(List<JsonNode> messages) {
    List<String> labels = new ArrayList<>();
    for (JsonNode message : messages) {
      for (JsonNode row : message.path("components")) {
        for (JsonNode button : row.path("components")) labels.add(button.path("label").asText());
      }
    }
    return labels;
  }

  private static MemberId member() {
    return new MemberId("telegram", String.valueOf(ALEX));
  }
}
