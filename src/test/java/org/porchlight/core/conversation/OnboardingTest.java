package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Member;
import org.porchlight.core.Reply;

/** Onboarding: the welcome, then the check-in time and the time zone. */
class OnboardingTest extends ConversationDriver {
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
}
