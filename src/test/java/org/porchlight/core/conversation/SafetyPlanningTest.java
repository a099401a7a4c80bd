package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.MemberId;
import org.porchlight.core.SafetyPlan.Section;

/** /plan: six questions one at a time, skippable, changeable; shown first in a crisis reply. */
class SafetyPlanningTest extends ConversationDriver {

  private void writeAPlan() {
    say("/plan");
    press("Start my plan");
    say("Not sleeping, cancelling on people");
    press("Skip this one");
    say("The allotment, Jo's kitchen");
    say("Marisol, 07700 900123");
    say("My counsellor at the surgery");
    press("Skip this one");
  }

  @Test
  void thePlanIsAskedOneStepAtATimeAndShownBack() {
    setUp("20:00", "Europe/London");
    say("/plan");
    assertThat(text(last)).contains("safety plan");
    press("Start my plan");
    assertThat(text(last)).startsWith("1 of 6");
    say("Not sleeping, cancelling on people");
    assertThat(text(last)).startsWith("2 of 6");
    press("Skip this one");
    assertThat(text(last)).startsWith("3 of 6");
    say("The allotment, Jo's kitchen");
    say("Marisol, 07700 900123");
    say("My counsellor at the surgery");
    press("Skip this one");

    assertThat(text(last))
        .contains(
            "That's your plan",
            "Warning signs:\nNot sleeping, cancelling on people",
            "People I can ask for help:\nMarisol, 07700 900123",
            "My counsellor at the surgery",
            "Samaritans");
    assertThat(text(last)).doesNotContain("Things I can do on my own");
    assertThat(store.plan(ALEX).answers()).hasSize(4);
    assertThat(store.members.get(ALEX).awaiting()).isEqualTo(Awaiting.NOTHING);
  }

  @Test
  void thePeopleQuestionOffersThePodsNames() {
    say("/pod add core Marisol");
    say("/pod add outer Tuesday group");
    say("/plan");
    press("Start my plan");
    press("Skip this one");
    press("Skip this one");
    press("Skip this one");

    assertThat(text(last)).contains("4 of 6", "From your pod: Marisol.");
  }

  @Test
  void changingThePlanShowsEachAnswerAndKeepsWhatIsNotChanged() {
    writeAPlan();
    say("/plan");
    press("Change it");
    assertThat(text(last)).contains("Right now it says: Not sleeping, cancelling on people");
    press("Keep it as it is");
    say("Music, loud");
    press("Finish later");

    assertThat(text(last)).contains("we'll stop here");
    assertThat(store.plan(ALEX).answer(Section.WARNING_SIGNS))
        .contains("Not sleeping, cancelling on people");
    assertThat(store.plan(ALEX).answer(Section.ON_MY_OWN)).contains("Music, loud");
    say("rough day");
    assertThat(store.plan(ALEX).answers()).hasSize(5);
  }

  @Test
  void everyCrisisReplyShowsThePlanFirstThenTheLines() {
    setUp("20:00", "Europe/London");
    writeAPlan();
    say("I want to end my life");

    assertThat(last).hasSize(2);
    assertThat(last.get(0).text())
        .contains("Your plan, in your own words", "Marisol, 07700 900123");
    assertThat(last.get(1).text()).contains("Samaritans");
  }

  @Test
  void aCrisisSaidInAGroupNeverShowsThePlan() {
    setUp("20:00", "Europe/London");
    writeAPlan();

    String said = conversation.crisisCheck(ALEX, "I want to end my life").orElseThrow().text();
    assertThat(said).contains("Samaritans").doesNotContain("Marisol");
  }

  @Test
  void crisisWordsWrittenIntoThePlanGetTheLinesAndAreKept() {
    setUp("20:00", "Europe/London");
    say("/plan");
    press("Start my plan");
    say("when I start thinking I want to kill myself");

    assertThat(text(last)).contains("Samaritans").doesNotContain("2 of 6");
    assertThat(store.plan(ALEX).answer(Section.WARNING_SIGNS))
        .contains("when I start thinking I want to kill myself");
    assertThat(store.members.get(ALEX).awaiting())
        .as("paused, not asked on straight after the lines")
        .isEqualTo(Awaiting.NOTHING);
  }

  @Test
  void aPlanLeftHalfWrittenLongAgoDoesNotCatchTodaysWords() {
    setUp("20:00", "Europe/London");
    say("/plan");
    press("Start my plan");
    clock.advance(java.time.Duration.ofMinutes(31));
    say("rough day");

    assertThat(store.plan(ALEX).isEmpty()).isTrue();
    assertThat(today().orElseThrow().mood().orElseThrow().key()).isEqualTo("rough");
  }

  @Test
  void thePlanIsDeletedOnlyWhenConfirmed() {
    writeAPlan();
    say("/plan");
    press("Delete it");
    press("Keep my plan");
    assertThat(store.plan(ALEX).isEmpty()).isFalse();
    say("/plan");
    press("Delete it");
    press("Yes, delete it");

    assertThat(store.plan(ALEX).isEmpty()).isTrue();
  }

  @Test
  void forgetErasesThePodAndThePlan() {
    say("/pod add core Marisol");
    writeAPlan();
    say("/forget");
    press("Yes, erase everything");

    assertThat(store.pod(ALEX).isEmpty()).isTrue();
    assertThat(store.plan(ALEX).isEmpty()).isTrue();
    assertThat(store.pods).doesNotContainKey(ALEX);
    assertThat(store.plans).doesNotContainKey(ALEX);
  }

  @Test
  void anAnswerTooLongIsAskedAgain() {
    say("/plan");
    press("Start my plan");
    say("x".repeat(501));
    assertThat(text(last)).contains("more than 500 characters");
    say("Short now");

    assertThat(store.plan(ALEX).answer(Section.WARNING_SIGNS)).contains("Short now");
  }

  @Test
  void somebodyElsesPlanIsNeverShown() {
    writeAPlan();
    MemberId kim = new MemberId("test", "kim");
    String said =
        String.join(
            "\n",
            conversation
                .handle(kim, new org.porchlight.core.Incoming.FreeText("I want to end my life"))
                .stream()
                .map(org.porchlight.core.Reply::text)
                .toList());
    assertThat(said).contains("Find A Helpline").doesNotContain("Marisol");
  }
}
