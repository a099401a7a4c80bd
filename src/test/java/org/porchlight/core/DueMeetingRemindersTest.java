package org.porchlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the sweep decides a member's reminder before their group meets, and looks again. */
class DueMeetingRemindersTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  // Monday 23 November 2026, 20:00 in London: the circle meets tomorrow at 19:00.
  private static final Instant MONDAY_EVENING = Instant.parse("2026-11-23T20:00:00Z");
  private static final Community HARBOUR =
      new Community(
          new Community.Id("telegram", "-1001987654321"),
          "Harbour Lights",
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.of(LONDON),
          List.of(
              new Meeting(
                  "Evening circle", DayOfWeek.TUESDAY, LocalTime.of(19, 0), "https://m.example/c")),
          Set.of());
  private static final Member ALEX =
      Member.arriving(new MemberId("telegram", "1001"), "en", MONDAY_EVENING)
          .withCheckInTime(LocalTime.of(9, 0))
          .withZone(LONDON);

  @Test
  void aDayAheadTheReminderIsDecidedAndTheMemberIsLookedAtAgainWithinTheHour() {
    MeetingReminder dayAhead =
        MeetingReminder.DEFAULT.withOn(true).withBefore(Duration.ofHours(24));

    DueMeetingReminders.Outcome outcome =
        DueMeetingReminders.due(ALEX, true, dayAhead, Optional.of(HARBOUR), MONDAY_EVENING);

    assertThat(outcome.decision()).isInstanceOf(DueMeetingReminders.Remind.class);
    // Not only at the meeting's start, 23 hours away: a meeting added before it is seen.
    assertThat(outcome.nextLookAt())
        .contains(MONDAY_EVENING.plus(DueMeetingReminders.LOOK_AGAIN_WITHIN));
  }

  @Test
  void anHourBeforeTheNextLookIsTheMeetingsStart() {
    Instant hourBefore = LocalDate.of(2026, 11, 24).atTime(18, 15).atZone(LONDON).toInstant();

    DueMeetingReminders.Outcome outcome =
        DueMeetingReminders.due(
            ALEX, true, MeetingReminder.DEFAULT.withOn(true), Optional.of(HARBOUR), hourBefore);

    assertThat(outcome.decision()).isInstanceOf(DueMeetingReminders.Remind.class);
    assertThat(outcome.nextLookAt())
        .contains(LocalDate.of(2026, 11, 24).atTime(19, 0).atZone(LONDON).toInstant());
  }
}
