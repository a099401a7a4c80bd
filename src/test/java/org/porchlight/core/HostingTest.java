package org.porchlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.conversation.Stores;

/** Hosts' setup and summary, and what a community changes in members' conversations. */
class HostingTest {
  // Saturday 21 November 2026, 16:00 UTC.
  private static final Instant NOW = Instant.parse("2026-11-21T16:00:00Z");
  private static final Community.Id SERVER = new Community.Id("test", "server-1");
  private static final Community.Place HERE = new Community.Place(SERVER, "Harbour Lights");
  private static final String LINK = "https://meet.example.org/harbour";

  private final InMemoryStore store = new InMemoryStore();
  private final MutableClock clock = new MutableClock(NOW);
  private final Content content = TestContent.load();
  private final Hosting hosting = new Hosting(store, store, content, new Places(), clock);
  private final Conversation conversation =
      new Conversation(
          Stores.in(store),
          content,
          ConversationOptions.DEFAULT,
          new SummaryExport(),
          clock,
          () -> 1L << 40);

  private Reply setup(String links, String schedule, String time, String zone) {
    return setup(links, schedule, time, zone, "");
  }

  private Reply setup(String links, String schedule, String time, String zone, String meetings) {
    return hosting
        .setup(
            SERVER,
            "Harbour Lights",
            new Hosting.SetupForm(links, schedule, time, zone, Optional.of("555"), meetings),
            "en")
        .reply();
  }

  @Test
  void nothingAHostTypesIsKeptWithCharactersThatActOnAScreen() {
    written(
        "zone: Europe/London\nmeetings:\nTuesday 19:00 Evening\u0000 circle\u001b[31m |"
            + " The\u202e hall");

    Meeting kept = store.find(SERVER).orElseThrow().meetings().get(0);
    assertThat(kept.name()).isEqualTo("Evening circle[31m");
    assertThat(kept.where()).isEqualTo("The hall");
  }

  @Test
  void theAnswerSaysWhetherTheSetupWasSaved() {
    Hosting.SetupForm bad = new Hosting.SetupForm("", "", "", "Atlantis", Optional.empty(), "");
    Hosting.SetupForm good =
        new Hosting.SetupForm("", "", "", "Europe/London", Optional.empty(), "");

    assertThat(hosting.setup(SERVER, "Harbour Lights", bad, "en").saved()).isFalse();
    assertThat(hosting.setup(SERVER, "Harbour Lights", good, "en").saved()).isTrue();
  }

  // ---- a setup written as text, as in a Telegram group ----

  private Reply written(String text) {
    return hosting.setupFromText(SERVER, "Harbour Lights", text, "en");
  }

  @Test
  void setupWithNothingWrittenShowsAnExampleToCopyAndNothingIsSaved() {
    Reply reply = written("");

    assertThat(reply.text())
        .contains("To set up Porchlight for Harbour Lights, send /setup")
        .contains("zone: Europe/London")
        .contains("Tuesday 19:00 Evening circle https://meet.example.org/circle");
    assertThat(store.find(SERVER)).isEmpty();
  }

  @Test
  void aWrittenSetupIsSavedWithItsWeeklyMeetings() {
    Reply reply =
        written(
            "zone: Europe/London\n"
                + "Time: 8pm\n"
                + "link: "
                + LINK
                + "\n"
                + "meetings:\n"
                + "Tuesday 19:00 Evening circle https://meet.example.org/circle\n"
                + "thu 18:30 Walk and talk | Town park gates\n"
                + "not on 2026-12-24");

    Community saved = store.find(SERVER).orElseThrow();
    assertThat(saved.defaultZone()).contains(ZoneId.of("Europe/London"));
    assertThat(saved.defaultTime()).contains(LocalTime.of(20, 0));
    assertThat(saved.meetingLinks()).containsExactly(LINK);
    assertThat(saved.meetings())
        .extracting(Meeting::name)
        .containsExactly("Evening circle", "Walk and talk");
    assertThat(saved.cancelled()).containsExactly(LocalDate.of(2026, 12, 24));
    assertThat(saved.checkInChannel()).isEmpty();
    assertThat(reply.text()).startsWith("Saved for Harbour Lights.").doesNotContain("<#");
  }

  @Test
  void aWrittenSettingChangesOnlyItselfAndAnEmptyOneIsCleared() {
    written("zone: Europe/London\ntime: 20:00\nmeetings:\nTuesday 19:00 Evening circle " + LINK);

    written("timezone America/Chicago\ntime:");

    Community saved = store.find(SERVER).orElseThrow();
    assertThat(saved.defaultZone()).contains(ZoneId.of("America/Chicago"));
    assertThat(saved.defaultTime()).isEmpty();
    assertThat(saved.meetings()).extracting(Meeting::name).containsExactly("Evening circle");
    assertThat(written("").text())
        .contains("Harbour Lights is set up like this")
        .contains("zone: America/Chicago")
        .contains("Tuesday 19:00 Evening circle " + LINK);
  }

  @Test
  void aWeekOffWrittenOnItsOwnIsAddedAndTheMeetingsAreKept() {
    written("zone: Europe/London\nmeetings:\nTuesday 19:00 Evening circle " + LINK);

    written("not on 2026-12-24");
    written("not on 2026-12-31");

    Community saved = store.find(SERVER).orElseThrow();
    assertThat(saved.meetings()).extracting(Meeting::name).containsExactly("Evening circle");
    assertThat(saved.cancelled())
        .containsExactlyInAnyOrder(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31));
  }

  @Test
  void aLineThatNamesNoSettingIsSaidBackAndNothingIsSaved() {
    Reply reply = written("zone: Europe/London\ncolour: blue");

    assertThat(reply.text())
        .startsWith("I haven't saved anything yet")
        .contains("which setting \"colour: blue\" is for");
    assertThat(store.find(SERVER)).isEmpty();
  }

  @Test
  void weeklyMeetingsAreSavedWithTheirNamesLinksPlacesAndDaysOff() {
    Reply reply =
        setup(
            "",
            "",
            "",
            "Europe/London",
            "Tuesday 19:00 Tuesday evening circle https://meet.example.org/tue\n"
                + "thu 18:30 Walk and talk | Town park gates\n"
                + "not on 2026-12-24\n"
                + "not on 31 December");

    Community saved = store.find(SERVER).orElseThrow();
    assertThat(saved.meetings())
        .containsExactly(
            new Meeting(
                "Tuesday evening circle",
                java.time.DayOfWeek.TUESDAY,
                java.time.LocalTime.of(19, 0),
                "https://meet.example.org/tue"),
            new Meeting(
                "Walk and talk",
                java.time.DayOfWeek.THURSDAY,
                java.time.LocalTime.of(18, 30),
                "Town park gates"));
    assertThat(saved.cancelled())
        .containsExactlyInAnyOrder(
            java.time.LocalDate.of(2026, 12, 24), java.time.LocalDate.of(2026, 12, 31));
    assertThat(reply.text())
        .contains("Weekly meetings (Europe/London): Tuesday 19:00 Tuesday evening circle")
        .contains("Not meeting on: 2026-12-24, 2026-12-31");
    assertThat(Hosting.SetupForm.of(saved).meetings())
        .isEqualTo(
            "Tuesday 19:00 Tuesday evening circle https://meet.example.org/tue\n"
                + "Thursday 18:30 Walk and talk | Town park gates\n"
                + "not on 2026-12-24\n"
                + "not on 2026-12-31");
  }

  @Test
  void meetingsThatCannotBeReadOrHaveNoZoneSaveNothingAndSayWhy() {
    Reply reply =
        setup(
            "",
            "",
            "",
            "",
            "Tuesday 19:00 Circle https://meet.example.org/c\nsometimes\nnot on soon");

    assertThat(reply.text())
        .contains("I haven't saved anything yet")
        .contains("\"sometimes\" as a weekly meeting")
        .contains("\"not on soon\" as a day without a meeting")
        .contains("need the time zone");
    assertThat(store.find(SERVER)).isEmpty();
  }

  @Test
  void setupSavesTheMeetingChannelAndDefaultsAndSaysThemBack() {
    Reply reply =
        setup(LINK + "\nhttps://meet.example.org/spare", "Tuesdays 19:00", "8pm", "Lisbon");

    Community saved = store.find(SERVER).orElseThrow();
    assertThat(saved.meetingLinks()).containsExactly(LINK, "https://meet.example.org/spare");
    assertThat(saved.meetingSchedule()).contains("Tuesdays 19:00");
    assertThat(saved.checkInChannel()).contains("555");
    assertThat(saved.defaultTime()).contains(LocalTime.of(20, 0));
    assertThat(saved.defaultZone()).contains(ZoneId.of("Europe/Lisbon"));
    assertThat(reply.text())
        .contains("Saved for Harbour Lights")
        .contains(LINK)
        .contains("<#555>")
        .contains("20:00")
        .contains("Europe/Lisbon");
  }

  @Test
  void setupWithMistakesSavesNothingAndNamesEachOneWithAnExample() {
    Reply reply = setup("meet.example.org/harbour", "", "25:61", "Atlantis");

    assertThat(store.find(SERVER)).isEmpty();
    assertThat(reply.text())
        .contains("haven't saved anything")
        .contains("\"meet.example.org/harbour\" isn't a web link")
        .contains("https://")
        .contains("\"25:61\"")
        .contains("20:00")
        .contains("\"Atlantis\"")
        .contains("Europe/London");
  }

  @Test
  void blankFieldsClearWhatWasSet() {
    setup(LINK, "Tuesdays", "20:00", "Lisbon");

    setup("", "", "", "");

    Community cleared = store.find(SERVER).orElseThrow();
    assertThat(cleared.meetingLinks()).isEmpty();
    assertThat(cleared.defaultTime()).isEmpty();
    assertThat(cleared.group().hasMeeting()).isFalse();
    assertThat(Hosting.SetupForm.of(cleared).links()).isEmpty();
  }

  @Test
  void aRoughDayInTheServerShowsTheServersMeetingNotTheConfiguredOne() {
    setup(LINK, "Tuesdays 19:00", "", "");
    conversation.handle(member(1), new Incoming.Command("time", "20:00"), HERE);
    conversation.handle(member(1), new Incoming.Command("timezone", "Lisbon"), HERE);

    String rough = text(conversation.handle(member(1), new Incoming.FreeText("rough day"), HERE));
    // Later, in DMs, the server is still their home.
    String group = text(conversation.handle(member(1), new Incoming.Command("group", "")));

    assertThat(rough).contains(LINK).doesNotContain(TestContent.MEETING_URL);
    assertThat(group).contains("Harbour Lights").contains("Tuesdays 19:00").contains(LINK);
  }

  @Test
  void aMemberNewToPorchlightStartsWithTheServersTimeAndZoneAndIsToldSo() {
    setup("", "", "20:00", "Lisbon");

    List<Reply> replies =
        conversation.handle(member(1), new Incoming.ButtonPress(postButton(Mood.FINE)), HERE);

    Member member = store.members.get(member(1));
    assertThat(member.checkInTime()).contains(LocalTime.of(20, 0));
    assertThat(member.zone()).contains(ZoneId.of("Europe/Lisbon"));
    assertThat(member.nextCheckInAt()).contains(Instant.parse("2026-11-21T20:00:00Z"));
    assertThat(text(replies))
        .contains("I'm Porchlight")
        .contains("20:00, Europe/Lisbon time")
        .contains("/time")
        .as("today is answered already: the next question is tomorrow's")
        .contains("Next check-in: Sunday 22 November at 20:00");
    assertThat(store.find(member(1), LocalDate.of(2026, 11, 21)).flatMap(CheckIn::mood))
        .contains(Mood.FINE);
  }

  @Test
  void inAServerANewMemberIsAskedForCommandsNotForWordsPorchlightCantReadThere() {
    List<Reply> first =
        conversation.handle(member(1), new Incoming.ButtonPress(postButton(Mood.FINE)), HERE);
    List<Reply> second =
        conversation.handle(member(1), new Incoming.Command("time", "20:00"), HERE);

    assertThat(text(first)).contains("/time 20:15").doesNotContain("send any time");
    assertThat(first.get(first.size() - 1).buttons()).hasSize(3);
    assertThat(text(second)).contains("/timezone Lisbon").doesNotContain("Send a time zone");
  }

  @Test
  void aFormIsOneTurnThatAsksForWhatIsMissingOnceAtTheEnd() {
    List<Reply> zoneOnly =
        conversation.handle(
            member(1), new Incoming.Form(java.util.Map.of("timezone", "Lisbon")), HERE);
    List<Reply> both =
        conversation.handle(
            member(2),
            new Incoming.Form(java.util.Map.of("time", "7:45", "timezone", "Lisbon")),
            HERE);

    assertThat(text(zoneOnly))
        .contains("Europe/Lisbon")
        .endsWith(content.messagesFor("en").get(Text.ASK_TIME_BY_COMMAND).strip());
    assertThat(zoneOnly.get(zoneOnly.size() - 1).buttons()).hasSize(3);
    assertThat(text(both)).contains("all set").contains("07:45").doesNotContain("/time 20:15");
    assertThat(store.members.get(member(2)).zone()).contains(ZoneId.of("Europe/Lisbon"));
  }

  @Test
  void crisisWordsInAFormGetTheCrisisLines() {
    List<Reply> replies =
        conversation.handle(
            member(1), new Incoming.Form(java.util.Map.of("days", "I want to kill myself")), HERE);

    assertThat(text(replies)).contains("emergency");
  }

  @Test
  void aPostedAnswerIsForTodayWhereTheMemberIs() {
    // 16:00 UTC on Saturday is already Sunday 03:00 in Auckland.
    conversation.handle(member(1), new Incoming.Command("timezone", "Pacific/Auckland"), HERE);

    conversation.handle(member(1), new Incoming.ButtonPress(postButton(Mood.ROUGH)), HERE);

    assertThat(store.find(member(1), LocalDate.of(2026, 11, 22)).flatMap(CheckIn::mood))
        .contains(Mood.ROUGH);
  }

  @Test
  void theSummaryIsWithheldBelowFiveMembersAndCountsDistinctMembersAtFive() {
    setup("", "", "", "");
    for (int i = 1; i <= 4; i++) answer(member(i), Mood.FINE);
    answer(member(1), Mood.ROUGH, NOW.minusSeconds(86_400)); // a second day, same member
    answer(member(9), Mood.ROUGH, NOW, new Community.Place(new Community.Id("test", "other"), "x"));

    String withheld = hosting.summary(SERVER, "Harbour Lights", "en").text();
    answer(member(5), Mood.ROUGH);
    String shown = hosting.summary(SERVER, "Harbour Lights", "en").text();

    assertThat(withheld).contains("fewer than 5").doesNotContain("4 people");
    assertThat(shown)
        .contains("Sunday 15 November to Saturday 21 November")
        .contains("5 people checked in")
        .contains("4 fine days and 2 rough days");
  }

  @Test
  void meetingRemindersAreCountedAtFiveMembersAndWithheldWithTheRestAtFour() {
    for (int i = 1; i <= 4; i++) answer(member(i), Mood.FINE);
    for (int i = 1; i <= 3; i++) {
      store.saveMeetingReminder(member(i), MeetingReminder.DEFAULT.withOn(true), NOW);
    }
    Instant tuesday = Instant.parse("2026-11-17T19:00:00Z");
    store.remindersSent.put(
        member(1),
        List.of(
            new MeetingReminder.Sent(SERVER, tuesday, tuesday.minusSeconds(3_600)),
            // The week before: not counted.
            new MeetingReminder.Sent(
                SERVER, tuesday.minusSeconds(7 * 86_400), tuesday.minusSeconds(7 * 86_400))));
    store.remindersSent.put(
        member(2), List.of(new MeetingReminder.Sent(SERVER, tuesday, tuesday.minusSeconds(1_800))));
    store.remindersSent.put(
        member(3), List.of(new MeetingReminder.Sent(SERVER, tuesday, tuesday.minusSeconds(900))));
    for (MemberId gone : List.of(member(1), member(2))) {
      store.wentOut(gone, tuesday);
      store.wentOut(gone, tuesday.minusSeconds(7 * 86_400));
    }
    // Member 3's was dropped on the way (paused, say): written, but it never went out.

    String withheld = hosting.summary(SERVER, "Harbour Lights", "en").text();
    answer(member(5), Mood.FINE);
    String shown = hosting.summary(SERVER, "Harbour Lights", "en").text();

    assertThat(withheld).contains("fewer than 5").doesNotContain("reminder");
    assertThat(shown)
        .contains("5 people checked in")
        .contains("3 asked for a reminder before meetings, and 2 reminders went out.");
  }

  @Test
  void skippedAndUnansweredDaysAreNotCheckInsAndOldOnesFallOutOfTheWeek() {
    for (int i = 1; i <= 5; i++) answer(member(i), Mood.FINE, NOW.minusSeconds(7 * 86_400));
    for (int i = 1; i <= 5; i++) answer(member(i), Mood.SKIPPED);

    assertThat(hosting.summary(SERVER, "Harbour Lights", "en").text()).contains("fewer than 5");
  }

  @Test
  void forgetLeavesNoTraceInTheCommunitysCounts() {
    for (int i = 1; i <= 5; i++) answer(member(i), Mood.FINE);

    conversation.handle(member(5), new Incoming.ButtonPress(new Action.Forget(true).encode()));

    assertThat(store.visits.get(SERVER)).doesNotContainKey(member(5));
    assertThat(hosting.summary(SERVER, "Harbour Lights", "en").text()).contains("fewer than 5");
  }

  @Test
  void answersCrisisRepliesAndReachOutsAreTalliedByPlatformAlone() {
    List<String> tallied = new java.util.ArrayList<>();
    conversation.counting(
        new org.porchlight.core.port.Tally() {
          @Override
          public void answered(String platform, Mood mood) {
            tallied.add("answered " + platform + " " + mood.key());
          }

          @Override
          public void crisisReply(String platform) {
            tallied.add("crisis " + platform);
          }

          @Override
          public void reachedOut(String platform) {
            tallied.add("outreach " + platform);
          }

          @Override
          public void sent(String platform, Prompt prompt, java.time.Duration took) {}

          @Override
          public void slowedDown(String platform) {}

          @Override
          public void retried(String platform) {}

          @Override
          public void unreachable(String platform) {}
        });

    for (int day = 2; day >= 0; day--)
      answer(member(1), Mood.ROUGH, NOW.minusSeconds(day * 86_400L));
    conversation.handle(member(1), new Incoming.FreeText("I want to kill myself"));

    assertThat(tallied)
        .containsExactly(
            "answered test rough",
            "answered test rough",
            "answered test rough",
            "outreach test",
            "crisis test");
  }

  private void answer(MemberId member, Mood mood) {
    answer(member, mood, NOW);
  }

  private void answer(MemberId member, Mood mood, Instant when) {
    answer(member, mood, when, HERE);
  }

  private void answer(MemberId member, Mood mood, Instant when, Community.Place place) {
    clock.set(when);
    conversation.handle(member, new Incoming.ButtonPress(postButton(mood)), place);
    clock.set(NOW);
  }

  private String postButton(Mood mood) {
    return hosting.post("en").buttons().stream()
        .filter(b -> Action.decode(b.data()).equals(Optional.of(new Action.PostedAnswer(mood))))
        .findFirst()
        .orElseThrow()
        .data();
  }

  private static MemberId member(int n) {
    return new MemberId("test", "member-" + n);
  }

  private static String text(List<Reply> replies) {
    return replies.stream().map(Reply::text).collect(Collectors.joining("\n---\n"));
  }
}
