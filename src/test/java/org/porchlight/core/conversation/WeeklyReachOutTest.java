package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Incoming;
import org.porchlight.core.Prompt;
import org.porchlight.core.ReachOut;
import org.porchlight.core.Reply;

/** The weekly reach-out: its question, a name chosen, the follow-up, and turning it off. */
class WeeklyReachOutTest extends ConversationDriver {
  // NOW is Saturday 21 November 2026.
  private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 21);

  private void sent(Prompt prompt) {
    last =
        java.util.List.of(
            conversation.prompt(prompt, store.members.get(ALEX), SATURDAY).orElseThrow());
  }

  @Test
  void theQuestionOffersThePodsNamesSomeoneNewNotThisWeekAndAWayToStop() {
    setUp("20:00", "Europe/London");
    say("/pod add core Marisol");
    say("/pod add outer Tuesday group");
    sent(Prompt.REACH_OUT);

    assertThat(text(last)).containsAnyOf("reach out to this week", "get in touch with this week");
    assertThat(labels(last))
        .containsExactly("Marisol", "Tuesday group", "Someone new", "Not this week", "Stop these");
  }

  @Test
  void aNameGetsASmallMessageToSendAndThreeDaysLaterOneFollowUp() {
    setUp("20:00", "Europe/London");
    say("/pod add core Marisol");
    sent(Prompt.REACH_OUT);
    press("Marisol");

    assertThat(text(last)).contains("Marisol");
    ReachOut reachOut = store.reachOut(ALEX);
    assertThat(reachOut.followUpOn()).contains(SATURDAY.plusDays(3));
    assertThat(reachOut.followUpOn(SATURDAY.plusDays(2))).isFalse();
    assertThat(reachOut.followUpOn(SATURDAY.plusDays(3))).isTrue();

    sent(Prompt.REACH_OUT_FOLLOW_UP);
    assertThat(text(last)).contains("reaching out to Marisol. Did you get to?");
    assertThat(labels(last)).containsExactly("Yes", "Not yet", "Stop asking");
    press("Yes");

    assertThat(store.reachOutAnswers(ALEX))
        .extracting(ReachOut.Answered::answer)
        .containsExactly(ReachOut.Answer.PICKED, ReachOut.Answer.REACHED);
  }

  @Test
  void someoneNewAndNotThisWeekAreCountedWithoutNames() {
    setUp("20:00", "Europe/London");
    say("/pod add core Marisol");
    sent(Prompt.REACH_OUT);
    press("Someone new");
    assertThat(text(last)).contains("Someone new counts too");
    sent(Prompt.REACH_OUT);
    press("Not this week");

    assertThat(text(last)).contains("I'll ask again next week");
    assertThat(store.reachOutAnswers(ALEX))
        .extracting(ReachOut.Answered::answer)
        .containsExactlyInAnyOrder(ReachOut.Answer.SOMEONE_NEW, ReachOut.Answer.NOT_THIS_WEEK);
    assertThat(store.reachOut(ALEX).followUpOn()).isEmpty();
  }

  @Test
  void stopAskingEndsTheFollowUpsAndStopTheseTheWeeklyQuestion() {
    setUp("20:00", "Europe/London");
    say("/pod add core Marisol");
    sent(Prompt.REACH_OUT);
    press("Marisol");
    sent(Prompt.REACH_OUT_FOLLOW_UP);
    press("Stop asking");
    assertThat(store.reachOut(ALEX).followUps()).isFalse();
    assertThat(store.reachOut(ALEX).followUpOn()).isEmpty();

    sent(Prompt.REACH_OUT);
    press("Stop these");
    assertThat(store.reachOut(ALEX).weekly()).isFalse();
    assertThat(text(last)).contains("/pod weekly on");
  }

  @Test
  void theDayIsTheFirstCheckInDayUntilTheMemberPicksOne() {
    setUp("20:00", "Europe/London");
    say("/days tue,thu,sat");
    say("/pod add core Marisol");
    say("/pod weekly");
    assertThat(text(last)).contains("Each Tuesday");

    say("/pod weekly sunday");
    assertThat(text(last)).contains("Sunday isn't one of your check-in days");
    say("/pod weekly saturdays");
    assertThat(text(last)).contains("on: Saturday");
    assertThat(store.reachOut(ALEX).day()).contains(DayOfWeek.SATURDAY);
    say("/pod weekly off");
    assertThat(store.reachOut(ALEX).weekly()).isFalse();
    say("/pod weekly someday");
    assertThat(text(last)).contains("couldn't read “someday” as a day");
  }

  @Test
  void theQuestionGoesOnItsDayOnlyWithAPodAndOnceThatDay() {
    setUp("20:00", "Europe/London");
    var member = store.members.get(ALEX);
    ReachOut reachOut = ReachOut.DEFAULT.withDay(DayOfWeek.SATURDAY);

    assertThat(reachOut.askOn(member, false, SATURDAY)).as("no pod").isFalse();
    assertThat(reachOut.askOn(member, true, SATURDAY)).isTrue();
    assertThat(reachOut.askOn(member, true, SATURDAY.plusDays(1))).as("Sunday").isFalse();
    assertThat(reachOut.asked(SATURDAY).askOn(member, true, SATURDAY)).as("twice").isFalse();
    assertThat(reachOut.asked(SATURDAY).askOn(member, true, SATURDAY.plusWeeks(1))).isTrue();
    assertThat(reachOut.withWeekly(false).askOn(member, true, SATURDAY)).isFalse();
  }

  @Test
  void aFollowUpForSomeoneRemovedSinceSaysSomeone() {
    setUp("20:00", "Europe/London");
    say("/pod add core Marisol");
    sent(Prompt.REACH_OUT);
    press("Marisol");
    say("/pod remove Marisol");
    sent(Prompt.REACH_OUT_FOLLOW_UP);

    assertThat(text(last)).contains("reaching out to someone").doesNotContain("Marisol");
  }

  @Test
  void forgetTakesTheReachOutAndItsAnswers() {
    setUp("20:00", "Europe/London");
    say("/pod add core Marisol");
    sent(Prompt.REACH_OUT);
    press("Marisol");
    conversation.handle(ALEX, new Incoming.Command("forget", ""));
    last =
        conversation.handle(
            ALEX, new Incoming.ButtonPress(new org.porchlight.core.Action.Forget(true).encode()));

    assertThat(store.reachOuts).doesNotContainKey(ALEX);
    assertThat(store.reachOutAnswers).doesNotContainKey(ALEX);
    assertThat(last).extracting(Reply::text).anyMatch(t -> t.contains("gone"));
    assertThat(Optional.ofNullable(store.members.get(ALEX))).isEmpty();
  }
}
