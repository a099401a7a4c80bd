package org.porchlight.discord;

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
import org.porchlight.core.Community;
import org.porchlight.core.Meeting;
import org.porchlight.core.port.MeetingEventStore.MeetingEvent;

/** Which events a server's weekly meetings need, decided without Discord. */
class MeetingEventsPlanTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // Monday 7 December 2026, noon in Berlin.
  private static final Instant MONDAY = Instant.parse("2026-12-07T11:00:00Z");
  private static final Meeting CIRCLE =
      new Meeting("Evening circle", DayOfWeek.TUESDAY, LocalTime.of(19, 0), "https://m.example/c");
  // Tuesday 8 December, 19:00 in Berlin.
  private static final Instant TUESDAY = Instant.parse("2026-12-08T18:00:00Z");

  @Test
  void aDayOffMovesTheEventToTheWeekAfter() {
    Community withDayOff = community(Set.of(LocalDate.of(2026, 12, 8)));

    assertThat(MeetingEvents.plan(List.of(), withDayOff, MONDAY))
        .containsExactly(new MeetingEvents.Change.Create(CIRCLE, TUESDAY.plus(Duration.ofDays(7))));
  }

  @Test
  void anEventStillToComeIsMovedWhenItsDayBecomesADayOff() {
    MeetingEvent event = new MeetingEvent(CIRCLE, "1", TUESDAY, TUESDAY.plus(MeetingEvents.LENGTH));

    assertThat(
            MeetingEvents.plan(
                List.of(event), community(Set.of(LocalDate.of(2026, 12, 8))), MONDAY))
        .containsExactly(
            new MeetingEvents.Change.Update(event, CIRCLE, TUESDAY.plus(Duration.ofDays(7))));
  }

  @Test
  void anEventUnderWayIsLeftUntilItEnds() {
    MeetingEvent event = new MeetingEvent(CIRCLE, "1", TUESDAY, TUESDAY.plus(MeetingEvents.LENGTH));

    assertThat(MeetingEvents.plan(List.of(event), community(Set.of()), TUESDAY.plusSeconds(1800)))
        .isEmpty();
    assertThat(
            MeetingEvents.plan(
                List.of(event), community(Set.of()), TUESDAY.plus(Duration.ofHours(2))))
        .containsExactly(
            new MeetingEvents.Change.Delete(event),
            new MeetingEvents.Change.Create(CIRCLE, TUESDAY.plus(Duration.ofDays(7))));
  }

  @Test
  void anEventAsItShouldBeIsLeftAlone() {
    MeetingEvent event = new MeetingEvent(CIRCLE, "1", TUESDAY, TUESDAY.plus(MeetingEvents.LENGTH));

    assertThat(MeetingEvents.plan(List.of(event), community(Set.of()), MONDAY)).isEmpty();
  }

  private static Community community(Set<LocalDate> cancelled) {
    return new Community(
        new Community.Id("discord", "1085261609959558209"),
        "Harbour",
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(BERLIN),
        List.of(CIRCLE),
        cancelled);
  }
}
