package org.porchlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.conversation.Stores;

class ConversationTest {
  // Saturday 21 November 2026, 16:00 UTC: 16:00 in London, 11:00 in New York.
  private static final Instant NOW = Instant.parse("2026-11-21T16:00:00Z");
  private static final MemberId ALEX = new MemberId("test", "alex");

  private final InMemoryStore store = new InMemoryStore();
  private final MutableClock clock = new MutableClock(NOW);
  private long randomValue = 1L << 40; // nextInt(n) != 0: no "offer connection" on fine days
  private final RandomGenerator random = () -> randomValue;
  private Content content = TestContent.load();
  private final Messages texts = content.messagesFor("en");
  private Conversation conversation = conversation();
  private List<Reply> last = List.of();

  private Conversation conversation() {
    return new Conversation(
        Stores.in(store), content, ConversationOptions.DEFAULT, new SummaryExport(), clock, random);
  }

  private List<Reply> say(String text) {
    Incoming incoming =
        Incoming.Command.parse(text)
            .<Incoming>map(c -> c)
            .orElseGet(() -> new Incoming.FreeText(text));
    last = conversation.handle(ALEX, incoming);
    return last;
  }

  private List<Reply> press(String label) {
    Reply.Button button =
        last.stream()
            .flatMap(reply -> reply.buttons().stream())
            .filter(b -> b.label().equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + last));
    last = conversation.handle(ALEX, new Incoming.ButtonPress(button.data()));
    return last;
  }

  private static String text(List<Reply> replies) {
    return replies.stream().map(Reply::text).collect(Collectors.joining("\n---\n"));
  }

  private static List<String> labels(List<Reply> replies) {
    return replies.stream().flatMap(r -> r.buttons().stream()).map(Reply.Button::label).toList();
  }

  private void setUp(String time, String zone) {
    say("/time " + time);
    say("/timezone " + zone);
  }

  private Optional<CheckIn> today() {
    LocalDate date = LocalDate.ofInstant(clock.instant(), store.members.get(ALEX).zoneOrUtc());
    return store.find(ALEX, date);
  }

  // ---- Onboarding ----

  @Test
  void startWelcomesAndAsksForATimeWithThreeChoices() {
    List<Reply> replies = say("/start");

    assertThat(text(replies)).contains("not therapy").contains("/forget");
    assertThat(labels(replies))
        .containsExactly("Morning (08:30)", "Midday (12:30)", "Evening (19:00)");
    assertThat(store.members.get(ALEX).awaiting()).isEqualTo(Member.Awaiting.TIME);
  }

  @Test
  void onboardingTakesATimeButtonThenACityAndSaysWhenTheFirstCheckInIs() {
    say("/start");
    List<Reply> afterTime = press("Evening (19:00)");
    assertThat(text(afterTime)).contains("19:00").contains("Europe/Berlin");

    List<Reply> done = say("Lisbon");

    Member member = store.members.get(ALEX);
    assertThat(member.zone()).contains(ZoneId.of("Europe/Lisbon"));
    assertThat(member.awaiting()).isEqualTo(Member.Awaiting.NOTHING);
    assertThat(member.nextCheckInAt()).contains(Instant.parse("2026-11-21T19:00:00Z"));
    assertThat(text(done)).contains("all set").contains("Saturday 21 November at 19:00");
  }

  @Test
  void onboardingTakesAnyTypedTime() {
    say("/start");
    say("8:15pm");

    assertThat(store.members.get(ALEX).checkInTime()).contains(LocalTime.of(20, 15));
  }

  @Test
  void aTimeThatIsNotATimeDuringOnboardingIsExplainedWithAnExample() {
    say("/start");
    List<Reply> replies = say("whenever");

    assertThat(text(replies)).contains("\"whenever\"").contains("/time 20:00");
    assertThat(store.members.get(ALEX).checkInTime()).isEmpty();
  }

  @Test
  void aFirstMessageThatIsNotStartStillGetsTheWelcomeAndIsAnswered() {
    List<Reply> replies = say("/time 07:45");

    assertThat(text(replies)).contains("not therapy").contains("07:45").contains("Europe/Berlin");
    assertThat(store.members.get(ALEX).awaiting()).isEqualTo(Member.Awaiting.ZONE);
  }

  // ---- Settings and their errors ----

  @Test
  void badTimeSaysWhatWasWrongAndGivesAnExampleThatWorks() {
    List<Reply> replies = say("/time 25:00");

    assertThat(text(replies)).contains("\"25:00\"").contains("/time 20:00");
  }

  @Test
  void earlyTimeInsideQuietHoursEndsThemAtThatTimeAndSaysSo() {
    List<Reply> replies = say("/time 07:15");

    assertThat(text(replies)).contains("moved them to 22:00-07:15").contains("/quiet");
    assertThat(store.members.get(ALEX).quietHours())
        .isEqualTo(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 15)));
  }

  @Test
  void lateTimeInsideQuietHoursStartsThemAfterIt() {
    say("/time 23:30");

    assertThat(store.members.get(ALEX).quietHours())
        .isEqualTo(new QuietHours(LocalTime.of(0, 0), LocalTime.of(8, 0)));
  }

  @Test
  void unknownZoneSaysWhatWasWrongAndGivesExamples() {
    List<Reply> replies = say("/timezone Atlantis");

    assertThat(text(replies)).contains("\"Atlantis\"").contains("/timezone Europe/London");
  }

  @Test
  void zoneCanBeAnOffset() {
    setUp("20:00", "UTC+5:30");

    assertThat(store.members.get(ALEX).zone()).contains(ZoneId.of("UTC+05:30"));
  }

  @Test
  void changingTheZoneMovesTheNextCheckIn() {
    setUp("20:00", "Europe/London");
    say("/timezone America/New_York");

    assertThat(store.members.get(ALEX).nextCheckInAt())
        .contains(Instant.parse("2026-11-22T01:00:00Z"));
  }

  @Test
  void daysLimitWhenCheckInsCome() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = say("/days weekdays");

    assertThat(text(replies)).contains("Mon, Tue, Wed, Thu, Fri").contains("Monday 23 November");
  }

  @Test
  void badDaysGetAnExample() {
    List<Reply> replies = say("/days someday");

    assertThat(text(replies)).contains("\"someday\"").contains("/days weekdays");
  }

  @Test
  void quietHoursThatCoverTheCheckInAreRefused() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = say("/quiet 19:00-07:00");

    assertThat(text(replies)).contains("cover your check-in time");
    assertThat(store.members.get(ALEX).quietHours()).isEqualTo(QuietHours.DEFAULT);
  }

  @Test
  void pauseForDaysSkipsThemAndResumeBringsCheckInsBack() {
    setUp("20:00", "Europe/London");
    List<Reply> paused = say("/pause 3");

    assertThat(text(paused)).contains("3 days").contains("Tuesday 24 November");
    assertThat(store.members.get(ALEX).nextCheckInAt())
        .contains(Instant.parse("2026-11-24T20:00:00Z"));

    say("/resume");
    assertThat(store.members.get(ALEX).nextCheckInAt())
        .contains(Instant.parse("2026-11-21T20:00:00Z"));
  }

  @Test
  void pauseWithoutDaysLastsUntilResume() {
    setUp("20:00", "Europe/London");
    say("/pause");

    assertThat(store.members.get(ALEX).nextCheckInAt()).isEmpty();
  }

  @Test
  void badPauseSaysWhatWorks() {
    List<Reply> replies = say("/pause forever");

    assertThat(text(replies)).contains("\"forever\"").contains("/pause 3");
  }

  // ---- The check-in ----

  @Test
  void checkInAsksWithThreeButtons() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = say("/checkin");

    assertThat(labels(replies)).containsExactly("Honestly fine", "Rough day", "Skip today");
    assertThat(today()).hasValueSatisfying(c -> assertThat(c.promptedAt()).contains(NOW));
  }

  @Test
  void roughDayGetsThanksOneStepAndTheGroupLink() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    List<Reply> replies = press("Rough day");

    assertThat(replies).hasSize(1);
    assertThat(text(replies)).contains(TestContent.MEETING_URL).contains("One small thing");
    assertThat(labels(replies)).containsExactly("Another step", "I'll try it");
    assertThat(today().flatMap(CheckIn::mood)).contains(Mood.ROUGH);
    assertThat(today().flatMap(CheckIn::via)).contains(Via.BUTTON);
    assertThat(store.givenTo(ALEX).stream().map(StepGiven::stepId).toList()).hasSize(1);
  }

  @Test
  void fineDayGetsAShortWarmReplyWithoutAStep() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    List<Reply> replies = press("Honestly fine");

    assertThat(labels(replies)).isEmpty();
    assertThat(store.steps).doesNotContainKey(ALEX);
    assertThat(today().flatMap(CheckIn::mood)).contains(Mood.FINE);
  }

  @Test
  void fineDaySometimesOffersConnectionToSomeoneElse() {
    randomValue = 0L; // the one-in-three case
    setUp("20:00", "Europe/London");
    say("/checkin");
    List<Reply> replies = press("Honestly fine");

    String stepId = store.givenTo(ALEX).get(0).stepId();
    Step step = content.steps().byId(stepId).orElseThrow();
    assertThat(step.fits()).isNotEqualTo(Step.Fits.ROUGH);
    assertThat(text(replies)).contains("pass it on");
    assertThat(labels(replies)).containsExactly("I'll try it");
  }

  @Test
  void skipIsRecordedAsAnAnswer() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Skip today");

    assertThat(today().flatMap(CheckIn::mood)).contains(Mood.SKIPPED);
  }

  @Test
  void secondAnswerOnTheSameDayReplacesTheFirst() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    List<Reply> question = last;
    press("Honestly fine");
    last = question;
    List<Reply> replies = press("Rough day");

    assertThat(store.between(ALEX, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
        .hasSize(1);
    assertThat(today().flatMap(CheckIn::mood)).contains(Mood.ROUGH);
    assertThat(text(replies)).startsWith("Changed: today is now a rough day.");
  }

  @Test
  void yesterdaysButtonAnswersYesterdayNotToday() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    clock.advance(Duration.ofDays(1));
    List<Reply> replies = press("Rough day");

    assertThat(store.find(ALEX, LocalDate.of(2026, 11, 21)).flatMap(CheckIn::mood))
        .contains(Mood.ROUGH);
    assertThat(store.find(ALEX, LocalDate.of(2026, 11, 22))).isEmpty();
    assertThat(text(replies)).contains("Noted Saturday 21 November as a rough day.");
  }

  @Test
  void aButtonFromWeeksAgoAsksAboutTodayInstead() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    clock.advance(Duration.ofDays(20));
    List<Reply> replies = press("Rough day");

    assertThat(store.find(ALEX, LocalDate.of(2026, 11, 21)).flatMap(CheckIn::mood)).isEmpty();
    assertThat(text(replies)).contains("a while ago");
    assertThat(labels(replies)).containsExactly("Honestly fine", "Rough day", "Skip today");
  }

  @Test
  void aButtonFromANewerOrUnknownVersionIsDeclinedPolitely() {
    List<Reply> replies = conversation.handle(ALEX, new Incoming.ButtonPress("9:a:f:20261121"));

    assertThat(text(replies)).contains("older conversation");
  }

  @Test
  void checkInAfterAnsweringSaysWhatWasAnsweredAndOffersAChange() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Rough day");
    List<Reply> replies = say("/checkin");

    assertThat(text(replies)).contains("a rough day");
    assertThat(labels(replies)).hasSize(3);
  }

  // ---- Free text ----

  @Test
  void roughWordsAreSaidBackWithAButtonToPutThemRight() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = say("honestly it's been a really rough day");

    assertThat(replies.get(0).text()).contains("rough one");
    assertThat(labels(List.of(replies.get(0)))).containsExactly("Actually, I'm fine");
    assertThat(today().flatMap(CheckIn::via)).contains(Via.TEXT);

    press("Actually, I'm fine");
    assertThat(today().flatMap(CheckIn::mood)).contains(Mood.FINE);
  }

  @Test
  void unclearWordsAreAskedAboutWithTheButtonsNeverGuessed() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = say("hmm, the cat knocked over a plant");

    assertThat(labels(replies)).containsExactly("Honestly fine", "Rough day", "Skip today");
    assertThat(today()).isEmpty();
  }

  @Test
  void askingWhatToDoGetsAStep() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = say("what could I do?");

    assertThat(text(replies)).startsWith("Here's one small step");
    assertThat(labels(replies)).containsExactly("Another step", "I'll try it");
  }

  @Test
  void theWordsAMemberWritesAreNotKept() {
    setUp("20:00", "Europe/London");
    say("I'm feeling quite sad about my sister today");

    String everything =
        store.members.values() + " " + store.checkIns.values() + " " + store.steps.values();
    assertThat(everything).doesNotContain("sister").doesNotContain("sad");
  }

  @Test
  void messagesWithoutWordsGetAKindAnswer() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = conversation.handle(ALEX, new Incoming.NoText("sticker"));

    assertThat(text(replies)).contains("only read words");
  }

  // ---- Steps ----

  @Test
  void theNextStepIsTheOneSeenLeastRecently() {
    content =
        TestContent.withSteps(
            List.of(
                new Step("a", "Step A.", Step.Fits.ANY, Step.Company.ALONE),
                new Step("b", "Step B.", Step.Fits.ANY, Step.Company.ALONE),
                new Step("c", "Step C.", Step.Fits.ANY, Step.Company.ALONE)));
    conversation = conversation();
    setUp("20:00", "Europe/London");

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      say("/step");
      seen.add(text(last));
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(seen)
        .extracting(s -> s.substring(s.indexOf("Step ")))
        .containsExactly("Step A.", "Step B.", "Step C.", "Step A.", "Step B.");
  }

  @Test
  void anotherStepIsNeverTheSameOneAgain() {
    setUp("20:00", "Europe/London");
    say("/step");
    String first = text(last);
    press("Another step");

    assertThat(text(last)).isNotEqualTo(first);
  }

  @Test
  void roughDayStepsFitARoughDay() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Rough day");

    Step step = content.steps().byId(store.givenTo(ALEX).get(0).stepId()).orElseThrow();
    assertThat(step.fits()).isNotEqualTo(Step.Fits.FINE);
  }

  // ---- Crisis ----

  @Test
  void crisisInLondonGetsSamaritansAndTheEmergencyNumber() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = say("I don't want to be alive anymore");

    assertThat(text(replies))
        .contains("116 123")
        .contains("999")
        .contains("not an emergency service");
  }

  @Test
  void crisisInNewYorkGets988() {
    setUp("20:00", "America/New_York");
    List<Reply> replies = say("I don't want to be alive anymore");

    assertThat(text(replies)).contains("988").contains("911");
  }

  @Test
  void crisisReplyOffersNoStepsAndRecordsNoMood() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = say("I want to kill myself");

    assertThat(labels(replies)).isEmpty();
    assertThat(store.steps).doesNotContainKey(ALEX);
    assertThat(today()).isEmpty();
  }

  @Test
  void crisisWithoutAZoneGetsTheInternationalDirectory() {
    List<Reply> replies = say("I want to kill myself");

    assertThat(text(replies)).contains("findahelpline.com");
    assertThat(store.members).doesNotContainKey(ALEX);
  }

  @Test
  void crisisLanguageInsideACommandIsStillACrisis() {
    setUp("20:00", "Europe/London");
    List<Reply> replies = say("/step i want to kill myself");

    assertThat(text(replies)).contains("116 123");
  }

  @Test
  void aCountrySetByTheMemberWinsOverTheirZone() {
    setUp("20:00", "Europe/London");
    say("/country AU");
    List<Reply> replies = say("I don't want to be alive anymore");

    assertThat(text(replies)).contains("13 11 14").doesNotContain("116 123");
  }

  @Test
  void aRepeatSoonAfterGetsAShortReminderNotTheWholeList() {
    setUp("20:00", "Europe/London");
    String full = text(say("I don't want to be alive anymore"));
    clock.advance(Duration.ofMinutes(5));
    String again = text(say("I don't want to be alive anymore"));

    assertThat(again).contains("116 123").contains("999");
    assertThat(again.length()).isLessThan(full.length() / 2);

    clock.advance(Duration.ofHours(1));
    assertThat(text(say("I don't want to be alive anymore"))).isEqualTo(full);
  }

  @Test
  void figuresOfSpeechAreNotACrisis() {
    setUp("20:00", "Europe/London");

    assertThat(text(say("this traffic is killing me"))).doesNotContain("116 123");
    assertThat(text(say("I could kill for a coffee"))).doesNotContain("116 123");
  }

  // ---- Hearing from the member ----

  @Test
  void lastHeardMovesOnAfterAnHourButNotWithinIt() {
    setUp("20:00", "Europe/London");
    clock.advance(Duration.ofMinutes(50));
    int saves = store.memberSaves;
    say("/help");

    assertThat(store.members.get(ALEX).contact().lastHeardAt()).isEqualTo(NOW);
    assertThat(store.memberSaves).isEqualTo(saves);

    clock.advance(Duration.ofMinutes(20));
    say("/help");

    assertThat(store.members.get(ALEX).contact().lastHeardAt()).isEqualTo(clock.instant());
  }

  @Test
  void aRestingMemberWhoWritesAgainGetsTheirCheckInsBack() {
    setUp("20:00", "Europe/London");
    leaveTheLightOn();
    // Within the hour of last hearing from them: resting alone is reason enough to write.
    clock.advance(Duration.ofMinutes(5));
    say("/help");

    Member member = store.members.get(ALEX);
    assertThat(member.contact().isResting()).isFalse();
    assertThat(member.nextCheckInAt()).contains(Instant.parse("2026-11-21T20:00:00Z"));
  }

  @Test
  void aCrisisMessageCountsAsHearingFromThemAndRecordsNothingElse() {
    setUp("20:00", "Europe/London");
    clock.advance(Duration.ofHours(2));
    Member before = store.members.get(ALEX);
    say("I want to kill myself");

    Member after = store.members.get(ALEX);
    assertThat(after.contact().lastHeardAt()).isEqualTo(clock.instant());
    assertThat(after.withContact(before.contact())).isEqualTo(before);
    assertThat(today()).isEmpty();
  }

  /** What the scheduler does after a long silence: says the light's on, then sends nothing. */
  private void leaveTheLightOn() {
    Member member = store.members.get(ALEX);
    store.save(
        member
            .withContact(member.contact().lightsOn(clock.instant()))
            .withNextCheckInAt(Optional.empty()));
  }

  // ---- Reaching out after rough days ----

  @Test
  void threeRoughDaysInARowReachOutOnceWithTheGroupAndSomeoneToBeWith() {
    setUp("20:00", "Europe/London");
    answerDays("Rough day", "Rough day");
    List<Reply> replies = answerToday("Rough day");

    assertThat(replies).hasSize(2);
    Reply reachingOut = replies.get(1);
    Step step = lastStepGiven();
    assertThat(reachingOut.text())
        .contains("few hard days in a row")
        .contains(TestContent.MEETING_URL)
        .contains(step.textFor("someone you trust"));
    assertThat(step.company()).isEqualTo(Step.Company.WITH_OTHERS);
    assertThat(labels(List.of(reachingOut))).containsExactly("Another step", "I'll try it");
    assertThat(store.members.get(ALEX).contact().reachedOutOn())
        .contains(LocalDate.of(2026, 11, 23));
  }

  @Test
  void theReachingOutStepIsOneDoneWithOthersEvenWhenAloneStepsWereSeenLessRecently() {
    content =
        TestContent.withSteps(
            List.of(
                new Step("bath", "Run a bath.", Step.Fits.ROUGH, Step.Company.ALONE),
                new Step("tea", "Make some tea.", Step.Fits.ROUGH, Step.Company.ALONE),
                new Step("call", "Call {someone}.", Step.Fits.ROUGH, Step.Company.WITH_OTHERS)));
    conversation = conversation();
    setUp("20:00", "Europe/London");
    answerDays("Rough day", "Rough day");
    List<Reply> replies = answerToday("Rough day");

    assertThat(lastStepGiven().id()).isEqualTo("call");
    assertThat(replies.get(1).text()).contains("Call someone you trust.");
  }

  @Test
  void aFourthRoughDayInTheSameRunDoesNotReachOutAgain() {
    setUp("20:00", "Europe/London");
    answerDays("Rough day", "Rough day", "Rough day");

    assertThat(answerToday("Rough day")).hasSize(1);
  }

  @Test
  void aFineDayEndsTheRunSoThreeMoreRoughDaysReachOutAgain() {
    setUp("20:00", "Europe/London");
    answerDays("Rough day", "Rough day", "Rough day", "Honestly fine", "Rough day", "Rough day");

    assertThat(answerToday("Rough day")).hasSize(2);
    assertThat(store.members.get(ALEX).contact().reachedOutOn())
        .contains(LocalDate.of(2026, 11, 27));
  }

  @Test
  void skippedDaysNeitherBreakTheRunNorCountTowardsIt() {
    setUp("20:00", "Europe/London");
    answerDays("Rough day", "Skip today");

    assertThat(answerToday("Rough day")).hasSize(1);
    clock.advance(Duration.ofDays(1));
    assertThat(answerToday("Rough day")).hasSize(2);
  }

  @Test
  void aRoughAnswerForAnEarlierDayCountsOnThatDay() {
    setUp("20:00", "Europe/London");
    answerDays("Rough day"); // Saturday
    say("/checkin"); // Sunday: asked, not answered until later
    List<Reply> sundaysQuestion = last;
    clock.advance(Duration.ofDays(1));
    assertThat(answerToday("Rough day")).hasSize(1); // Monday

    last = sundaysQuestion;
    List<Reply> replies = press("Rough day");

    assertThat(text(replies)).contains("Noted Sunday 22 November as a rough day");
    assertThat(replies).hasSize(2);
    assertThat(replies.get(1).text()).contains("few hard days in a row");
  }

  @Test
  void roughWordsCountTowardsTheRunLikeTheButton() {
    setUp("20:00", "Europe/London");
    answerDays("Rough day", "Rough day");
    List<Reply> replies = say("honestly it's been a really rough day");

    assertThat(text(replies)).contains("few hard days in a row");
  }

  /** Answers today's check-in with a button, then moves on to the next day, once per label. */
  private void answerDays(String... labels) {
    for (String label : labels) {
      answerToday(label);
      clock.advance(Duration.ofDays(1));
    }
  }

  private List<Reply> answerToday(String label) {
    say("/checkin");
    return press(label);
  }

  private Step lastStepGiven() {
    List<StepGiven> given = store.givenTo(ALEX);
    return content.steps().byId(given.get(given.size() - 1).stepId()).orElseThrow();
  }

  // ---- Prompts ----

  @Test
  void reminderHasTheThreeAnswerButtonsForItsDay() {
    setUp("20:00", "Europe/London");
    LocalDate saturday = LocalDate.of(2026, 11, 21);
    Reply reminder = conversation.prompt(Prompt.REMINDER, store.members.get(ALEX), saturday);

    assertThat(labels(List.of(reminder)))
        .containsExactly("Honestly fine", "Rough day", "Skip today");
    assertThat(reminder.buttons())
        .extracting(button -> Action.decode(button.data()).orElseThrow())
        .containsExactly(
            new Action.Answer(Mood.FINE, saturday),
            new Action.Answer(Mood.ROUGH, saturday),
            new Action.Answer(Mood.SKIPPED, saturday));
    assertThat(reminder.text()).isEqualTo(texts.any(Text.REMINDER, random));
  }

  @Test
  void lightsOnSaysThereIsNoNeedToExplainAndHowToComeBack() {
    setUp("20:00", "Europe/London");
    Reply lightsOn =
        conversation.prompt(Prompt.LIGHTS_ON, store.members.get(ALEX), LocalDate.of(2026, 11, 21));

    assertThat(lightsOn.text())
        .contains("light's on")
        .contains("/checkin")
        .contains("/pause")
        .contains("/forget");
    assertThat(lightsOn.buttons()).isEmpty();
  }

  // ---- Data ----

  @Test
  void myDataSendsEverythingAsADocument() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Rough day");
    List<Reply> replies = say("/mydata");

    Reply.Document document = replies.get(0).document().orElseThrow();
    assertThat(document.content()).contains("test:alex").contains("2026-11-21 rough");
  }

  @Test
  void forgetAsksFirstThenErasesEverything() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Rough day");

    List<Reply> ask = say("/forget");
    assertThat(labels(ask)).containsExactly("Yes, erase everything", "Keep my data");
    assertThat(store.members).containsKey(ALEX);

    press("Yes, erase everything");
    assertThat(store.members).isEmpty();
    assertThat(store.checkIns).isEmpty();
    assertThat(store.steps).isEmpty();
  }

  @Test
  void forgetCanBeCalledOff() {
    setUp("20:00", "Europe/London");
    say("/forget");
    press("Keep my data");

    assertThat(store.members).containsKey(ALEX);
  }

  @Test
  void forgettingAMemberNobodyKnowsSaysSo() {
    assertThat(text(say("/mydata"))).contains("don't have anything");
  }

  // ---- Everything else ----

  @Test
  void unknownCommandPointsToHelp() {
    setUp("20:00", "Europe/London");

    assertThat(text(say("/dance"))).contains("/dance").contains("/help");
  }

  @Test
  void helpListsTheCommands() {
    setUp("20:00", "Europe/London");

    assertThat(text(say("/help"))).contains("/checkin").contains("/forget").contains("/pause");
  }

  @Test
  void aboutSaysWhatPorchlightIsNot() {
    setUp("20:00", "Europe/London");

    assertThat(text(say("/about"))).contains("not therapy").contains("not an emergency service");
  }

  @Test
  void groupShowsTheMeeting() {
    setUp("20:00", "Europe/London");

    assertThat(text(say("/group"))).contains(TestContent.MEETING_URL).contains("Thursdays");
  }

  @Test
  void historyCountsTheDaysCheckedInThisMonth() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Rough day");
    clock.advance(Duration.ofDays(1));
    say("/checkin");
    press("Honestly fine");

    assertThat(text(say("/history"))).contains("November: 2 (1 fine, 1 rough)");
  }
}
