package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Community;
import org.porchlight.core.Incoming;
import org.porchlight.core.Meeting;

/** A community's weekly meetings, as a member sees them: the next one, in their own time. */
class WeeklyMeetingsTest extends ConversationDriver {
  private static final Community.Id HARBOUR = new Community.Id("discord", "1085261609959558209");

  @BeforeEach
  void aCommunityInLondonWithTwoMeetings() {
    store.save(
        new Community(
            HARBOUR,
            "Harbour Lights",
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(ZoneId.of("Europe/London")),
            List.of(
                new Meeting(
                    "Tuesday evening circle",
                    DayOfWeek.TUESDAY,
                    LocalTime.of(19, 0),
                    "https://meet.example.org/tue"),
                new Meeting("Walk and talk", DayOfWeek.THURSDAY, LocalTime.of(18, 30), "")),
            Set.of(LocalDate.of(2026, 11, 24))));
    // NOW is Saturday 21 November 2026, 11:00 in New York.
    setUp("20:00", "America/New_York");
    conversation.handle(
        ALEX, new Incoming.Command("checkin", ""), new Community.Place(HARBOUR, "Harbour Lights"));
  }

  @Test
  void groupNamesTheNextMeetingInTheMembersOwnTimeSkippingADayOff() {
    say("/group");

    // Tuesday's circle is off this week: Thursday's walk, 18:30 in London, 13:30 in New York.
    assertThat(text(last)).isEqualTo("Walk and talk: Thursday at 13:30 your time, in 5 days.");
  }

  @Test
  void aMemberOfTwoGroupsSeesBothAndPicksAHome() {
    Community.Id tide = new Community.Id("discord", "1085261609959558210");
    store.save(
        new Community(
            tide,
            "Tide Pool",
            List.of("https://meet.example.org/tide"),
            Optional.of("Sundays at noon"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    clock.advance(Duration.ofMinutes(1));
    conversation.handle(
        ALEX, new Incoming.Command("checkin", ""), new Community.Place(tide, "Tide Pool"));
    clock.advance(Duration.ofMinutes(1));

    say("/group");
    assertThat(text(last))
        .contains("Tide Pool meets Sundays at noon")
        .contains("Your groups: Tide Pool (home), Harbour Lights.");
    press("Make Harbour Lights my home");

    assertThat(text(last))
        .contains("Harbour Lights is your home group now")
        .contains("Walk and talk: Thursday at 13:30 your time");
    say("/group");
    assertThat(text(last)).contains("Your groups: Harbour Lights (home), Tide Pool.");
  }

  @Test
  void theRoughDayReplyNamesItToo() {
    clock.advance(Duration.ofDays(5).plusHours(8));
    say("/checkin");
    press("Rough day");

    assertThat(text(last))
        .contains("Tuesday evening circle: Tuesday at 14:00 your time, in 5 days.")
        .contains("https://meet.example.org/tue");
  }
}
