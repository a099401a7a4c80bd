package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.Pod;
import org.porchlight.core.Pod.Ring;
import org.porchlight.core.Step;
import org.porchlight.core.TestContent;

/**
 * /pod: building the rings with buttons and prompts, or typed; steps that name the people in it.
 */
class PodCommandsTest extends ConversationDriver {

  @Test
  void anEmptyPodExplainsTheThreeRingsAndOffersToAdd() {
    setUp("20:00", "Europe/London");
    say("/pod");

    assertThat(text(last)).contains("Core circle", "Movable people", "Outer resources");
    assertThat(labels(last))
        .containsExactly("+ Core circle", "+ Movable person", "+ Outer resource");
  }

  @Test
  void aPodIsBuiltWithButtonsAndAShortPrompt() {
    setUp("20:00", "Europe/London");
    say("/pod");
    press("+ Core circle");
    assertThat(text(last)).contains("Who's in your core circle?");
    say("Marisol");
    assertThat(text(last)).contains("Added Marisol to your core circle.", "Core circle: Marisol");
    press("+ Movable person");
    say("  Dev   from work ");
    press("+ Outer resource");
    say("Tuesday group");

    assertThat(store.pod(ALEX).entries())
        .containsExactly(
            new Pod.Entry(Ring.CORE, "Marisol"),
            new Pod.Entry(Ring.MOVABLE, "Dev from work"),
            new Pod.Entry(Ring.OUTER, "Tuesday group"));
    assertThat(text(last))
        .contains(
            "Core circle: Marisol",
            "Movable people: Dev from work",
            "Outer resources: Tuesday group");
    assertThat(store.members.get(ALEX).awaiting()).isEqualTo(Awaiting.NOTHING);
  }

  @Test
  void namesAreTypedInFullToo() {
    say("/pod add core Sam");
    say("/pod add outer my counsellor");
    say("/pod rename my counsellor Dr Okafor");
    say("/pod remove sam");

    assertThat(store.pod(ALEX).entries()).containsExactly(new Pod.Entry(Ring.OUTER, "Dr Okafor"));
    say("/pod add nobody Sam");
    assertThat(text(last)).contains("/pod add core Sam");
    say("/pod remove Kim");
    assertThat(text(last)).contains("couldn't find Kim");
  }

  @Test
  void halfTypedCommandsAskOrExplainInsteadOfGuessing() {
    say("/pod add core Sam");
    say("/pod rename Sam");
    assertThat(text(last)).contains("What should I call Sam now?");
    say("Sammy");
    say("/pod remove");
    assertThat(text(last)).contains("/pod remove Sam");

    assertThat(store.pod(ALEX).entries()).containsExactly(new Pod.Entry(Ring.CORE, "Sammy"));
  }

  @Test
  void whenTheModelAsksAboutCrisisAWaitForANameEnds() {
    setUp("20:00", "Europe/London");
    String unsure = "gave my records away this week, won't need them after Saturday";
    conversation.understanding(
        new org.porchlight.core.reading.FakeMeaning()
            .saying(unsure, org.porchlight.core.reading.Sense.Crisis.ASK));
    say("/pod");
    press("+ Core circle");
    say(unsure);
    assertThat(text(last)).contains("Are you thinking about ending your life");
    say("yes");

    assertThat(store.pod(ALEX).isEmpty()).as("'yes' is not a name").isTrue();
  }

  @Test
  void aNameIsRenamedAndRemovedWithButtons() {
    say("/pod add core Sam");
    press("Change a name");
    press("Sam");
    press("Rename");
    assertThat(text(last)).contains("What should I call Sam now?");
    say("Sammy");
    assertThat(text(last)).contains("Sam is now Sammy");
    press("Change a name");
    press("Sammy");
    press("Remove");

    assertThat(text(last)).contains("Removed Sammy from your pod.");
    assertThat(store.pod(ALEX).isEmpty()).isTrue();
  }

  @Test
  void aButtonForSomeoneWhoHasSinceGoneIsStale() {
    say("/pod add core Sam");
    say("/pod add core Kim");
    press("Change a name");
    List<org.porchlight.core.Reply> list = last;
    say("/pod remove Sam");
    last = list;
    press("Sam");

    assertThat(text(last)).contains("older conversation");
    assertThat(store.pod(ALEX).entries()).containsExactly(new Pod.Entry(Ring.CORE, "Kim"));
  }

  @Test
  void namesTooLongOrEmptyAreAskedAgain() {
    say("/pod");
    press("+ Core circle");
    say("x".repeat(Pod.MAX_NAME + 1));
    assertThat(text(last)).contains("up to 40 characters");
    say("Sam");

    assertThat(store.pod(ALEX).entries()).containsExactly(new Pod.Entry(Ring.CORE, "Sam"));
  }

  @Test
  void twelveNamesFillThePod() {
    for (int i = 1; i <= Pod.MAX_ENTRIES; i++) say("/pod add core Friend " + i);
    assertThat(labels(last)).doesNotContain("+ Core circle");
    say("/pod add core One more");

    assertThat(text(last)).contains("up to 12 names");
    assertThat(store.pod(ALEX).entries()).hasSize(Pod.MAX_ENTRIES);
  }

  @Test
  void crisisWordsTypedAsANameGetTheCrisisLinesAndAreNotKept() {
    setUp("20:00", "Europe/London");
    say("/pod");
    press("+ Core circle");
    say("I want to kill myself");

    assertThat(text(last)).contains("116 123");
    assertThat(store.pod(ALEX).isEmpty()).isTrue();
    assertThat(store.members.get(ALEX).awaiting()).isEqualTo(Awaiting.NOTHING);
  }

  @Test
  void aCommandInsteadOfANameEndsTheWait() {
    setUp("20:00", "Europe/London");
    say("/pod");
    press("+ Core circle");
    say("/checkin");
    say("rough day");

    assertThat(store.pod(ALEX).isEmpty()).isTrue();
    assertThat(today().orElseThrow().mood().orElseThrow().key()).isEqualTo("rough");
  }

  @Test
  void stepsNameTheCoreCircleInTurn() {
    content =
        TestContent.withSteps(
            List.of(
                new Step("a", "Call {someone}.", Step.Fits.ANY, Step.Company.WITH_OTHERS),
                new Step("b", "Text {someone}.", Step.Fits.ANY, Step.Company.WITH_OTHERS)));
    conversation = conversation();
    setUp("20:00", "Europe/London");
    say("/step");
    assertThat(text(last)).contains("someone you trust");
    say("/pod add core Marisol");
    say("/pod add core Dev");

    List<String> named = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      say("/step");
      named.add(text(last).replaceAll(".*(Marisol|Dev).*", "$1"));
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(named).containsExactly("Marisol", "Dev", "Marisol", "Dev");
  }

  @Test
  void stepsForTheOtherRingsComeOnlyWhenThoseRingsHaveSomeone() {
    content =
        TestContent.withSteps(
            List.of(
                new Step("plain", "Drink water.", Step.Fits.ANY, Step.Company.ALONE),
                new Step("outer", "Write to {outer}.", Step.Fits.ANY, Step.Company.ALONE),
                new Step("movable", "Wave at {movable}.", Step.Fits.ANY, Step.Company.ALONE)));
    conversation = conversation();
    setUp("20:00", "Europe/London");
    for (int i = 0; i < 3; i++) {
      say("/step");
      assertThat(text(last)).contains("Drink water.");
      clock.advance(Duration.ofMinutes(1));
    }
    say("/pod add outer Tuesday group");
    say("/step");

    assertThat(text(last)).contains("Write to Tuesday group.");
    assertThat(text(last)).doesNotContain("{");
  }
}
