package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Community;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;

/**
 * A Telegram group as a community, end to end against the fake Bot API, in the shapes Telegram
 * sends: a basic group, a supergroup, a forum topic, an anonymous admin, and the upgrade from one
 * to the other.
 */
class TelegramGroupsTest {
  private static final String TOKEN = "123456:TEST-token-for-the-fake-bot-api-0123456789";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final long GROUP = -4_021_987_654L;
  private static final long SUPERGROUP = -1_001_987_654_321L;
  private static final long HOST = 7001;
  private static final long ALEX = 5001;
  private static final List<Long> MEMBERS = List.of(5001L, 5002L, 5003L, 5004L, 5005L);

  @TempDir Path dir;
  private FakeBotApi telegram;
  private Database database;
  private TelegramBot bot;

  @BeforeEach
  void start() {
    telegram = FakeBotApi.start(TOKEN);
    telegram.longPollsAtMost(Duration.ofMillis(50));
    database = TestH2.open(dir, 4);
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
    telegram.standing(GROUP, HOST, "administrator");
    telegram.standing(SUPERGROUP, HOST, "creator");
  }

  @AfterEach
  void stop() {
    bot.close();
    telegram.close();
    database.close();
  }

  // ---- helpers ----

  private void handled(String update) {
    long id = telegram.push(update);
    await().atMost(WAIT).until(() -> bot.lastHandledUpdate().orElse(0) >= id);
  }

  private List<FakeBotApi.Call> toChat(long chatId) {
    return telegram.sentTo(chatId);
  }

  private String lastTo(long chatId) {
    List<FakeBotApi.Call> sent = toChat(chatId);
    assertThat(sent).as("messages to chat %d", chatId).isNotEmpty();
    return sent.get(sent.size() - 1).param("text");
  }

  private static List<JsonNode> buttons(FakeBotApi.Call call) {
    JsonNode rows = call.params().path("reply_markup").path("inline_keyboard");
    return StreamSupport.stream(rows.spliterator(), false)
        .flatMap(row -> StreamSupport.stream(row.spliterator(), false))
        .toList();
  }

  private static MemberId member(long user) {
    return new MemberId("telegram", String.valueOf(user));
  }

  /** A member who has talked to the bot privately and chosen a time and zone. */
  private void privately(long user) {
    handled(telegram.textMessage(user, user, "/time 20:00"));
    handled(telegram.textMessage(user, user, "/timezone Europe/London"));
  }

  /** The check-in posted in a chat, and a member pressing one of its answers there. */
  private void pressOnPost(long chatId, long user, String label) {
    FakeBotApi.Call post =
        toChat(chatId).stream()
            .filter(call -> !buttons(call).isEmpty())
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("nothing posted with buttons"));
    JsonNode button =
        buttons(post).stream()
            .filter(b -> b.path("text").asText().equals(label))
            .findFirst()
            .orElseThrow();
    handled(
        telegram.callback(chatId, user, post.messageId(), button.path("callback_data").asText()));
  }

  private List<FakeBotApi.Call> toasts() {
    return telegram.calls("answerCallbackQuery");
  }

  // ---- setup ----

  @Test
  void anAdminSetsTheGroupUpAndSomeoneElseIsRefusedWithoutSeeingIt() {
    handled(telegram.inGroup(GROUP, HOST, "/setup"));
    assertThat(lastTo(GROUP)).contains("send /setup followed by the settings");

    handled(
        telegram.inGroup(
            GROUP,
            HOST,
            "/setup@"
                + FakeBotApi.BOT_USERNAME
                + "\nzone: Europe/London\ntime: 20:00\nmeetings:\n"
                + "Tuesday 19:00 Evening circle https://meet.example.org/circle"));
    assertThat(lastTo(GROUP)).startsWith("Saved for Harbour Lights.").contains("Evening circle");
    Community saved = database.communities().find(TelegramGroups.communityOf(GROUP)).orElseThrow();
    assertThat(saved.defaultZone()).contains(ZoneId.of("Europe/London"));
    assertThat(saved.meetings()).hasSize(1);

    handled(telegram.inGroup(GROUP, ALEX, "/setup\nzone: Asia/Tokyo"));
    assertThat(lastTo(GROUP))
        .contains("/setup is for this group's admins")
        .doesNotContain("Europe/London")
        .doesNotContain("Evening circle");
    assertThat(database.communities().find(TelegramGroups.communityOf(GROUP)).orElseThrow())
        .isEqualTo(saved);
    // Asked of Telegram every time, for the host and for Alex.
    assertThat(telegram.calls("getChatMember")).hasSize(3);
  }

  @Test
  void whenTelegramCannotSayWhoTheAdminsAreNothingIsChanged() {
    telegram.failNext(
        "getChatMember",
        10,
        502,
        "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");

    handled(telegram.inGroup(GROUP, HOST, "/setup\nzone: Asia/Tokyo"));

    assertThat(lastTo(GROUP)).contains("couldn't check with Telegram who this group's admins are");
    assertThat(database.communities().find(TelegramGroups.communityOf(GROUP))).isEmpty();
  }

  @Test
  void anAnonymousAdminIsAnAdmin() {
    handled(telegram.fromAnonymousAdmin(SUPERGROUP, "/setup zone: Europe/Lisbon"));

    assertThat(lastTo(SUPERGROUP)).startsWith("Saved for");
    assertThat(database.communities().find(TelegramGroups.communityOf(SUPERGROUP)))
        .hasValueSatisfying(c -> assertThat(c.defaultZone()).contains(ZoneId.of("Europe/Lisbon")));
    assertThat(telegram.calls("getChatMember")).isEmpty();
  }

  @Test
  void anAnonymousAdminsSummaryIsNeverPostedInTheGroup() {
    handled(telegram.fromAnonymousAdmin(SUPERGROUP, "/summary"));

    assertThat(lastTo(SUPERGROUP)).contains("Turn off Remain anonymous");
    assertThat(toChat(SUPERGROUP))
        .allSatisfy(call -> assertThat(call.param("text")).doesNotContain("checked in"));
  }

  @Test
  void outsideAForumNoThreadIsGivenEvenForAReplyChain() {
    String update = telegram.inSupergroup(SUPERGROUP, HOST, "/setup");
    // In a supergroup that is not a forum, a reply carries its chain's thread id all the same.
    update = update.replace("\"chat\":", "\"message_thread_id\":77,\"chat\":");

    handled(update);

    assertThat(toChat(SUPERGROUP))
        .allSatisfy(call -> assertThat(call.param("message_thread_id")).isEmpty());
  }

  @Test
  void inAForumTheAnswerGoesToTheTopicTheCommandCameFrom() {
    handled(telegram.inTopic(SUPERGROUP, 42, HOST, "/setup"));
    handled(telegram.inTopic(SUPERGROUP, 42, HOST, "/post"));

    assertThat(toChat(SUPERGROUP))
        .hasSize(2)
        .allSatisfy(call -> assertThat(call.param("message_thread_id")).isEqualTo("42"));
  }

  @Test
  void theGroupsAdminsSeeTheHostsCommandsInTheirMenuAndMembersDoNot() {
    FakeBotApi.Call admins =
        telegram.awaitCall(
            "setMyCommands",
            c -> c.params().path("scope").toString().contains("all_chat_administrators"),
            WAIT);
    FakeBotApi.Call members =
        telegram.awaitCall(
            "setMyCommands",
            c -> c.params().path("scope").toString().contains("all_group_chats"),
            WAIT);

    assertThat(admins.params().path("commands").toString())
        .contains("\"setup\"")
        .contains("\"summary\"");
    assertThat(members.params().path("commands").toString())
        .contains("\"group\"")
        .doesNotContain("\"setup\"");
  }

  // ---- /post ----

  @Test
  void eachPressOnAPostedCheckInIsRecordedForWhoPressedItAndAnsweredOnlyToThem() {
    for (long user : List.of(5001L, 5002L, 5003L)) privately(user);
    handled(telegram.inSupergroup(SUPERGROUP, HOST, "/post"));
    int inGroupBefore = toChat(SUPERGROUP).size();

    pressOnPost(SUPERGROUP, 5001, "Honestly fine");
    pressOnPost(SUPERGROUP, 5002, "Rough day");
    pressOnPost(SUPERGROUP, 5003, "Honestly fine");

    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    assertThat(database.checkIns().find(member(5001), today).flatMap(CheckIn::mood))
        .contains(Mood.FINE);
    assertThat(database.checkIns().find(member(5002), today).flatMap(CheckIn::mood))
        .contains(Mood.ROUGH);
    assertThat(database.checkIns().find(member(5003), today).flatMap(CheckIn::mood))
        .contains(Mood.FINE);
    // Each heard back in their own chat; the rough day got its reply there.
    assertThat(lastTo(5002)).isNotBlank();
    assertThat(toChat(5002).size()).isGreaterThan(2);
    // The group saw nothing more: no message, no edit of the post naming anyone.
    assertThat(toChat(SUPERGROUP)).hasSize(inGroupBefore);
    assertThat(telegram.calls("editMessageText")).isEmpty();
    for (FakeBotApi.Call call : toChat(SUPERGROUP)) {
      assertThat(call.param("text")).doesNotContain("Alex").doesNotContain("member500");
    }
    assertThat(toasts())
        .hasSize(3)
        .allSatisfy(toast -> assertThat(toast.param("text")).contains("private chat"));
    assertThat(database.communities().homeOf(member(5002)).map(Community::id))
        .contains(TelegramGroups.communityOf(SUPERGROUP));
  }

  @Test
  void aPressOnAPostTelegramNoLongerShowsIsStillAnsweredOnlyPrivately() {
    privately(5002);
    handled(telegram.inSupergroup(SUPERGROUP, HOST, "/post"));
    FakeBotApi.Call post = toChat(SUPERGROUP).get(toChat(SUPERGROUP).size() - 1);
    String rough =
        buttons(post).stream()
            .filter(b -> b.path("text").asText().equals("Rough day"))
            .findFirst()
            .orElseThrow()
            .path("callback_data")
            .asText();
    int inGroupBefore = toChat(SUPERGROUP).size();
    int privatelyBefore = toChat(5002).size();

    handled(telegram.callbackOnInaccessible(SUPERGROUP, 5002, post.messageId(), rough));

    assertThat(toChat(SUPERGROUP)).hasSize(inGroupBefore);
    assertThat(toChat(5002).size()).isGreaterThan(privatelyBefore);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    assertThat(database.checkIns().find(member(5002), today).flatMap(CheckIn::mood))
        .contains(Mood.ROUGH);
  }

  @Test
  void aPressOnAnOldPrivateMessageIsAnsweredInThePrivateChat() {
    privately(ALEX);
    int before = toChat(ALEX).size();

    handled(
        telegram.callbackOnInaccessible(
            ALEX, ALEX, 1, new org.porchlight.core.Action.AnotherStep().encode()));

    assertThat(toChat(ALEX).size()).isGreaterThan(before);
  }

  @Test
  void someoneWhoNeverTalkedToTheBotIsInvitedToAPrivateChatAndNothingIsKept() {
    telegram.neverStarted(5009);
    handled(telegram.inSupergroup(SUPERGROUP, HOST, "/post"));
    int inGroupBefore = toChat(SUPERGROUP).size();

    pressOnPost(SUPERGROUP, 5009, "Rough day");

    FakeBotApi.Call toast = toasts().get(toasts().size() - 1);
    assertThat(toast.param("url"))
        .startsWith("https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=c_");
    assertThat(database.members().find(member(5009))).isEmpty();
    assertThat(toChat(SUPERGROUP)).hasSize(inGroupBefore);
  }

  // ---- the join link ----

  @Test
  void aMemberWhoJoinsThroughTheGroupsLinkStartsWithItsTimeAndZone() {
    handled(telegram.inGroup(GROUP, HOST, "/setup\nzone: America/Chicago\ntime: 19:30"));
    handled(telegram.inGroup(GROUP, ALEX, "/group"));
    FakeBotApi.Call card = toChat(GROUP).get(toChat(GROUP).size() - 1);
    String link = buttons(card).get(0).path("url").asText();
    assertThat(link).startsWith("https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=c_");

    String code = link.substring(link.indexOf("start=") + "start=".length());
    handled(telegram.textMessage(ALEX, ALEX, "/start " + code));

    assertThat(toChat(ALEX).stream().map(c -> c.param("text")).toList())
        .anySatisfy(text -> assertThat(text).contains("You came from Harbour Lights"))
        .anySatisfy(text -> assertThat(text).contains("19:30, America/Chicago time"));
    Member alex = database.members().find(member(ALEX)).orElseThrow();
    assertThat(alex.checkInTime()).contains(LocalTime.of(19, 30));
    assertThat(alex.zone()).contains(ZoneId.of("America/Chicago"));
  }

  @Test
  void remindersAskedForInTheGroupAreSetPrivately() {
    privately(ALEX);

    handled(telegram.inSupergroup(SUPERGROUP, ALEX, "/group remind on"));

    assertThat(lastTo(SUPERGROUP)).contains("set in our private chat");
    assertThat(database.meetingReminders().meetingReminder(member(ALEX)).on()).isFalse();
  }

  @Test
  void theBotAddedToAGroupSaysHelloWithTheWayToStartPrivately() {
    handled(telegram.myChatMember(GROUP, HOST, "member"));

    FakeBotApi.Call hello = toChat(GROUP).get(0);
    assertThat(hello.param("text")).contains("Admins: /setup");
    assertThat(buttons(hello).get(0).path("url").asText()).contains("?start=c_");
  }

  @Test
  void aGroupsTitleIsSaidBackWithoutControlCharacters() {
    // Found by TelegramUpdateFuzzTest: the title was said back as it came.
    handled(
        telegram
            .myChatMember(GROUP, HOST, "member")
            .replace("\"Porchlight Circle\"", "\"Harbour\\u0001 Lights\\u202e\""));

    assertThat(toChat(GROUP).get(0).param("text")).startsWith("Hello, Harbour Lights. ");
  }

  // ---- the upgrade to a supergroup ----

  @Test
  void aGroupUpgradedToASupergroupIsTheSameCommunity() {
    handled(telegram.inGroup(GROUP, HOST, "/setup\nzone: Europe/London"));
    privately(ALEX);
    handled(telegram.inGroup(GROUP, HOST, "/post"));
    pressOnPost(GROUP, ALEX, "Honestly fine");

    for (String update : telegram.upgraded(GROUP, SUPERGROUP, HOST)) handled(update);

    assertThat(database.communities().find(TelegramGroups.communityOf(GROUP))).isEmpty();
    assertThat(database.communities().find(TelegramGroups.communityOf(SUPERGROUP)))
        .hasValueSatisfying(c -> assertThat(c.defaultZone()).contains(ZoneId.of("Europe/London")));
    assertThat(database.communities().homeOf(member(ALEX)).map(Community::id))
        .contains(TelegramGroups.communityOf(SUPERGROUP));
  }

  // ---- /summary ----

  @Test
  void theWeekIsWithheldAtFourMembersAndSentPrivatelyToTheAdminAtFive() {
    handled(telegram.inSupergroup(SUPERGROUP, HOST, "/setup\nzone: UTC"));
    handled(telegram.textMessage(HOST, HOST, "/start"));
    for (long user : MEMBERS) privately(user);
    handled(telegram.inSupergroup(SUPERGROUP, HOST, "/post"));
    for (long user : MEMBERS.subList(0, 4)) pressOnPost(SUPERGROUP, user, "Honestly fine");

    handled(telegram.inSupergroup(SUPERGROUP, HOST, "/summary"));
    assertThat(lastTo(HOST))
        .contains("fewer than 5 people checked in")
        .doesNotContain("4 people")
        .doesNotContain("fine days");
    assertThat(lastTo(SUPERGROUP)).contains("sent you this week's numbers in our private chat");

    pressOnPost(SUPERGROUP, MEMBERS.get(4), "Rough day");
    handled(telegram.inSupergroup(SUPERGROUP, HOST, "/summary"));
    assertThat(lastTo(HOST)).contains("5 people checked in. 4 fine days and 1 rough days");
    for (FakeBotApi.Call call : toChat(SUPERGROUP)) {
      assertThat(call.param("text")).doesNotContain("people checked in");
    }
  }

  @Test
  void anAdminWhoNeverStartedAChatIsAskedToAndGetsNothingInTheGroup() {
    telegram.neverStarted(HOST);

    handled(telegram.inSupergroup(SUPERGROUP, HOST, "/summary"));

    assertThat(lastTo(SUPERGROUP)).contains("Tap below to start a chat with me");
    assertThat(toChat(SUPERGROUP))
        .allSatisfy(call -> assertThat(call.param("text")).doesNotContain("checked in"));
  }
}
