package org.porchlight.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.porchlight.core.Community;
import org.porchlight.core.Meeting;
import org.porchlight.core.port.MeetingEventStore;
import org.porchlight.core.port.MeetingEventStore.MeetingEvent;

/** Which event stands for which weekly meeting, on a real database: H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MeetingEventStoreContract {
  private static final Community.Id HARBOUR = new Community.Id("discord", "1085261609959558209");
  private static final Community.Id PIER = new Community.Id("discord", "1302203327316102945");
  private static final Meeting CIRCLE =
      new Meeting(
          "Evening circle",
          DayOfWeek.TUESDAY,
          LocalTime.of(19, 0),
          "https://meet.example.org/circle");
  private static final Meeting WALK =
      new Meeting("Walk", DayOfWeek.THURSDAY, LocalTime.of(18, 30), "Pier 3 | the gate");
  private static final Instant TUESDAY = Instant.parse("2026-11-24T19:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private Database database;
  private MeetingEventStore events;

  abstract Database open();

  @BeforeEach
  void emptyDatabase() throws SQLException {
    if (database == null) {
      database = open();
      events = database.meetingEvents();
    }
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM communities");
    }
    database.communities().save(Community.unset(HARBOUR, "Harbour"));
    database.communities().save(Community.unset(PIER, "Pier"));
  }

  @AfterAll
  void close() {
    if (database != null) database.close();
  }

  @Test
  void anEventIsKeptWithItsMeetingAndItsTimes() {
    MeetingEvent event =
        new MeetingEvent(CIRCLE, "1311111111111111111", TUESDAY, TUESDAY.plus(HOUR));
    events.save(HARBOUR, event);

    assertThat(events.eventsOf(HARBOUR)).containsExactly(event);
    assertThat(events.eventsOf(PIER)).isEmpty();
  }

  @Test
  void savingTheSameEventAgainReplacesIt() {
    events.save(
        HARBOUR, new MeetingEvent(CIRCLE, "1311111111111111111", TUESDAY, TUESDAY.plus(HOUR)));
    Meeting later = new Meeting(CIRCLE.name(), DayOfWeek.WEDNESDAY, LocalTime.of(20, 15), "");
    Instant wednesday = TUESDAY.plus(Duration.ofHours(25).plusMinutes(15));
    MeetingEvent moved =
        new MeetingEvent(later, "1311111111111111111", wednesday, wednesday.plus(HOUR));
    events.save(HARBOUR, moved);

    assertThat(events.eventsOf(HARBOUR)).containsExactly(moved);
  }

  @Test
  void removingOneEventLeavesTheOthers() {
    MeetingEvent circle =
        new MeetingEvent(CIRCLE, "1311111111111111111", TUESDAY, TUESDAY.plus(HOUR));
    MeetingEvent walk =
        new MeetingEvent(
            WALK,
            "1322222222222222222",
            TUESDAY.plus(Duration.ofDays(2)),
            TUESDAY.plus(Duration.ofDays(2)).plus(HOUR));
    events.save(HARBOUR, circle);
    events.save(HARBOUR, walk);
    events.save(PIER, new MeetingEvent(WALK, "1333333333333333333", TUESDAY, TUESDAY.plus(HOUR)));

    events.remove(HARBOUR, "1311111111111111111");
    events.remove(HARBOUR, "1333333333333333333");

    assertThat(events.eventsOf(HARBOUR)).containsExactly(walk);
    assertThat(events.eventsOf(PIER)).hasSize(1);
  }

  @Test
  void aCommunityNobodySetUpHasNoEventsSaved() {
    Community.Id unknown = new Community.Id("discord", "999");
    events.save(
        unknown, new MeetingEvent(CIRCLE, "1311111111111111111", TUESDAY, TUESDAY.plus(HOUR)));

    assertThat(events.eventsOf(unknown)).isEmpty();
  }
}
