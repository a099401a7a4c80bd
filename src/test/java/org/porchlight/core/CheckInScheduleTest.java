package org.porchlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckInScheduleTest {
  private static final MemberId ID = new MemberId("test", "sam");
  private static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  private static Member member(String time, String zone) {
    return Member.arriving(ID, "en", Instant.EPOCH)
        .withCheckInTime(LocalTime.parse(time))
        .withZone(ZoneId.of(zone));
  }

  @Test
  void nextCheckInIsTodayWhenTheTimeIsStillAhead() {
    assertThat(
            CheckInSchedule.next(
                member("20:00", "Europe/London"), Instant.parse("2026-11-21T16:00:00Z")))
        .contains(Instant.parse("2026-11-21T20:00:00Z"));
  }

  @Test
  void nextCheckInIsTomorrowOnceTodaysHasPassed() {
    assertThat(
            CheckInSchedule.next(
                member("20:00", "Europe/London"), Instant.parse("2026-11-21T20:00:00Z")))
        .contains(Instant.parse("2026-11-22T20:00:00Z"));
  }

  @Test
  void theLocalTimeHoldsAcrossTheSpringChange() {
    // London moves to BST on Sunday 29 March 2026: 20:00 local is 20:00 UTC before, 19:00 after.
    Member member = member("20:00", "Europe/London");
    assertThat(CheckInSchedule.next(member, Instant.parse("2026-03-28T21:00:00Z")))
        .contains(Instant.parse("2026-03-29T19:00:00Z"));
  }

  @Test
  void aTimeThatDoesNotExistThatDayMovesForward() {
    // On 8 March 2026 New York skips from 02:00 to 03:00: a 02:30 check-in comes at 03:30 EDT.
    Member member = member("02:30", "America/New_York").withQuietHours(NONE);
    assertThat(CheckInSchedule.next(member, Instant.parse("2026-03-08T05:00:00Z")))
        .contains(Instant.parse("2026-03-08T07:30:00Z"));
  }

  @Test
  void aTimeThatHappensTwiceFiresOnceAtTheFirst() {
    // On 25 October 2026 London's 01:30 happens twice: first at 00:30 UTC (BST), then 01:30 UTC.
    Member member = member("01:30", "Europe/London").withQuietHours(NONE);
    Instant first =
        CheckInSchedule.next(member, Instant.parse("2026-10-24T23:00:00Z")).orElseThrow();
    assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    assertThat(CheckInSchedule.next(member, first)).contains(Instant.parse("2026-10-26T01:30:00Z"));
  }

  @Test
  void onlyTheChosenDaysAreCounted() {
    Member member = member("09:00", "Europe/Berlin").withDays(EnumSet.of(DayOfWeek.MONDAY));
    // Saturday 21 November: the next Monday is the 23rd.
    assertThat(CheckInSchedule.next(member, Instant.parse("2026-11-21T12:00:00Z")))
        .contains(Instant.parse("2026-11-23T08:00:00Z"));
  }

  @Test
  void pausedDaysAreSkipped() {
    Member member =
        member("20:00", "Europe/London").withPause(true, Optional.of(LocalDate.of(2026, 11, 23)));
    assertThat(CheckInSchedule.next(member, Instant.parse("2026-11-21T12:00:00Z")))
        .contains(Instant.parse("2026-11-24T20:00:00Z"));
  }

  @Test
  void pausedUntilResumeHasNoNextCheckIn() {
    Member member = member("20:00", "Europe/London").withPause(true, Optional.empty());
    assertThat(CheckInSchedule.next(member, Instant.parse("2026-11-21T12:00:00Z"))).isEmpty();
  }

  @Test
  void aCheckInThatWouldFallInQuietHoursIsNotScheduled() {
    Member member = member("23:00", "Europe/London");
    assertThat(CheckInSchedule.next(member, Instant.parse("2026-11-21T12:00:00Z"))).isEmpty();
  }

  @Test
  void noTimeOrZoneMeansNoCheckInYet() {
    Member member = Member.arriving(ID, "en", Instant.EPOCH).withCheckInTime(LocalTime.NOON);
    assertThat(CheckInSchedule.next(member, Instant.EPOCH)).isEmpty();
  }
}
