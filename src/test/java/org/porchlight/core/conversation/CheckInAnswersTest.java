package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Action;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Incoming;
import org.porchlight.core.Mood;
import org.porchlight.core.Prompt;
import org.porchlight.core.Reply;
import org.porchlight.core.Step;
import org.porchlight.core.StepGiven;
import org.porchlight.core.TestContent;
import org.porchlight.core.Text;
import org.porchlight.core.Via;

/** The check-in: the question, answers by button and by words, and the prompts. */
class CheckInAnswersTest extends ConversationDriver {
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

  // ---- Prompts ----

  @Test
  void reminderHasTheThreeAnswerButtonsForItsDay() {
    setUp("20:00", "Europe/London");
    LocalDate saturday = LocalDate.of(2026, 11, 21);
    Reply reminder =
        conversation.prompt(Prompt.REMINDER, store.members.get(ALEX), saturday).orElseThrow();

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
        conversation
            .prompt(Prompt.LIGHTS_ON, store.members.get(ALEX), LocalDate.of(2026, 11, 21))
            .orElseThrow();

    assertThat(lightsOn.text())
        .contains("light's on")
        .contains("/checkin")
        .contains("/pause")
        .contains("/forget");
    assertThat(lightsOn.buttons()).isEmpty();
  }
}
