package org.porchlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a weekly meeting next happens: its day, its zone, days off, and the clocks changing. */
class MeetingTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Meeting TUESDAY =
      new Meeting("Evening circle", DayOfWeek.TUESDAY, LocalTime.of(19, 0), "https://m.example/t");
  private static final Meeting THURSDAY =
      new Meeting("Walk", DayOfWeek.THURSDAY, LocalTime.of(18, 30), "Town park gates");
  // Saturday 21 November 2026, 16:00 in London.
  private static final Instant SATURDAY = Instant.parse("2026-11-21T16:00:00Z");

  @Test
  void theNextIsTheComingDayOfTheWeekAtItsTimeInTheCommunitysZone() {
    assertThat(TUESDAY.nextAfter(SATURDAY, LONDON, Set.of()))
        .contains(ZonedDateTime.of(2026, 11, 24, 19, 0, 0, 0, LONDON));
  }

  @Test
  void earlierOnTheDayItIsTodayAndAfterItsTimeItIsNextWeek() {
    Instant tuesdayMorning = Instant.parse("2026-11-24T09:00:00Z");
    Instant tuesdayLate = Instant.parse("2026-11-24T19:00:01Z");

    assertThat(TUESDAY.nextAfter(tuesdayMorning, LONDON, Set.of()).orElseThrow().getDayOfMonth())
        .isEqualTo(24);
    assertThat(TUESDAY.nextAfter(tuesdayLate, LONDON, Set.of()).orElseThrow().getDayOfMonth())
        .isEqualTo(1);
  }

  @Test
  void aDayOffSkipsToTheWeekAfter() {
    assertThat(TUESDAY.nextAfter(SATURDAY, LONDON, Set.of(LocalDate.of(2026, 11, 24))))
        .contains(ZonedDateTime.of(2026, 12, 1, 19, 0, 0, 0, LONDON));
  }

  @Test
  void theSoonestOfSeveralMeetingsComesFirst() {
    Meeting.Next next =
        Meeting.soonest(
                List.of(THURSDAY, TUESDAY), SATURDAY, LONDON, Set.of(LocalDate.of(2026, 11, 24)))
            .orElseThrow();

    assertThat(next.meeting()).isEqualTo(THURSDAY);
    assertThat(next.at()).isEqualTo(ZonedDateTime.of(2026, 11, 26, 18, 30, 0, 0, LONDON));
  }

  @Test
  void aTimeTheClocksSkipMovesForwardByTheGap() {
    Meeting early = new Meeting("Early", DayOfWeek.SUNDAY, LocalTime.of(1, 30), "");
    // Sunday 29 March 2026: London's clocks go from 01:00 to 02:00.
    Instant saturday = Instant.parse("2026-03-28T12:00:00Z");

    assertThat(early.nextAfter(saturday, LONDON, Set.of()).orElseThrow().toLocalTime())
        .isEqualTo(LocalTime.of(2, 30));
  }
}
