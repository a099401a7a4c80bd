package org.porchlight.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.porchlight.core.CheckInSchedule;
import org.porchlight.core.Community;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.Incoming;
import org.porchlight.core.Meeting;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.MutableClock;
import org.porchlight.core.Prompt;
import org.porchlight.core.Reply;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MeetingReminderStore;
import org.porchlight.delivery.Messenger;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;

/**
 * Reminders before a group meets, on a real database, a fake clock and a fake platform, across the
 * clocks changing: the community meets on Tuesdays at 19:00 in London, where summer time ends on 25
 * October 2026; New York's ends a week later, on 1 November. Runs against H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MeetingReminderContract {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Community.Id HARBOUR = new Community.Id("discord", "1085261609959558209");
  private static final MemberId ALEX = new MemberId("telegram", "1001");
  private static final DueCheckIns RULES = new DueCheckIns(ConversationOptions.DEFAULT);
  // Monday 19 October 2026, midnight UTC, and three Tuesdays' meetings on from it.
  private static final Instant START = Instant.parse("2026-10-19T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-04T00:00:00Z");
  // 19:00 in London: 18:00 UTC in summer time, 19:00 UTC after it.
  private static final Instant OCT_20 = Instant.parse("2026-10-20T18:00:00Z");
  private static final Instant OCT_27 = Instant.parse("2026-10-27T19:00:00Z");
  private static final Instant NOV_3 = Instant.parse("2026-11-03T19:00:00Z");

  private Database database;
  private MutableClock clock;
  private Conversation conversation;
  private Recording telegram;

  abstract Database open();

  @BeforeEach
  void emptyDatabase() throws SQLException {
    if (database == null) database = open();
    execute("DELETE FROM members");
    execute("DELETE FROM communities");
    clock = new MutableClock(START);
    conversation = RealConversation.on(database, clock);
    telegram = new Recording();
    harbourMeets(Set.of());
  }

  @AfterAll
  void close() {
    if (database != null) database.close();
  }

  @Test
  void acrossTheClocksChangingTheMeetingIsNamedInTheMembersTimeAndRemindedAnHourBeforeOnce()
      throws Exception {
    join("America/New_York");
    say("/group remind on");

    clock.set(Instant.parse("2026-10-19T12:00:00Z"));
    assertThat(say("/group")).contains("Tuesday at 14:00 your time, tomorrow");
    clock.set(Instant.parse("2026-10-26T12:00:00Z"));
    assertThat(say("/group")).contains("Tuesday at 15:00 your time, tomorrow");
    clock.set(Instant.parse("2026-11-02T12:00:00Z"));
    assertThat(say("/group")).contains("Tuesday at 14:00 your time, tomorrow");

    clock.set(START);
    live(START, END);

    assertThat(telegram.times())
        .containsExactly(hourBefore(OCT_20), hourBefore(OCT_27), hourBefore(NOV_3));
    assertThat(telegram.texts().get(0))
        .contains(
            "Evening circle", "14:00 your time", "in 60 minutes", "https://meet.example.org/c");
    assertThat(telegram.texts().get(1)).contains("15:00 your time", "in 60 minutes");
    assertThat(telegram.texts().get(2)).contains("14:00 your time", "in 60 minutes");
    // Each is noted for the hosts' summary; 20 October's is let go two weeks after it went.
    assertThat(count("SELECT COUNT(*) FROM meeting_reminders")).isEqualTo(2);
    assertThat(database.meetingReminders().reminding(HARBOUR, START, END))
        .isEqualTo(new MeetingReminderStore.Reminding(1, 2));
  }

  @Test
  void aReminderHeldUpUntilTheMeetingHasBegunIsDroppedNotSent() throws Exception {
    join("Europe/London");
    say("/group remind on");
    Sweeper sweeper = new Sweeper(database.due(), RULES, clock, 10);
    Sender sender = sender(database, telegram, clock, 1, 10, conversation::prompt);
    sender.startForTests();

    // Written an hour before the meeting, as always; then an outage holds it until it began.
    for (Instant at = START;
        !at.isAfter(hourBefore(OCT_20));
        at = at.plus(Duration.ofMinutes(15))) {
      clock.set(at);
      sweeper.sweep();
    }
    assertThat(database.outbox().backlog().count()).isPositive();
    clock.set(OCT_20.plus(Duration.ofMinutes(5)));
    while (sender.sendSome() > 0) {}

    assertThat(telegram.times()).isEmpty();
    assertThat(database.outbox().backlog().count()).isZero();
    // Written, but it never went out: the hosts' count says so.
    assertThat(database.meetingReminders().reminding(HARBOUR, START, END))
        .isEqualTo(new MeetingReminderStore.Reminding(1, 0));
  }

  @Test
  void aCancelledWeekGetsNoReminder() throws Exception {
    harbourMeets(Set.of(LocalDate.of(2026, 10, 27)));
    join("America/New_York");
    say("/group remind on");

    live(START, END);

    assertThat(telegram.times()).containsExactly(hourBefore(OCT_20), hourBefore(NOV_3));
  }

  @Test
  void aReminderThatWouldFallInQuietHoursIsLeftOut() throws Exception {
    // 18:00 and 19:00 in London are 23:30 and 00:30 in Kolkata: an hour before is in the night.
    join("Asia/Kolkata");
    say("/group remind on");

    live(START, END);

    assertThat(telegram.times()).isEmpty();
  }

  @Test
  void aMemberWhoAllowsQuietHoursGetsTheReminderThereToo() throws Exception {
    join("Asia/Kolkata");
    say("/group remind on");
    say("/group remind quiet-ok");

    live(START, END);

    assertThat(telegram.times())
        .containsExactly(hourBefore(OCT_20), hourBefore(OCT_27), hourBefore(NOV_3));
    assertThat(telegram.texts().get(0)).contains("23:30 your time");
    assertThat(telegram.texts().get(1)).contains("00:30 your time");
  }

  @Test
  void noReminderWhilePaused() throws Exception {
    join("America/New_York");
    say("/group remind on");
    say("/pause 10"); // Sunday 18 to Tuesday 27 October in New York, both included

    live(START, END);

    assertThat(telegram.times()).containsExactly(hourBefore(NOV_3));
  }

  @Test
  void thirtyMinutesBeforeWhenTheMemberSaysSo() throws Exception {
    join("America/New_York");
    say("/group remind 30");

    live(START, Instant.parse("2026-10-21T00:00:00Z"));

    assertThat(telegram.times()).containsExactly(OCT_20.minus(Duration.ofMinutes(30)));
    assertThat(telegram.texts().get(0)).contains("in 30 minutes");
  }

  @Test
  void stopTheseRemindersIsOneTap() throws Exception {
    join("America/New_York");
    say("/group remind on");
    live(START, Instant.parse("2026-10-21T00:00:00Z"));
    assertThat(telegram.times()).hasSize(1);

    Reply.Button stop = telegram.replies().get(0).buttons().get(0);
    conversation.handle(ALEX, new Incoming.ButtonPress(stop.data()));
    live(Instant.parse("2026-10-21T00:00:00Z"), END);

    assertThat(telegram.times()).hasSize(1);
    assertThat(database.meetingReminders().meetingReminder(ALEX).on()).isFalse();
  }

  @Test
  void myDataShowsTheRemindersAndForgetLeavesNoneBehind() throws Exception {
    join("America/New_York");
    say("/group remind on");
    live(START, Instant.parse("2026-10-21T00:00:00Z"));

    String data =
        conversation.handle(ALEX, new Incoming.Command("mydata", "")).stream()
            .flatMap(r -> r.document().stream())
            .findFirst()
            .orElseThrow()
            .content();
    assertThat(data)
        .contains("\"meetingReminders\"", "\"minutesBefore\": 60", "2026-10-20T18:00:00Z");

    database.members().forget(ALEX);

    assertThat(count("SELECT COUNT(*) FROM meeting_reminder_choices")).isZero();
    assertThat(count("SELECT COUNT(*) FROM meeting_reminders")).isZero();
  }

  @Test
  void twoInstancesOnOneDatabaseSendEachReminderOnce() throws Exception {
    // Tuesday 20 October 2026: the circle meets at 19:00 in London (18:00 UTC); 1,000 members
    // whose home it is asked for a reminder, due at 17:00 UTC, outside their quiet hours.
    Instant due = hourBefore(OCT_20);
    Seed.dueMembers(database.dataSource(), "telegram", 1, 1_000, due.plus(Duration.ofHours(3)));
    at(
        "INSERT INTO community_members (community_id, member_id, last_seen_at)"
            + " SELECT c.id, m.id, ? FROM communities c, members m",
        due.minus(Duration.ofDays(1)));
    at(
        "INSERT INTO meeting_reminder_choices (member_id, reminding, minutes_before,"
            + " in_quiet_hours, offered, next_look_at) SELECT id, TRUE, 60, FALSE, FALSE, ?"
            + " FROM members",
        due.minus(Duration.ofDays(1)));
    // A clock that goes on from just before the reminders are due.
    Clock running =
        Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), due.minusSeconds(3)));
    Recording first = new Recording();
    Recording second = new Recording();

    try (Database other = open();
        Scheduling one = scheduling(database, first, running);
        Scheduling two = scheduling(other, second, running)) {
      one.start();
      two.start();
      await().atMost(Duration.ofSeconds(90)).until(() -> first.sent() + second.sent() >= 1_000);
      Thread.sleep(1_000); // time for a duplicate to show, if there were one
    }

    Map<MemberId, Integer> reminders = new HashMap<>();
    Stream.concat(first.to.stream(), second.to.stream())
        .forEach(member -> reminders.merge(member, 1, Integer::sum));
    assertThat(reminders).hasSize(1_000);
    assertThat(reminders.values()).allMatch(n -> n == 1);
    assertThat(first.sent()).isPositive();
    assertThat(second.sent()).isPositive();
    assertThat(count("SELECT COUNT(*) FROM meeting_reminders")).isEqualTo(1_000);
  }

  // ---- Helpers ----

  private static Instant hourBefore(Instant meeting) {
    return meeting.minus(Duration.ofHours(1));
  }

  private void harbourMeets(Set<LocalDate> cancelled) {
    database
        .communities()
        .save(
            new Community(
                HARBOUR,
                "Harbour Lights",
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(LONDON),
                List.of(
                    new Meeting(
                        "Evening circle",
                        DayOfWeek.TUESDAY,
                        LocalTime.of(19, 0),
                        "https://meet.example.org/c")),
                cancelled));
  }

  /** A member who checks in at 09:00 in {@code zone}, and whose home is the Harbour. */
  private void join(String zone) {
    Member member =
        Member.arriving(ALEX, "en", clock.instant())
            .withCheckInTime(LocalTime.of(9, 0))
            .withZone(ZoneId.of(zone));
    database
        .members()
        .save(member.withNextCheckInAt(CheckInSchedule.next(member, clock.instant())));
    database.communities().visited(ALEX, HARBOUR, "Harbour Lights", clock.instant());
  }

  private String say(String command) {
    Incoming.Command parsed = Incoming.Command.parse(command).orElseThrow();
    return String.join("\n", conversation.handle(ALEX, parsed).stream().map(Reply::text).toList());
  }

  /** Sweeps and sends every 15 minutes from {@code from} to {@code to}, as a running Porchlight. */
  private void live(Instant from, Instant to) throws InterruptedException {
    Sweeper sweeper = new Sweeper(database.due(), RULES, clock, 10);
    Sender sender = sender(database, telegram, clock, 1, 10, conversation::prompt);
    sender.startForTests();
    for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofMinutes(15))) {
      clock.set(at);
      sweeper.sweep();
      while (sender.sendSome() > 0) {}
    }
  }

  private Scheduling scheduling(Database on, Recording messenger, Clock at) {
    return new Scheduling(
        on.dataSource(),
        new Sweeper(on.due(), RULES, at, 200),
        sender(
            on,
            messenger,
            at,
            4,
            50,
            (prompt, member, date) -> java.util.Optional.of(Reply.text(prompt.key()))),
        Duration.ofMillis(200));
  }

  private static Sender sender(
      Database on,
      Recording messenger,
      Clock at,
      int threads,
      int batchSize,
      Sender.Composer composer) {
    messenger.clock = at;
    return new Sender(
        on.outbox(),
        on.members(),
        List.of(new Sender.Channel(messenger, new RateLimit(1e6, 1e6, Ticker.SYSTEM))),
        composer,
        RULES,
        at,
        threads,
        batchSize);
  }

  /** A platform that keeps each reminder before a meeting, and when it went; nothing else. */
  private static final class Recording implements Messenger {
    private final List<Instant> times = Collections.synchronizedList(new ArrayList<>());
    private final List<Reply> replies = Collections.synchronizedList(new ArrayList<>());
    private final List<MemberId> to = Collections.synchronizedList(new ArrayList<>());
    private volatile Clock clock;

    @Override
    public String platform() {
      return "telegram";
    }

    @Override
    public Delivery send(MemberId member, Reply reply) {
      boolean reminder =
          reply.text().equals(Prompt.MEETING_REMINDER.key())
              || reply.buttons().stream().anyMatch(b -> b.label().equals("Stop these reminders"));
      if (reminder) {
        times.add(clock.instant());
        replies.add(reply);
        to.add(member);
      }
      return Delivery.sent();
    }

    List<Instant> times() {
      return List.copyOf(times);
    }

    List<Reply> replies() {
      return List.copyOf(replies);
    }

    List<String> texts() {
      return replies().stream().map(Reply::text).toList();
    }

    int sent() {
      return to.size();
    }
  }

  private void at(String sql, Instant instant) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      s.executeUpdate();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
