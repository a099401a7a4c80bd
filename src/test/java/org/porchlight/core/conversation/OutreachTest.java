package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Mood;
import org.porchlight.core.Reply;
import org.porchlight.core.Step;
import org.porchlight.core.TestContent;
import org.porchlight.core.Via;

/** Reaching out after rough days in a row. */
class OutreachTest extends ConversationDriver {
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

  // ---- The rough run, as a pure function ----

  @Test
  void theRunIsCountedBackFromTheLatestAnswerPastSkippedAndUnaskedDays() {
    LocalDate first = LocalDate.of(2026, 11, 10);
    List<CheckIn> days =
        List.of(
            answered(first, Mood.FINE),
            answered(first.plusDays(1), Mood.ROUGH),
            answered(first.plusDays(2), Mood.SKIPPED),
            CheckIn.prompted(ALEX, first.plusDays(3), NOW),
            answered(first.plusDays(4), Mood.ROUGH),
            answered(first.plusDays(5), Mood.ROUGH));

    assertThat(Outreach.roughRunStart(days, 3)).contains(first.plusDays(1));
    assertThat(Outreach.roughRunStart(days, 4)).as("a fine day ends the run").isEmpty();
  }

  @Test
  void aFineLatestAnswerMeansThereIsNoRun() {
    LocalDate first = LocalDate.of(2026, 11, 10);
    List<CheckIn> days =
        List.of(
            answered(first, Mood.ROUGH),
            answered(first.plusDays(1), Mood.ROUGH),
            answered(first.plusDays(2), Mood.ROUGH),
            answered(first.plusDays(3), Mood.FINE));

    assertThat(Outreach.roughRunStart(days, 1)).isEmpty();
    assertThat(Outreach.roughRunStart(List.of(), 1)).isEmpty();
  }

  private static CheckIn answered(LocalDate day, Mood mood) {
    return CheckIn.unasked(ALEX, day).answered(mood, Via.BUTTON, NOW);
  }
}
