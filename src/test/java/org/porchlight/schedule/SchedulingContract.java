package org.porchlight.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.porchlight.core.CheckIn;
import org.porchlight.core.CheckInSchedule;
import org.porchlight.core.Contact;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.core.MutableClock;
import org.porchlight.core.Pod;
import org.porchlight.core.QuietHours;
import org.porchlight.core.ReachOut;
import org.porchlight.core.Reply;
import org.porchlight.core.Via;
import org.porchlight.delivery.Messenger.Delivery;
import org.porchlight.delivery.Outbox;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;

/**
 * Due check-ins, reminders and the outbox on a real database, with a fake clock and a fake
 * platform: runs against H2 and against PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchedulingContract {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  // Saturday 21 November 2026; London is on UTC in November.
  private static final Instant MORNING = Instant.parse("2026-11-21T08:30:00Z");
  private static final MemberId ALEX = new MemberId("telegram", "1001");
  private static final DueCheckIns RULES = new DueCheckIns(ConversationOptions.DEFAULT);

  private Database database;
  private MutableClock clock;
  private FakeMessenger telegram;

  abstract Database open();

  @BeforeEach
  void emptyDatabase() throws SQLException {
    if (database == null) database = open();
    execute("DELETE FROM members");
    clock = new MutableClock(MORNING.minus(Duration.ofHours(1)));
    telegram = new FakeMessenger("telegram");
  }

  @AfterAll
  void close() {
    if (database != null) database.close();
  }

  // ---- Check-ins ----

  @Test
  void aDueMemberIsAskedOnceAndNextAskedTomorrow() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING.plusSeconds(3));

    assertThat(sweeper().sweep().checkIns()).isEqualTo(1);
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
    assertThat(member(ALEX).nextCheckInAt()).contains(MORNING.plus(Duration.ofDays(1)));
    assertThat(sweeper().sweep().checkIns()).isZero();
    assertThat(database.checkIns().find(ALEX, LocalDate.of(2026, 11, 21)))
        .map(CheckIn::promptedAt)
        .contains(Optional.of(MORNING.plusSeconds(3)));
  }

  @Test
  void theLongestDueAreClaimedFirst() {
    MemberId early = new MemberId("telegram", "3001");
    MemberId middle = new MemberId("telegram", "3002");
    MemberId late = new MemberId("telegram", "3003");
    // Saved latest first, so neither insertion order nor ids decide.
    join(late, LocalTime.of(8, 20));
    join(middle, LocalTime.of(8, 10));
    join(early, LocalTime.of(8, 0));
    clock.set(MORNING);
    LocalDate today = LocalDate.of(2026, 11, 21);

    database.due().sweepCheckIns(clock.instant(), 1, RULES);
    assertThat(database.checkIns().find(early, today)).isPresent();
    assertThat(database.checkIns().find(middle, today)).isEmpty();
    database.due().sweepCheckIns(clock.instant(), 1, RULES);

    assertThat(database.checkIns().find(middle, today)).isPresent();
    assertThat(database.checkIns().find(late, today)).isEmpty();
  }

  @Test
  void aMemberIsNotDueBeforeTheirTime() {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING.minusSeconds(1));

    assertThat(sweeper().sweep().checkIns()).isZero();
  }

  @Test
  void aMemberAskedTodayIsNotAskedAgainWhenTheyMoveTheirTimeLaterToday() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    sendAll();

    Member moved = member(ALEX).withCheckInTime(LocalTime.of(19, 0));
    database.members().save(moved.withNextCheckInAt(CheckInSchedule.next(moved, clock.instant())));
    clock.set(Instant.parse("2026-11-21T19:00:00Z"));
    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX))
        .filteredOn(text -> text.startsWith("checkin"))
        .containsExactly("checkin 2026-11-21");
    assertThat(member(ALEX).nextCheckInAt()).contains(Instant.parse("2026-11-22T19:00:00Z"));
  }

  @Test
  void aMemberWhoAskedWithCheckinThemselvesIsNotAskedAgainThatDay() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    database.checkIns().save(CheckIn.prompted(ALEX, LocalDate.of(2026, 11, 21), clock.instant()));
    clock.set(MORNING);

    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX)).isEmpty();
    assertThat(member(ALEX).nextCheckInAt()).contains(MORNING.plus(Duration.ofDays(1)));
  }

  @Test
  void afterDowntimeAMissedDayIsLetGoAndTodaysCheckInIsAskedOnce() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    // Down from before Saturday's check-in until Sunday 10:00.
    clock.set(Instant.parse("2026-11-22T10:00:00Z"));

    sweeper().sweep();
    sendAll();
    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-22");
    assertThat(database.checkIns().find(ALEX, LocalDate.of(2026, 11, 21))).isEmpty();
    assertThat(member(ALEX).nextCheckInAt()).contains(Instant.parse("2026-11-23T08:30:00Z"));
  }

  @Test
  void afterDowntimeNothingIsAskedInQuietHours() throws Exception {
    join(ALEX, LocalTime.of(21, 0)); // quiet hours are 22:00-08:00
    clock.set(Instant.parse("2026-11-21T23:15:00Z"));

    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX)).isEmpty();
    assertThat(member(ALEX).nextCheckInAt()).contains(Instant.parse("2026-11-22T21:00:00Z"));
  }

  @Test
  void afterDowntimeTodaysCheckInStillGoesLateInTheDayOutsideQuietHours() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(Instant.parse("2026-11-21T20:45:00Z"));

    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
  }

  @Test
  void dueTimesFollowTheClocksAcrossTheSpringChange() throws Exception {
    MemberId sam = new MemberId("telegram", "2002");
    // New York springs forward at 02:00 on 8 March 2026: 02:30 does not exist that day.
    Member member =
        Member.arriving(sam, "en", Instant.parse("2026-03-01T12:00:00Z"))
            .withCheckInTime(LocalTime.of(2, 30))
            .withZone(ZoneId.of("America/New_York"))
            .withQuietHours(
                new org.porchlight.core.QuietHours(LocalTime.of(23, 0), LocalTime.of(1, 0)));
    clock.set(Instant.parse("2026-03-07T12:00:00Z"));
    database
        .members()
        .save(member.withNextCheckInAt(CheckInSchedule.next(member, clock.instant())));
    assertThat(member(sam).nextCheckInAt()).contains(Instant.parse("2026-03-08T07:30:00Z"));

    clock.set(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT, the gap moved forward
    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(sam)).containsExactly("checkin 2026-03-08");
    assertThat(member(sam).nextCheckInAt()).contains(Instant.parse("2026-03-09T06:30:00Z"));
  }

  // ---- Reminders ----

  @Test
  void anUnansweredCheckInGetsOneReminderAfterThreeHours() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    sendAll();

    clock.set(MORNING.plus(Duration.ofHours(3)).minusSeconds(1));
    assertThat(sweeper().sweep().reminders()).isZero();
    clock.set(MORNING.plus(Duration.ofHours(3)));
    sweeper().sweep();
    sendAll();
    clock.set(MORNING.plus(Duration.ofHours(6)));
    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21", "reminder 2026-11-21");
    assertThat(database.checkIns().find(ALEX, LocalDate.of(2026, 11, 21)).get().remindedAt())
        .contains(MORNING.plus(Duration.ofHours(3)));
  }

  @Test
  void anAnsweredCheckInGetsNoReminder() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    sendAll();
    LocalDate today = LocalDate.of(2026, 11, 21);
    database
        .checkIns()
        .save(
            database
                .checkIns()
                .find(ALEX, today)
                .orElseThrow()
                .answered(Mood.FINE, Via.BUTTON, MORNING.plusSeconds(60)));

    clock.set(MORNING.plus(Duration.ofHours(4)));
    assertThat(sweeper().sweep().reminders()).isEqualTo(1);
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
  }

  @Test
  void aReminderWaitingInTheOutboxIsDroppedWhenTheCheckInIsAnsweredMeanwhile() throws Exception {
    // Found by the simulated month (seed 20260307): the sweep wrote the reminder, the member
    // answered before a sender took it, and was reminded of a question already answered.
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    sendAll();
    clock.set(MORNING.plus(Duration.ofHours(3)));
    assertThat(sweeper().sweep().reminders()).isEqualTo(1);
    LocalDate today = LocalDate.of(2026, 11, 21);
    database
        .checkIns()
        .save(
            database
                .checkIns()
                .find(ALEX, today)
                .orElseThrow()
                .answered(Mood.ROUGH, Via.BUTTON, clock.instant()));

    clock.advance(Duration.ofMinutes(5));
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
    assertThat(database.outbox().backlog().count()).isZero();
  }

  @Test
  void aCheckInDroppedUnsentGetsNoReminderLater() throws Exception {
    // Found by the simulated month (seed 20260307, 400 members): the check-in waited into quiet
    // hours and was dropped, and its reminder still came three hours on, for a question never seen.
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    Member member = member(ALEX);
    database
        .members()
        .save(member.withQuietHours(new QuietHours(LocalTime.of(8, 0), LocalTime.of(9, 0))));
    sendAll();
    assertThat(telegram.to(ALEX)).isEmpty();

    clock.set(MORNING.plus(Duration.ofHours(3)));
    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX)).isEmpty();
    assertThat(database.outbox().backlog().count()).isZero();
  }

  @Test
  void noReminderThatWouldFallInQuietHours() throws Exception {
    join(ALEX, LocalTime.of(20, 0)); // 20:00 + 3 h = 23:00, inside 22:00-08:00
    clock.set(Instant.parse("2026-11-21T20:00:00Z"));
    sweeper().sweep();
    sendAll();

    clock.set(Instant.parse("2026-11-22T07:00:00Z"));
    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
  }

  // ---- Reaching out after silence ----

  @Test
  void afterSevenSilentDaysTheLightIsLeftOnOnceAndThenQuiet() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    Member silent = member(ALEX);
    database.members().save(silent.withContact(Contact.since(MORNING.minus(Duration.ofDays(7)))));
    clock.set(MORNING);

    sweeper().sweep();
    sendAll();
    for (int day = 1; day <= 3; day++) {
      clock.set(MORNING.plus(Duration.ofDays(day)));
      sweeper().sweep();
      sendAll();
    }

    assertThat(telegram.to(ALEX)).containsExactly("lights-on 2026-11-21");
    assertThat(member(ALEX).contact().lightsOnAt()).contains(MORNING);
    assertThat(member(ALEX).nextCheckInAt()).isEmpty();
  }

  @Test
  void sixSilentDaysStillGetTheCheckIn() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    database
        .members()
        .save(member(ALEX).withContact(Contact.since(MORNING.minus(Duration.ofDays(6)))));
    clock.set(MORNING);

    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
  }

  // ---- Delivery ----

  @Test
  void lettersWrittenBeforeACrashAreSentOnceAfterTheRestart() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep(); // ...and the process dies before sending anything.

    sendAll(); // a new process, new senders
    sweeper().sweep();
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
  }

  @Test
  void aLetterTakenByASenderThatDiedComesBackWhenItsLeaseEnds() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    List<Outbox.Letter> taken =
        database
            .outbox()
            .take(java.util.Set.of("telegram"), clock.instant(), Duration.ofMinutes(2), 10);
    assertThat(taken).hasSize(1); // taken, and then the sender is killed

    clock.advance(Duration.ofSeconds(119));
    sendAll();
    assertThat(telegram.to(ALEX)).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    sendAll();
    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
    assertThat(database.outbox().backlog().count()).isZero();
  }

  @Test
  void aPlatformThatAsksToSlowDownGetsTheLetterAgainOnlyAfterItsWait() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    telegram.answerNext(Delivery.slowDown(Duration.ofMillis(300)));

    sendAll();
    assertThat(telegram.to(ALEX)).isEmpty();
    clock.advance(Duration.ofMillis(300));
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
  }

  @Test
  void aServerErrorIsTriedAgainLaterAndNothingIsLost() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    telegram.answerNext(Delivery.failed(), Delivery.failed());

    sendAll();
    clock.advance(Duration.ofSeconds(30));
    sendAll();
    assertThat(telegram.to(ALEX)).isEmpty();
    clock.advance(Duration.ofSeconds(60));
    sendAll();

    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");
  }

  @Test
  void aMemberWhoBlockedPorchlightIsMarkedAndTheLetterDropped() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    telegram.answerNext(Delivery.unreachable());

    sendAll();

    assertThat(database.members().isReachable(ALEX)).isFalse();
    assertThat(database.outbox().backlog().count()).isZero();
    clock.set(MORNING.plus(Duration.ofDays(1)));
    sweeper().sweep();
    sendAll();
    assertThat(telegram.to(ALEX)).isEmpty();
  }

  @Test
  void aLetterHeldUpPastQuietHoursIsNotSent() throws Exception {
    join(ALEX, LocalTime.of(21, 30));
    clock.set(Instant.parse("2026-11-21T21:30:00Z"));
    sweeper().sweep();

    clock.set(Instant.parse("2026-11-21T22:05:00Z")); // the backlog took 35 minutes
    sendAll();

    assertThat(telegram.to(ALEX)).isEmpty();
    assertThat(database.outbox().backlog().count()).isZero();
  }

  @Test
  void forgettingAMemberTakesTheirWaitingLettersWithThem() {
    join(ALEX, LocalTime.of(8, 30));
    clock.set(MORNING);
    sweeper().sweep();
    assertThat(database.outbox().backlog().count()).isEqualTo(1);

    database.members().forget(ALEX);

    assertThat(database.outbox().backlog().count()).isZero();
  }

  // ---- The weekly reach-out ----

  @Test
  void onItsDayTheWeeklyQuestionFollowsTheCheckInOnceAndAChoiceIsFollowedUpOnce() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    // Saturday 21 November 2026 is the day the member chose.
    database
        .support(RealConversation.TEST_SEALER)
        .savePod(ALEX, new Pod(List.of(new Pod.Entry(Pod.Ring.CORE, "Marisol"))));
    database.reachOuts().saveReachOut(ALEX, ReachOut.DEFAULT.withDay(DayOfWeek.SATURDAY));

    for (int day = 0; day < 8; day++) {
      clock.set(MORNING.plus(Duration.ofDays(day)).plusSeconds(3));
      sweeper().sweep();
      clock.set(MORNING.plus(Duration.ofDays(day)).plusSeconds(10));
      sendAll();
      // The member writes now and then, so the light is never left on.
      Member heard = member(ALEX);
      database.members().save(heard.withContact(heard.contact().heard(clock.instant())));
      if (day == 0) {
        // Marisol is chosen on the Saturday: "did you get to?" is owed from Tuesday.
        ReachOut asked = database.reachOuts().reachOut(ALEX);
        database
            .reachOuts()
            .saveReachOut(
                ALEX,
                asked.picking(
                    new ReachOut.Pick(0, Pod.check("Marisol")), LocalDate.of(2026, 11, 21)));
      }
    }

    assertThat(telegram.to(ALEX).stream().filter(sent -> !sent.startsWith("checkin")))
        .containsExactly("reach-out 2026-11-21", "follow-up 2026-11-24", "reach-out 2026-11-28");
    assertThat(telegram.to(ALEX)).startsWith("checkin 2026-11-21", "reach-out 2026-11-21");
  }

  @Test
  void noWeeklyQuestionWithoutAPodOrWhilePausedOrInQuietHours() throws Exception {
    join(ALEX, LocalTime.of(8, 30));
    database.reachOuts().saveReachOut(ALEX, ReachOut.DEFAULT.withDay(DayOfWeek.SATURDAY));
    clock.set(MORNING.plusSeconds(3));
    sweeper().sweep();
    clock.set(MORNING.plusSeconds(10));
    sendAll();
    assertThat(telegram.to(ALEX)).containsExactly("checkin 2026-11-21");

    database
        .support(RealConversation.TEST_SEALER)
        .savePod(ALEX, new Pod(List.of(new Pod.Entry(Pod.Ring.CORE, "Marisol"))));
    database.members().save(member(ALEX).withPause(true, Optional.of(LocalDate.of(2026, 11, 29))));
    clock.set(MORNING.plus(Duration.ofDays(7)).plusSeconds(3));
    sweeper().sweep();
    sendAll();
    assertThat(telegram.to(ALEX)).as("paused on the next Saturday").hasSize(1);

    database.members().save(member(ALEX).withPause(false, Optional.empty()));
    database
        .members()
        .save(
            member(ALEX)
                .withQuietHours(new QuietHours(LocalTime.of(7, 0), LocalTime.of(12, 0)))
                .withNextCheckInAt(Optional.of(MORNING.plus(Duration.ofDays(14)))));
    clock.set(MORNING.plus(Duration.ofDays(14)).plusSeconds(3));
    sweeper().sweep();
    sendAll();
    assertThat(telegram.to(ALEX)).as("quiet hours on the Saturday after").hasSize(1);
  }

  // ---- At scale ----

  @Test
  void twoInstancesOnOneDatabaseSendEveryCheckInExactlyOnce() throws Exception {
    Instant noon = Instant.parse("2026-11-21T12:00:00Z");
    Seed.dueMembers(database.dataSource(), "telegram", 1, 10_000, noon);
    Clock fixed = Clock.fixed(noon.plusSeconds(1), ZoneOffset.UTC);
    FakeMessenger first = new FakeMessenger("telegram");
    FakeMessenger second = new FakeMessenger("telegram");

    try (Database other = open();
        Scheduling one = scheduling(database, first, fixed);
        Scheduling two = scheduling(other, second, fixed)) {
      one.start();
      two.start();
      await().atMost(Duration.ofSeconds(90)).until(() -> first.total() + second.total() >= 10_000);
      Thread.sleep(1_000); // time for a duplicate to show, if there were one
    }

    Map<MemberId, Integer> sends =
        Stream.concat(first.all().entrySet().stream(), second.all().entrySet().stream())
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(), Integer::sum));
    assertThat(sends).hasSize(10_000);
    assertThat(sends.values()).allMatch(count -> count == 1);
    assertThat(first.total()).isPositive();
    assertThat(second.total()).isPositive();
    assertThat(count("SELECT COUNT(*) FROM check_ins")).isEqualTo(10_000);
    assertThat(count("SELECT COUNT(*) FROM outbox")).isZero();
  }

  @Test
  void twoInstancesOnOneDatabaseSendTheWeeklyQuestionOncePerMember() throws Exception {
    // Saturday noon; every member has a pod and chose Saturday.
    Instant noon = Instant.parse("2026-11-21T12:00:00Z");
    Seed.dueMembers(database.dataSource(), "telegram", 1, 2_000, noon);
    execute(
        "INSERT INTO pod_entries (member_id, position, ring, name_sealed)"
            + " SELECT id, 0, 'core', 'sealed' FROM members");
    execute(
        "INSERT INTO reach_outs (member_id, weekly, weekday, follow_ups)"
            + " SELECT id, TRUE, 'SAT', TRUE FROM members");
    // A clock that goes on from just after noon: the weekly question waits a moment after the
    // check-in.
    Clock running =
        Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon.plusSeconds(5)));
    FakeMessenger first = new FakeMessenger("telegram");
    FakeMessenger second = new FakeMessenger("telegram");

    try (Database other = open();
        Scheduling one = scheduling(database, first, running);
        Scheduling two = scheduling(other, second, running)) {
      one.start();
      two.start();
      await().atMost(Duration.ofSeconds(90)).until(() -> first.total() + second.total() >= 4_000);
      Thread.sleep(1_000); // time for a duplicate to show, if there were one
    }

    Map<MemberId, List<String>> sent = new java.util.HashMap<>();
    Stream.concat(first.all().entrySet().stream(), second.all().entrySet().stream())
        .forEach(
            e -> sent.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue()));
    assertThat(sent).hasSize(2_000);
    assertThat(sent.values())
        .allSatisfy(
            letters ->
                assertThat(letters)
                    .containsExactlyInAnyOrder("checkin 2026-11-21", "reach-out 2026-11-21"));
    assertThat(count("SELECT COUNT(*) FROM reach_outs WHERE asked_on IS NOT NULL"))
        .isEqualTo(2_000);
  }

  // ---- Helpers ----

  private Scheduling scheduling(Database on, FakeMessenger messenger, Clock at) {
    return new Scheduling(
        on.dataSource(),
        new Sweeper(on.due(), RULES, at, 500),
        sender(on, messenger, at, 4, 50),
        Duration.ofMillis(200));
  }

  /** A sender with no pace to speak of, composing "prompt date" for each letter. */
  private static Sender sender(
      Database on, FakeMessenger messenger, Clock at, int threads, int batchSize) {
    return new Sender(
        on.outbox(),
        on.members(),
        List.of(new Sender.Channel(messenger, new RateLimit(1e6, 1e6, Ticker.SYSTEM))),
        SchedulingContract::compose,
        RULES,
        at,
        threads,
        batchSize);
  }

  private Sweeper sweeper() {
    return new Sweeper(database.due(), RULES, clock, 2);
  }

  private void sendAll() throws InterruptedException {
    Sender sender = sender(database, telegram, clock, 1, 2);
    sender.startForTests();
    while (sender.sendSome() > 0) {}
  }

  private static java.util.Optional<Reply> compose(
      org.porchlight.core.Prompt prompt, Member member, LocalDate date) {
    return java.util.Optional.of(Reply.text(prompt.key() + " " + date));
  }

  private void join(MemberId id, LocalTime time) {
    Member member =
        Member.arriving(id, "en", clock.instant()).withCheckInTime(time).withZone(LONDON);
    database
        .members()
        .save(member.withNextCheckInAt(CheckInSchedule.next(member, clock.instant())));
  }

  private Member member(MemberId id) {
    return database.members().find(id).orElseThrow();
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
