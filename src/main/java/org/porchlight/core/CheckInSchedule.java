package org.porchlight.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When a member's next check-in is due, from their time, zone, days, quiet hours and pause. */
public final class CheckInSchedule {
  // Long enough to step over the longest pause (a year) and a week of unchosen days.
  private static final int DAYS_AHEAD = 400;

  private CheckInSchedule() {}

  /**
   * The first check-in strictly after {@code after}; empty until the member has chosen a time and a
   * zone, or while they are paused until /resume. On a day when the chosen time does not exist (the
   * clocks jump forward), the check-in moves forward by the gap; when it happens twice (the clocks
   * go back), it is due once, at the first.
   */
  public static Optional<Instant> next(Member member, Instant after) {
    if (!member.isSetUp()) return Optional.empty();
    ZoneId zone = member.zone().orElseThrow();
    LocalDate date = LocalDate.ofInstant(after, zone);
    for (int i = 0; i < DAYS_AHEAD; i++, date = date.plusDays(1)) {
      if (!member.days().contains(date.getDayOfWeek()) || member.isPausedOn(date)) continue;
      ZonedDateTime due = ZonedDateTime.of(date, member.checkInTime().orElseThrow(), zone);
      if (member.quietHours().contains(due.toLocalTime())) continue;
      if (due.toInstant().isAfter(after)) return Optional.of(due.toInstant());
    }
    return Optional.empty();
  }
}
