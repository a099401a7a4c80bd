package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberId;
import org.porchlight.core.Prompt;
import org.porchlight.core.Reply;

/** /buddy: an invitation, a yes, one line to the buddy when asked, once a day; ending it. */
class BuddyLinksTest extends ConversationDriver {
  // On another platform: a Telegram member's buddy may be on Discord.
  private static final MemberId SAM = new MemberId("discord", "1085261609959558209");
  private static final Pattern CODE = Pattern.compile("/buddy accept ([A-Z0-9]{10})");

  private List<Reply> samSays(String text) {
    last =
        conversation.handle(
            SAM,
            Incoming.Command.parse(text)
                .<Incoming>map(c -> c)
                .orElseGet(() -> new Incoming.FreeText(text)));
    return last;
  }

  private List<Reply> samPresses(String label) {
    Reply.Button button =
        last.stream()
            .flatMap(reply -> reply.buttons().stream())
            .filter(b -> b.label().equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + last));
    last = conversation.handle(SAM, new Incoming.ButtonPress(button.data()));
    return last;
  }

  /** Alex invites; returns the code. */
  private String invite() {
    say("/buddy");
    assertThat(text(last)).contains("What name should they know you by?");
    say("Alex");
    Matcher code = CODE.matcher(text(last));
    assertThat(code.find()).as("a code in " + text(last)).isTrue();
    return code.group(1);
  }

  private void linked() {
    setUp("20:00", "Europe/London");
    samSays("/buddy accept " + invite());
    samPresses("Yes, I'll be their buddy");
  }

  @Test
  void anInvitationIsAcceptedAcrossPlatformsAndTheMemberIsTold() {
    setUp("20:00", "Europe/London");
    conversation.knownAs("telegram", "porchlight_bot");
    String code = invite();
    assertThat(text(last))
        .contains("https://t.me/porchlight_bot?start=b_" + code)
        .contains("/buddy accept " + code);

    samSays("/buddy accept " + code.toLowerCase());
    assertThat(text(last))
        .contains("Alex would like you as their buddy")
        .contains("never their words");
    samPresses("Yes, I'll be their buddy");

    assertThat(text(last)).contains("Thank you for saying yes");
    assertThat(store.buddyOf(ALEX)).map(b -> b.buddy()).contains(SAM);
    assertThat(store.told).containsExactly("alex buddy-yes 2026-11-21");
    samSays("/buddy accept " + code);
    assertThat(text(last)).as("one-time").contains("doesn't work any more");
  }

  @Test
  void theTelegramLinkOpensTheInvitationToo() {
    setUp("20:00", "Europe/London");
    String code = invite();
    samSays("/start b_" + code);

    assertThat(text(last)).contains("Alex would like you as their buddy");
  }

  @Test
  void letMyBuddyKnowSendsOneLineOnceADay() {
    linked();
    store.told.clear();
    say("/checkin");
    press("Rough day");
    assertThat(labels(last)).contains("Let my buddy know");
    press("Let my buddy know");
    assertThat(text(last)).contains("I've let your buddy know");
    say("/buddy");
    press("Let my buddy know");
    assertThat(text(last)).contains("already let your buddy know today");
    assertThat(store.told).containsExactly("1085261609959558209 buddy-nudge 2026-11-21");

    Reply line =
        conversation
            .prompt(
                Prompt.BUDDY_NUDGE, store.members.get(SAM), java.time.LocalDate.of(2026, 11, 21))
            .orElseThrow();
    assertThat(line.text())
        .isEqualTo(
            "Alex could use a kind message today. However you usually reach them is perfect;"
                + " there's no need to mention me.");

    clock.advance(Duration.ofDays(1));
    say("/buddy");
    press("Let my buddy know");
    assertThat(store.told).hasSize(2);
  }

  @Test
  void afterARunOfRoughDaysTheBuddyIsToldOnlyWhenTurnedOn() {
    linked();
    store.told.clear();
    answerDays("Rough day", "Rough day", "Rough day");
    assertThat(store.told).as("off by default").isEmpty();

    say("/buddy auto on");
    assertThat(text(last)).contains("on my own too");
    answerDays("Honestly fine", "Rough day", "Rough day", "Rough day");
    assertThat(store.told).hasSize(1).allMatch(line -> line.contains("buddy-nudge"));
  }

  @Test
  void theCrisisReplyOffersLetMyBuddyKnow() {
    linked();
    say("I want to end my life");

    assertThat(labels(last)).contains("Let my buddy know");
    assertThat(text(last)).contains("Samaritans");
  }

  @Test
  void eitherSideEndsItAndTheOtherIsToldOnlyThatItEnded() {
    linked();
    store.told.clear();
    samSays("/buddy end");

    assertThat(text(last)).contains("buddy link has ended");
    assertThat(store.buddyOf(ALEX)).isEmpty();
    assertThat(store.told).containsExactly("alex buddy-ended 2026-11-21");
    assertThat(
            conversation
                .prompt(Prompt.BUDDY_ENDED, store.members.get(ALEX), null)
                .orElseThrow()
                .text())
        .doesNotContain("Sam")
        .contains("has ended");
  }

  @Test
  void forgetEndsTheLinkAndTellsTheBuddyOnlyThatItEnded() {
    linked();
    store.told.clear();
    say("/forget");
    press("Yes, erase everything");

    assertThat(store.buddies).isEmpty();
    assertThat(store.told).containsExactly("1085261609959558209 buddy-ended 2026-11-21");
  }

  @Test
  void aBuddyWhoCannotBeReachedGetsNothingAndTheMemberIsTold() {
    linked();
    store.told.clear();
    conversation.unreachable(Prompt.BUDDY_NUDGE, SAM);
    assertThat(store.told).containsExactly("alex buddy-gone 2026-11-21");
    store.setReachable(SAM, false);

    say("/buddy");
    press("Let my buddy know");
    assertThat(text(last)).contains("couldn't reach your buddy");
    assertThat(store.told).hasSize(1);
  }

  @Test
  void halfTypedBuddyCommandsGetTheUsage() {
    linked();
    say("/buddy auto");
    assertThat(text(last)).contains("/buddy auto on");
    say("/buddy help");
    assertThat(text(last)).contains("/buddy accept CODE").doesNotContain("doesn't work");
    assertThat(store.buddyOf(ALEX).orElseThrow().afterRoughRun()).isFalse();
  }

  @Test
  void inAServerTheNameComesWithTheCommand() {
    setUp("20:00", "Europe/London");
    last =
        conversation.handle(
            ALEX,
            new Incoming.Command("buddy", ""),
            new org.porchlight.core.Community.Place(
                new org.porchlight.core.Community.Id("discord", "1085261609959558209"),
                "Harbour Lights"));
    assertThat(text(last)).contains("/buddy name Sam");
    assertThat(store.members.get(ALEX).awaiting())
        .isEqualTo(org.porchlight.core.Member.Awaiting.NOTHING);
    say("/buddy name Alex");

    assertThat(text(last)).containsPattern(CODE);
  }

  @Test
  void invitationsThatCannotBeUsedAreRefusedKindly() {
    setUp("20:00", "Europe/London");
    String code = invite();
    say("/buddy accept " + code);
    assertThat(text(last)).contains("your own invitation");
    samSays("/buddy accept NOPE234567");
    assertThat(text(last)).contains("doesn't work any more");

    samSays("/buddy accept " + code);
    samPresses("No, thanks");
    assertThat(text(last)).contains("Alex won't be told anything");
    assertThat(store.buddyOf(ALEX)).isEmpty();
    assertThat(store.told).isEmpty();
  }
}
