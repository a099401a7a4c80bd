package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.porchlight.discord.FakeDiscord;
import org.porchlight.discord.FakeDiscord.Where;
import org.porchlight.testing.Fixtures;
import org.porchlight.testing.PorchlightJar;

/**
 * The jar at {@code PORCHLIGHT_LOG_LEVEL=DEBUG}, on Telegram and Discord at once, in each log
 * format: members write a distinctive word in sentences, crisis words and bad arguments; the fake
 * Bot API fails calls with Telegram's own error bodies, Discord refuses a DM and sends one JDA
 * cannot read. Every line the jar printed is then searched for the word and the tokens.
 */
class LogsJarIT {
  private static final String TOKEN = "123456:TEST-token-for-the-log-jar-check-0123456789";
  private static final String MARKER = "Quillfeather";
  private static final long ALEX = 7001;
  private static final long SAM = 7002;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DM = Fixtures.path("discord/gateway/message_create_in_a_dm.json");

  @TempDir Path dir;
  private Path log;

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void atDebugTheLogHoldsNeitherATokenNorAMembersWords(String format) throws Exception {
    log = dir.resolve("log-" + format + ".txt");
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN);
        FakeDiscord discord = FakeDiscord.start()) {
      telegram.failNext("setMyCommands", 1, 400, error("400 group upgraded to a supergroup"));
      telegram.failNext("getUpdates", 1, 401, error("401 unauthorized"));
      Process porchlight =
          PorchlightJar.start(
              Map.of(
                  "TELEGRAM_BOT_TOKEN", TOKEN,
                  "PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl(),
                  "DISCORD_BOT_TOKEN", discord.token(),
                  "PORCHLIGHT_DISCORD_API_URL", discord.apiUrl(),
                  "PORCHLIGHT_DISCORD_GATEWAY_URL", discord.gatewayUrl(),
                  "PORCHLIGHT_DATA_DIR", dir.resolve("data-" + format).toString(),
                  "PORCHLIGHT_LOG_LEVEL", "DEBUG",
                  "PORCHLIGHT_LOG_FORMAT", format),
              log);
      try {
        onTelegram(telegram);
        onDiscord(discord);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("the jar printed:\n" + printed(), e);
      } finally {
        porchlight.destroy(); // SIGTERM
        assertThat(porchlight.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      }
      String printed = printed();
      assertThat(printed)
          .doesNotContainIgnoringCase(MARKER)
          .doesNotContain(TOKEN)
          .doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1))
          .doesNotContain(discord.token())
          // The failures were met and logged, so their paths were taken.
          // (The library names some methods in lower case.)
          .containsIgnoringCase("setMyCommands: Telegram refused it (400")
          .containsIgnoringCase("sendMessage: Telegram refused it (400")
          // A press answered twice is no warning, only a line at DEBUG.
          .containsIgnoringCase("answerCallbackQuery: done before (400")
          .containsIgnoringCase("editMessageText: done before (400")
          .contains("the member can't be reached (403)")
          .contains("Telegram cannot be reached (getUpdates")
          .contains("Discord refused a direct message")
          .contains("DEBUG");
      if (format.equals("json")) {
        for (String line : printed.lines().filter(line -> !line.isBlank()).toList()) {
          JsonNode json = JSON.readTree(line);
          assertThat(json.isObject()).as(line).isTrue();
          for (String field : List.of("timestamp", "level", "logger", "thread", "message")) {
            assertThat(json.path(field).asText()).as(field + " in " + line).isNotEmpty();
          }
        }
      }
    }
  }

  private void onTelegram(FakeBotApi telegram) {
    say(telegram, ALEX, "/start", "check in");
    // A reply echoing a bad argument is refused; the refusal is logged, the argument is not.
    telegram.failNext("sendMessage", 1, 400, error("400 message is too long"));
    int failedBefore = failed(telegram);
    telegram.push(telegram.textMessage(ALEX, ALEX, "/timezone " + MARKER + " Harbour"));
    await().atMost(WAIT).until(() -> failed(telegram) > failedBefore);
    say(telegram, ALEX, "/time 20:00", "");
    say(telegram, ALEX, "/timezone Europe/London", "");
    say(telegram, ALEX, "/days " + MARKER, MARKER);
    say(telegram, ALEX, MARKER + " and I had a rough day at the harbour", "");
    say(telegram, ALEX, MARKER + ", I don't want to be alive anymore", "116 123");
    FakeBotApi.Call question =
        say(telegram, ALEX, "/checkin", call -> call.param("reply_markup").contains("Rough day"));
    telegram.failNext("answerCallbackQuery", 1, 400, error("400 query is too old"));
    telegram.failNext("editMessageText", 1, 400, error("400 message is not modified"));
    String rough = button(question, "Rough day");
    say(
        telegram,
        ALEX,
        telegram.callback(ALEX, ALEX, question.messageId(), rough),
        "One small thing");
    // Sam blocked the bot: the answer to their words meets a 403.
    telegram.failNext("sendMessage", 1, 403, error("403 blocked by the user"));
    int failedNow = failed(telegram);
    telegram.push(telegram.textMessage(SAM, SAM, MARKER + " says hello from the pier"));
    await().atMost(WAIT).until(() -> failed(telegram) > failedNow);
  }

  private void onDiscord(FakeDiscord discord) {
    discord.awaitReady(WAIT);
    String morgan = discord.newUser("morgan");
    dm(discord, morgan, MARKER + " and I had a rough day at the harbour", "");
    dm(discord, morgan, MARKER + ", I don't want to be alive anymore", "not an emergency service");
    String zone = discord.slashCommand(morgan, Where.dm(), "timezone", Map.of("zone", MARKER));
    await().atMost(WAIT).until(() -> discord.answers(zone).toString().contains(MARKER));
    String river = discord.newUser("river");
    discord.closeDms(river);
    discord.directMessage(river, MARKER + " says hello from the pier");
    await().atMost(WAIT).until(() -> printed().contains("Discord refused a direct message"));
    // A DM JDA cannot read: JDA logs the whole event, words and all, unless they are withheld.
    ObjectNode unreadable = (ObjectNode) readJson(DM).path("d");
    unreadable.put("channel_id", discord.dmChannelOf(morgan));
    unreadable.with("author").put("id", morgan);
    unreadable.put("content", MARKER + " wrote this in a shape JDA does not expect");
    unreadable.put("mentions", "nobody");
    discord.dispatch("MESSAGE_CREATE", unreadable);
    await().atMost(WAIT).until(() -> printed().contains("MESSAGE_CREATE -> (payload withheld)"));
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends an update (or a text) and waits for a reply to the chat that contains {@code words}. */
  private static FakeBotApi.Call say(FakeBotApi telegram, long chat, String said, String words) {
    return say(telegram, chat, said, call -> call.param("text").contains(words));
  }

  private static FakeBotApi.Call say(
      FakeBotApi telegram, long chat, String said, Predicate<FakeBotApi.Call> reply) {
    int before = telegram.sent().size();
    telegram.push(said.startsWith("{") ? said : telegram.textMessage(chat, chat, said));
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              List<FakeBotApi.Call> sent = telegram.sent();
              return sent.subList(before, sent.size()).stream()
                  .filter(call -> call.param("chat_id").equals(String.valueOf(chat)))
                  .filter(reply)
                  .findFirst();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  private static int failed(FakeBotApi telegram) {
    return (int) telegram.calls("sendMessage").stream().filter(FakeBotApi.Call::failed).count();
  }

  private static String button(FakeBotApi.Call call, String label) {
    for (JsonNode row : call.params().path("reply_markup").path("inline_keyboard")) {
      for (JsonNode button : row) {
        if (button.path("text").asText().equals(label)) {
          return button.path("callback_data").asText();
        }
      }
    }
    throw new AssertionError("no button '" + label + "' in " + call.params());
  }

  /** Writes to the bot in a DM and waits for an answer that contains {@code words}. */
  private static void dm(FakeDiscord discord, String user, String said, String words) {
    int before = discord.messagesIn(discord.dmChannelOf(user)).size();
    discord.directMessage(user, said);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              List<JsonNode> messages = discord.messagesIn(discord.dmChannelOf(user));
              return messages.size() > before
                  && messages.subList(before, messages.size()).toString().contains(words);
            });
  }

  /** One of our Bot API error bodies. */
  private static String error(String name) {
    return TelegramPayloads.errorBody(name);
  }

  private String printed() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
