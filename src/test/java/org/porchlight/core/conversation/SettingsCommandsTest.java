package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.core.QuietHours;
import org.porchlight.core.Reply;

/** The settings commands and their errors. */
class SettingsCommandsTest extends ConversationDriver {
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
  void quietHoursThatStartWhenTheyEndAreRefusedWithAnExampleThatWorks() {
    setUp("09:00", "Europe/London");
    List<Reply> replies = say("/quiet 22:00-22:00");

    assertThat(text(replies))
        .contains("start and end at 22:00")
        .contains("/quiet 22:00-08:00")
        .contains("/quiet off")
        .doesNotContain("Quiet hours: 22:00-22:00");
    assertThat(store.members.get(ALEX).quietHours()).isEqualTo(QuietHours.DEFAULT);
    assertThat(store.members.get(ALEX).nextCheckInAt()).isPresent();
  }

  @Test
  void quietOffStillMeansNone() {
    setUp("09:00", "Europe/London");
    say("/quiet off");

    assertThat(store.members.get(ALEX).quietHours()).isEqualTo(QuietHours.OFF);
    assertThat(store.members.get(ALEX).quietHours().contains(LocalTime.of(23, 0))).isFalse();
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
}
