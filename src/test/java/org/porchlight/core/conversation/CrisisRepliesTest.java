package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Reply;

/** Crisis language: the lines of the member's country, never a step. */
class CrisisRepliesTest extends ConversationDriver {
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
}
