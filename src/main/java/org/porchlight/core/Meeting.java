package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * One of a community's weekly meetings: a day and a time in the community's zone, a name, and where
 * (a link or a place). "Tuesday evening circle, 19:00 Europe/London".
 */
public record Meeting(String name, DayOfWeek day, LocalTime time, String where) {
  public static final int MAX_NAME = 60;
  public static final int MAX_WHERE = 200;
  // Far enough to step over a run of cancellations, near enough to stay cheap.
  private static final int WEEKS_LOOKED_AHEAD = 8;

  public Meeting {
    requireNonNull(name, "name == null");
    requireNonNull(day, "day == null");
    requireNonNull(time, "time == null");
    requireNonNull(where, "where == null");
    if (name.indexOf('|') >= 0) throw new IllegalArgumentException("a meeting's name has no bar");
  }

  /** A meeting as it next happens. */
  public record Next(Meeting meeting, ZonedDateTime at) {}

  /**
   * When this meeting next starts after {@code now}, in {@code zone}, skipping the days in {@code
   * cancelled} (the community's dates); empty when every week ahead is cancelled.
   */
  public Optional<ZonedDateTime> nextAfter(Instant now, ZoneId zone, Set<LocalDate> cancelled) {
    ZonedDateTime from = now.atZone(zone);
    LocalDate date = from.toLocalDate().with(TemporalAdjusters.nextOrSame(day));
    for (int week = 0; week <= WEEKS_LOOKED_AHEAD; week++, date = date.plusWeeks(1)) {
      // A time the clocks skip moves forward by the gap, as ZonedDateTime.of does.
      ZonedDateTime at = ZonedDateTime.of(date, time, zone);
      if (at.toInstant().isAfter(now) && !cancelled.contains(date)) return Optional.of(at);
    }
    return Optional.empty();
  }

  /** The soonest of {@code meetings} after {@code now}. */
  public static Optional<Next> soonest(
      Collection<Meeting> meetings, Instant now, ZoneId zone, Set<LocalDate> cancelled) {
    return meetings.stream()
        .flatMap(
            meeting ->
                meeting.nextAfter(now, zone, cancelled).map(at -> new Next(meeting, at)).stream())
        .min(Comparator.comparing(next -> next.at().toInstant()));
  }
}
