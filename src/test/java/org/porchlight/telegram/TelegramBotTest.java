package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.core.Pod;
import org.porchlight.core.TextParts;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.reading.FakeMeaning;
import org.porchlight.core.reading.Sense;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.Corpus;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;
import org.slf4j.LoggerFactory;

/** Porchlight on Telegram end to end, against a fake Bot API server speaking real HTTP. */
class TelegramBotTest {
  // Shaped like a real token, so the log check means something.
  private static final String TOKEN = "123456:TEST-token-for-the-fake-bot-api-0123456789";
  private static final long ALEX = 5001;
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private FakeBotApi telegram;
  private Database database;
  private TelegramBot bot;
  private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  // Words the sentence model is unsure of: Porchlight asks.
  private static final String UNSURE =
      "gave my records away this week, won't need them after Saturday";
  private final FakeMeaning meaning = new FakeMeaning().saying(UNSURE, Sense.Crisis.ASK);

  @BeforeEach
  void start() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    log.start();
    root.addAppender(log);
    telegram = FakeBotApi.start(TOKEN);
    telegram.longPollsAtMost(Duration.ofMillis(50));
    database = TestH2.open(dir, 4);
    bot = startBot();
  }

  private TelegramBot startBot() {
    Conversation conversation =
        RealConversation.on(database, Clock.systemUTC()).understanding(meaning);
    TelegramBot started =
        new TelegramBot(
            conversation,
            RealConversation.hosting(database, Clock.systemUTC()),
            database.members(),
            database.offsets(),
            TOKEN,
            telegram.baseUrl(),
            4,
            pauses::add,
            Ticker.SYSTEM);
    started.start();
    return started;
  }

  @AfterEach
  void stop() {
    bot.close();
    telegram.close();
    database.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    // Tokens never reach the log, from our code or the libraries'.
    for (ILoggingEvent event : logged()) {
      String text =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(text).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(7));
    }
  }

  // ---- helpers ----

  /** What was logged so far; the poller may still be logging, so copy under the appender's lock. */
  private List<ILoggingEvent> logged() {
    synchronized (log) {
      return new ArrayList<>(log.list);
    }
  }

  /** Sends a message and waits until the bot has answered it completely. */
  private FakeBotApi.Call say(long user, String text) {
    handled(telegram.push(telegram.textMessage(user, user, text)));
    return lastSent();
  }

  private void handled(long updateId) {
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= updateId);
  }

  private FakeBotApi.Call lastSent() {
    List<FakeBotApi.Call> sent = telegram.sent();
    return sent.get(sent.size() - 1);
  }

  /** Presses the button with that label on the newest message showing it. */
  private FakeBotApi.Call press(long user, String label) {
    List<FakeBotApi.Call> sent = new ArrayList<>(telegram.sent());
    Collections.reverse(sent);
    for (FakeBotApi.Call call : sent) {
      for (JsonNode button : buttons(call)) {
        if (button.path("text").asText().equals(label)) {
          int before = telegram.sent().size();
          telegram.push(
              telegram.callback(
                  user, user, call.messageId(), button.path("callback_data").asText()));
          await().atMost(WAIT).until(() -> telegram.sent().size() > before);
          return lastSent();
        }
      }
    }
    throw new AssertionError("no button '" + label + "' was sent");
  }

  private static List<JsonNode> buttons(FakeBotApi.Call call) {
    JsonNode rows = call.params().path("reply_markup").path("inline_keyboard");
    return StreamSupport.stream(rows.spliterator(), false)
        .flatMap(row -> StreamSupport.stream(row.spliterator(), false))
        .toList();
  }

  private static List<String> labels(FakeBotApi.Call call) {
    return buttons(call).stream().map(b -> b.path("text").asText()).toList();
  }

  private void setUp(long user) {
    say(user, "/time 20:00");
    say(user, "/timezone Europe/London");
  }

  // ---- the journey ----

  @Test
  void aNewMembersWholeJourney() {
    say(ALEX, "/start");
    await().atMost(WAIT).until(() -> labels(lastSent()).contains("Evening (19:00)"));
    FakeBotApi.Call welcome = telegram.sent().get(0);

    press(ALEX, "Evening (19:00)");
    FakeBotApi.Call allSet = say(ALEX, "Europe/London");
    assertThat(allSet.param("text")).contains("all set").contains("19:00");

    FakeBotApi.Call question = say(ALEX, "/checkin");
    assertThat(labels(question)).containsExactly("Honestly fine", "Rough day", "Skip today");

    FakeBotApi.Call rough = press(ALEX, "Rough day");
    assertThat(rough.param("text")).contains("One small thing");
    assertThat(labels(rough)).containsExactly("Another step", "I'll try it");

    FakeBotApi.Call another = press(ALEX, "Another step");
    assertThat(another.param("text"))
        .startsWith("Here's one small step")
        .isNotEqualTo(rough.param("text"));

    FakeBotApi.Call understood = say(ALEX, "honestly a bit better now");
    assertThat(understood.param("text")).isNotBlank();

    FakeBotApi.Call crisis = say(ALEX, "I don't want to be alive anymore");
    assertThat(crisis.param("text")).contains("116 123").contains("999");

    telegram.push(telegram.textMessage(ALEX, ALEX, "/mydata"));
    FakeBotApi.Call document = telegram.awaitCall("sendDocument", c -> true, WAIT);
    assertThat(document.params().toString())
        .contains("porchlight-mydata.json")
        .contains("\\\"mood\\\": \\\"fine\\\"");

    say(ALEX, "/forget");
    FakeBotApi.Call gone = press(ALEX, "Yes, erase everything");
    assertThat(gone.param("text")).contains("gone");
    assertThat(database.members().find(new MemberId("telegram", String.valueOf(ALEX)))).isEmpty();
    assertThat(welcome.param("text")).contains("not therapy");
  }

  @Test
  void aPressedButtonIsAnsweredAtOnceAndItsMessageShowsTheChoiceWithoutButtons() {
    setUp(ALEX);
    FakeBotApi.Call question = say(ALEX, "/checkin");
    press(ALEX, "Rough day");

    telegram.awaitCall("answerCallbackQuery", c -> true, WAIT);
    FakeBotApi.Call edit = telegram.awaitCall("editMessageText", c -> true, WAIT);
    assertThat(edit.param("message_id")).isEqualTo(String.valueOf(question.messageId()));
    assertThat(edit.param("text")).endsWith("→ Rough day");
    assertThat(edit.params().has("reply_markup")).isFalse();
  }

  @Test
  void aPressedMessageIsShownBackWithoutControlCharacters() {
    setUp(ALEX);
    // The pressed message as Telegram relays it, with what a terminal would act on in its text and
    // its button (found by TelegramUpdateFuzzTest).
    telegram.push(
        "{\"callback_query\":{\"id\":\"4000000000000000001\","
            + "\"from\":{\"id\":"
            + ALEX
            + ",\"is_bot\":false,\"first_name\":\"Alex\"},"
            + "\"message\":{\"message_id\":416,\"date\":1764922020,"
            + "\"chat\":{\"id\":"
            + ALEX
            + ",\"type\":\"private\"},"
            + "\"text\":\"\\u001b[2JHow are you\\u0000 doing?\","
            + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Vote\\u0007\","
            + "\"callback_data\":\"poll:42:yes\"}]]}},"
            + "\"chat_instance\":\"1\",\"data\":\"poll:42:yes\"}}");

    FakeBotApi.Call edit = telegram.awaitCall("editMessageText", c -> true, WAIT);
    assertThat(edit.param("text")).isEqualTo("[2JHow are you doing?\n\n→ Vote");
  }

  @Test
  void wordsTheModelIsUnsureOfGetTheQuestionAndYesGivesTheCrisisLines() {
    setUp(ALEX);

    FakeBotApi.Call question = say(ALEX, UNSURE);

    assertThat(question.param("text")).contains("Are you thinking about ending your life");
    assertThat(labels(question)).containsExactly("Yes", "No, it's just a hard day");
    press(ALEX, "Yes");
    await().atMost(WAIT).until(() -> lastSent().param("text").contains("116 123"));
  }

  @Test
  void noToTheQuestionCarriesOnAsARoughDay() {
    setUp(ALEX);
    MemberId alex = new MemberId("telegram", String.valueOf(ALEX));
    say(ALEX, UNSURE);

    press(ALEX, "No, it's just a hard day");

    await()
        .atMost(WAIT)
        .until(
            () ->
                database.checkIns().allFor(alex).stream()
                    .anyMatch(c -> c.mood().equals(Optional.of(Mood.ROUGH))));
    assertThat(telegram.sent()).noneMatch(call -> call.param("text").contains("116 123"));
  }

  @Test
  void aPodIsBuiltWithButtonsAndAPromptAndANameIsChanged() {
    setUp(ALEX);
    MemberId alex = new MemberId("telegram", String.valueOf(ALEX));
    say(ALEX, "/pod");
    press(ALEX, "+ Core circle");
    assertThat(lastSent().param("text")).contains("Who's in your core circle?");
    FakeBotApi.Call added = say(ALEX, "Marisol");

    assertThat(added.param("text")).contains("Added Marisol to your core circle.");
    assertThat(labels(added)).contains("+ Movable person", "Change a name");
    press(ALEX, "Change a name");
    press(ALEX, "Marisol");
    press(ALEX, "Rename");
    assertThat(say(ALEX, "Mari").param("text")).contains("Marisol is now Mari");
    assertThat(database.support(RealConversation.TEST_SEALER).pod(alex).entries())
        .extracting(Pod.Entry::name)
        .containsExactly("Mari");
  }

  @Test
  void theCrisisReplyShowsTheMembersPlanFirst() {
    setUp(ALEX);
    say(ALEX, "/plan");
    press(ALEX, "Start my plan");
    say(ALEX, "Not sleeping, cancelling on people");
    press(ALEX, "Finish later");
    int before = telegram.sent().size();

    say(ALEX, "I want to end my life");

    List<FakeBotApi.Call> answer = telegram.sent().subList(before, telegram.sent().size());
    assertThat(answer).hasSize(2);
    assertThat(answer.get(0).param("text"))
        .contains("Your plan, in your own words", "Not sleeping, cancelling on people");
    assertThat(answer.get(1).param("text")).contains("116 123");
  }

  @Test
  void theCommandMenuIsSetAtStart() {
    FakeBotApi.Call menu = telegram.awaitCall("setMyCommands", c -> true, WAIT);
    assertThat(menu.params().toString()).contains("checkin").contains("forget").contains("mydata");
  }

  @Test
  void aButtonFromAnOlderReleaseIsPolitelyDeclined() {
    setUp(ALEX);
    int before = telegram.sent().size();
    telegram.push(telegram.callback(ALEX, ALEX, 77, "0:old-format"));
    await().atMost(WAIT).until(() -> telegram.sent().size() > before);

    assertThat(lastSent().param("text")).contains("older conversation");
  }

  @Test
  void eachChatIsAnsweredInOrderWhileChatsRunSideBySide() {
    List<Long> people = List.of(6001L, 6002L, 6003L);
    long last = 0;
    for (long person : people) {
      telegram.push(telegram.textMessage(person, person, "/time 20:00"));
      telegram.push(telegram.textMessage(person, person, "/timezone Europe/London"));
      last = telegram.push(telegram.textMessage(person, person, "/checkin"));
    }
    handled(last);

    for (long person : people) {
      List<String> texts =
          telegram.sent().stream()
              .filter(call -> call.param("chat_id").equals(String.valueOf(person)))
              .map(call -> call.param("text"))
              .toList();
      assertThat(texts).hasSize(5);
      assertThat(texts.get(1)).startsWith("Got it: 20:00");
      assertThat(texts.get(3)).contains("all set");
      assertThat(
              labels(
                  telegram.sent().stream()
                      .filter(call -> call.param("chat_id").equals(String.valueOf(person)))
                      .reduce((a, b) -> b)
                      .orElseThrow()))
          .containsExactly("Honestly fine", "Rough day", "Skip today");
    }
  }

  // ---- groups ----

  @Test
  void inAGroupOnlyCommandsForUsAreAnsweredAndNothingPersonal() {
    long group = -100200300;
    telegram.push(telegram.groupCommand(group, ALEX, "/checkin@" + FakeBotApi.BOT_USERNAME));
    FakeBotApi.Call reply =
        telegram.awaitCall(
            "sendMessage", c -> c.param("chat_id").equals(String.valueOf(group)), WAIT);
    assertThat(reply.param("text")).contains("between you and me");
    assertThat(buttons(reply).get(0).path("url").asText())
        .contains("t.me/" + FakeBotApi.BOT_USERNAME);

    int before = telegram.sent().size();
    telegram.push(telegram.groupCommand(group, ALEX, "/checkin@SomeOtherBot"));
    telegram.push(telegram.groupCommand(group, ALEX, "/about"));
    await().atMost(WAIT).until(() -> telegram.sent().size() > before);
    assertThat(telegram.sent()).hasSize(before + 1);
    assertThat(lastSent().param("text")).contains("peer support");
    assertThat(database.members().find(new MemberId("telegram", String.valueOf(ALEX)))).isEmpty();
  }

  // ---- blocking ----

  @Test
  void aMemberWhoBlockedTheBotGetsNothingMoreUntilTheyComeBack() {
    setUp(ALEX);
    MemberId alex = new MemberId("telegram", String.valueOf(ALEX));
    telegram.push(telegram.myChatMember(ALEX, ALEX, "kicked"));
    await().atMost(WAIT).until(() -> !database.members().isReachable(alex));

    int before = telegram.sent().size();
    telegram.push(telegram.textMessage(ALEX, ALEX, "/help"));
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= telegram.lastPushedId());
    assertThat(telegram.sent()).hasSize(before);

    telegram.push(telegram.myChatMember(ALEX, ALEX, "member"));
    await().atMost(WAIT).until(() -> database.members().isReachable(alex));
    assertThat(say(ALEX, "/help").param("text")).contains("What I can do");
  }

  @Test
  void aForbiddenAnswerMarksTheMemberUnreachable() {
    setUp(ALEX);
    telegram.failNext(
        "sendMessage",
        1,
        403,
        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
    telegram.push(telegram.textMessage(ALEX, ALEX, "/help"));

    await()
        .atMost(WAIT)
        .until(
            () -> !database.members().isReachable(new MemberId("telegram", String.valueOf(ALEX))));
  }

  // ---- errors ----

  @Test
  void tooManyRequestsWaitsAsLongAsTelegramAsksAndThenSends() {
    setUp(ALEX);
    telegram.failNext(
        "sendMessage",
        1,
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}");

    FakeBotApi.Call help = say(ALEX, "/help");

    assertThat(help.param("text")).contains("What I can do");
    assertThat(pauses).contains(Duration.ofSeconds(7));
  }

  @Test
  void serverErrorsAreRetriedWithGrowingPauses() {
    setUp(ALEX);
    telegram.failNext(
        "sendMessage", 2, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");

    assertThat(say(ALEX, "/help").param("text")).contains("What I can do");
    assertThat(pauses).containsSubsequence(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#errorCases")
  void everyErrorBodyIsHandledWithoutCrashing(TelegramPayloads.ErrorCase error) {
    handledWithoutCrashing(error);
  }

  @Tag(Corpus.TAG)
  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#corpusErrorCases")
  void everyCorpusErrorBodyIsHandledWithoutCrashing(TelegramPayloads.ErrorCase error) {
    handledWithoutCrashing(error);
  }

  private void handledWithoutCrashing(TelegramPayloads.ErrorCase error) {
    setUp(ALEX);
    telegram.failNext("sendMessage", 1, error.httpStatus(), error.body());
    telegram.push(telegram.textMessage(ALEX, ALEX, "/help"));
    long pushed = telegram.lastPushedId();
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= pushed);

    MemberId alex = new MemberId("telegram", String.valueOf(ALEX));
    if (error.httpStatus() == 403 || error.body().contains("chat not found")) {
      // Blocked, kicked or gone: nothing more is sent to them.
      assertThat(database.members().isReachable(alex)).isFalse();
    } else {
      // Anything else costs that one message at most: the member is answered afterwards.
      assertThat(database.members().isReachable(alex)).isTrue();
      assertThat(say(ALEX, "/about").param("text")).contains("peer support");
    }
  }

  @Test
  void aServerWithoutSomeMethodsCostsOnlyThoseFeatures() {
    telegram.withoutMethods("setMyCommands", "sendDocument", "editMessageText");
    bot.close();
    bot = startBot();
    setUp(ALEX);
    say(ALEX, "/checkin");
    press(ALEX, "Rough day");

    telegram.push(telegram.textMessage(ALEX, ALEX, "/mydata"));
    await().atMost(WAIT).until(() -> lastSent().param("text").contains("\"checkIns\""));
    long warnings =
        logged().stream()
            .filter(e -> e.getFormattedMessage().contains("does not have the method"))
            .count();
    assertThat(warnings).isLessThanOrEqualTo(3);
  }

  @Test
  void aLongMessageIsSplitIntoPartsTelegramAccepts() {
    assertThat(TextParts.split("word ".repeat(2000), 4096))
        .hasSize(3)
        .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
    assertThat(TextParts.split("short", 4096)).containsExactly("short");
  }

  // ---- restart ----

  @Test
  void aRestartNeitherLosesNorRepeatsUpdates() {
    setUp(ALEX);
    say(ALEX, "/help");
    int sentBefore = telegram.sent().size();
    bot.close();

    // Updates that arrive while Porchlight is down are answered once it is back, once each.
    telegram.push(telegram.textMessage(ALEX, ALEX, "/about"));
    telegram.push(telegram.textMessage(ALEX + 1, ALEX + 1, "/about"));
    bot = startBot();

    await().atMost(WAIT).until(() -> telegram.sent().size() >= sentBefore + 4);
    await()
        .during(Duration.ofMillis(1500))
        .atMost(WAIT)
        .until(() -> telegram.sent().size() == sentBefore + 4);
  }

  @Test
  void anUpdateTelegramDeliversAgainAfterARestartIsNotAnsweredTwice() {
    setUp(ALEX);
    // Handled, but Porchlight stops before its next poll could confirm it to Telegram.
    String help = telegram.textMessage(ALEX, ALEX, "/help");
    long helpId = telegram.push(help);
    handled(helpId);
    bot.close();
    telegram.close();

    telegram = FakeBotApi.start(TOKEN);
    // Telegram delivers it again, under the same update id.
    telegram.push("{\"update_id\": " + helpId + "," + help.substring(1));
    long about = telegram.push(telegram.textMessage(ALEX, ALEX, "/about"));
    bot = startBot();
    handled(about);

    assertThat(telegram.sent())
        .extracting(call -> call.param("text"))
        .hasSize(1)
        .allMatch(text -> text.contains("peer support"));
  }

  // ---- every kind of update ----

  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#updateNames")
  void everyKindOfUpdateIsHandledWithoutAnError(String fixture) {
    handledWithoutAnError(TelegramPayloads.update(fixture));
  }

  @Tag(Corpus.TAG)
  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#corpusUpdateNames")
  void everyCorpusUpdateIsHandledWithoutAnError(String fileName) {
    handledWithoutAnError(TelegramPayloads.corpusUpdate(fileName));
  }

  private void handledWithoutAnError(String update) {
    long pushed = telegram.push(update);
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= pushed);

    assertThat(logged())
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR));
    // Private messages without words get a kind answer; everything else, an answer or silence.
    for (FakeBotApi.Call call : telegram.sent()) {
      assertThat(call.param("text")).isNotBlank().doesNotContain("Exception");
    }
  }

  @Test
  void aRejectedTokenIsSaidPlainly() {
    TelegramBot wrong =
        new TelegramBot(
            null,
            RealConversation.hosting(database, Clock.systemUTC()),
            database.members(),
            database.offsets(),
            "999:wrong",
            telegram.baseUrl(),
            1,
            pauses::add,
            Ticker.SYSTEM);
    assertThatThrownBy(wrong::start)
        .isInstanceOf(TelegramStartException.class)
        .hasMessageContaining("did not accept the bot token");
    wrong.close();
  }
}
