package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Member;

/** What a turn notes of the member: when they were last heard from. */
class HearingFromMembersTest extends ConversationDriver {
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
}
