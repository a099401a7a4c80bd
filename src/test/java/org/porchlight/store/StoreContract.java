package org.porchlight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Community;
import org.porchlight.core.Meeting;
import org.porchlight.core.Member;
import org.porchlight.core.MemberData;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.core.Pod;
import org.porchlight.core.QuietHours;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.StepGiven;
import org.porchlight.core.Via;
import org.porchlight.core.port.CheckInStore;
import org.porchlight.core.port.CommunityStore;
import org.porchlight.intake.HandledUpdates;
import org.porchlight.intake.HandledUpdates.Claim;

/** What every database must do for Porchlight: run against H2 and against PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {
  private static final Instant T0 = Instant.parse("2026-11-21T16:00:00Z");
  private static final MemberId ALEX = new MemberId("telegram", "1001");
  private static final MemberId SAM = new MemberId("discord", "2002");
  private static final Sealer SEALER = new Sealer(Sealer.newKey());
  private static final Pod POD =
      Pod.EMPTY
          .with(new Pod.Entry(Pod.Ring.CORE, "Marisol"))
          .with(new Pod.Entry(Pod.Ring.OUTER, "Thursday group"));
  private static final SafetyPlan PLAN =
      SafetyPlan.EMPTY
          .with(SafetyPlan.Section.WARNING_SIGNS, Optional.of("I stop answering the phone"))
          .with(SafetyPlan.Section.ON_MY_OWN, Optional.of("a long walk by the canal"));

  private Database database;

  abstract Database open();

  @BeforeEach
  void emptyDatabase() throws SQLException {
    if (database == null) database = open();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM members");
      s.executeUpdate("DELETE FROM communities");
      s.executeUpdate("DELETE FROM update_offsets");
      s.executeUpdate("DELETE FROM handled_updates");
      s.executeUpdate("DELETE FROM secret_key_check");
    }
  }

  @AfterAll
  void close() {
    if (database != null) database.close();
  }

  private static Member member(MemberId id) {
    return Member.arriving(id, "en", T0)
        .withCheckInTime(LocalTime.of(20, 0))
        .withZone(ZoneId.of("Europe/London"))
        .withNextCheckInAt(Optional.of(Instant.parse("2026-11-21T20:00:00Z")));
  }

  @Test
  void aReplacementStoresTheMemberWhole() {
    database.members().save(member(ALEX).withCheckInTime(LocalTime.of(7, 0)));
    LocalDate day = LocalDate.of(2026, 11, 20);
    database.checkIns().save(CheckIn.prompted(ALEX, day.minusDays(1), T0));
    CheckIn answered = CheckIn.unasked(ALEX, day).answered(Mood.ROUGH, Via.TEXT, T0);

    database.replace(
        new MemberData(
            member(ALEX), List.of(answered), List.of(), List.of(), Pod.EMPTY, SafetyPlan.EMPTY),
        SEALER);

    assertThat(database.members().find(ALEX).orElseThrow().checkInTime())
        .contains(LocalTime.of(20, 0));
    assertThat(database.checkIns().find(ALEX, day).flatMap(CheckIn::mood)).contains(Mood.ROUGH);
    assertThat(database.checkIns().find(ALEX, day.minusDays(1)))
        .as("replaced, not merged")
        .isEmpty();
  }

  @Test
  void aReplacementThatFailsPartWayLeavesTheMemberAsTheyWere() {
    database.members().save(member(ALEX).withCheckInTime(LocalTime.of(7, 0)));
    database.support(SEALER).savePod(ALEX, POD);
    database.support(SEALER).savePlan(ALEX, PLAN);
    LocalDate day = LocalDate.of(2026, 11, 20);
    database.checkIns().save(CheckIn.unasked(ALEX, day).answered(Mood.FINE, Via.BUTTON, T0));
    // The second check-in belongs to nobody stored: its row can't be written, after the member's.
    MemberId nobody = new MemberId("telegram", "no-such-member");
    MemberData replacement =
        new MemberData(
            member(ALEX),
            List.of(
                CheckIn.unasked(ALEX, day).answered(Mood.ROUGH, Via.TEXT, T0),
                CheckIn.unasked(nobody, day).answered(Mood.ROUGH, Via.TEXT, T0)),
            List.of(),
            List.of(),
            Pod.EMPTY,
            SafetyPlan.EMPTY);

    assertThatThrownBy(() -> database.replace(replacement, SEALER))
        .isInstanceOf(StoreException.class);

    assertThat(database.members().find(ALEX).orElseThrow().checkInTime())
        .contains(LocalTime.of(7, 0));
    assertThat(database.checkIns().find(ALEX, day).flatMap(CheckIn::mood)).contains(Mood.FINE);
    assertThat(database.support(SEALER).pod(ALEX)).isEqualTo(POD);
    assertThat(database.support(SEALER).plan(ALEX)).isEqualTo(PLAN);
  }

  @Test
  void aReplacementStoresThePodAndThePlanWithTheRest() {
    database.members().save(member(ALEX));
    database.support(SEALER).savePod(ALEX, Pod.EMPTY.with(new Pod.Entry(Pod.Ring.CORE, "Ana")));
    Pod pod = POD.with(new Pod.Entry(Pod.Ring.MOVABLE, "Ben from work"));

    database.replace(
        new MemberData(member(ALEX), List.of(), List.of(), List.of(), pod, PLAN), SEALER);

    assertThat(database.support(SEALER).pod(ALEX)).isEqualTo(pod);
    assertThat(database.support(SEALER).plan(ALEX)).isEqualTo(PLAN);
  }

  @Test
  void aPodAndAPlanReadBackAsSavedAndASecondSaveReplacesTheFirst() {
    database.members().save(member(ALEX));
    database.members().save(member(SAM));
    database.support(SEALER).savePod(SAM, POD);

    database.support(SEALER).savePod(ALEX, POD.without(0));
    database.support(SEALER).savePod(ALEX, POD);
    database.support(SEALER).savePlan(ALEX, PLAN);
    database
        .support(SEALER)
        .savePlan(ALEX, PLAN.with(SafetyPlan.Section.ON_MY_OWN, Optional.empty()));

    assertThat(database.support(SEALER).pod(ALEX)).isEqualTo(POD);
    assertThat(database.support(SEALER).plan(ALEX).answers())
        .containsOnlyKeys(SafetyPlan.Section.WARNING_SIGNS);
    assertThat(database.support(SEALER).pod(SAM)).isEqualTo(POD);
    assertThat(database.support(SEALER).plan(SAM)).isEqualTo(SafetyPlan.EMPTY);
  }

  @Test
  void forgetTakesThePodAndThePlanWithTheMember() throws SQLException {
    for (MemberId id : List.of(ALEX, SAM)) {
      database.members().save(member(id));
      database.support(SEALER).savePod(id, POD);
      database.support(SEALER).savePlan(id, PLAN);
    }

    assertThat(database.members().forget(ALEX)).isTrue();

    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      assertThat(count(s, "pod_entries")).isEqualTo(POD.entries().size());
      assertThat(count(s, "safety_plan_answers")).isEqualTo(PLAN.answers().size());
    }
    assertThat(database.support(SEALER).pod(ALEX)).isEqualTo(Pod.EMPTY);
    assertThat(database.support(SEALER).plan(ALEX)).isEqualTo(SafetyPlan.EMPTY);
    assertThat(database.support(SEALER).pod(SAM)).isEqualTo(POD);
  }

  @Test
  void aMemberReadsBackAsSaved() {
    Member saved =
        member(ALEX)
            .withCountry(Optional.of("IE"))
            .withDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
            .withQuietHours(new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 30)))
            .withPause(true, Optional.of(LocalDate.of(2026, 12, 1)))
            .withAwaiting(Member.Awaiting.ZONE);
    database.members().save(saved);

    assertThat(database.members().find(ALEX)).contains(saved);
  }

  @Test
  void aNewMemberWithNothingChosenReadsBack() {
    Member arriving = Member.arriving(SAM, "de", T0);
    database.members().save(arriving);

    assertThat(database.members().find(SAM)).contains(arriving);
  }

  @Test
  void savingAgainReplacesTheSettings() {
    database.members().save(member(ALEX));
    database.members().save(member(ALEX).withCheckInTime(LocalTime.of(7, 0)));

    assertThat(database.members().find(ALEX).flatMap(Member::checkInTime))
        .contains(LocalTime.of(7, 0));
    assertThat(database.members().all()).containsExactly(ALEX);
  }

  @Test
  void oneCheckInPerMemberAndDayALaterAnswerReplacesTheEarlier() {
    database.members().save(member(ALEX));
    LocalDate day = LocalDate.of(2026, 11, 21);
    CheckIn prompted = CheckIn.prompted(ALEX, day, T0);
    database.checkIns().save(prompted);
    database.checkIns().save(prompted.answered(Mood.FINE, Via.BUTTON, T0.plusSeconds(60)));
    CheckIn last = prompted.answered(Mood.ROUGH, Via.TEXT, T0.plusSeconds(120));
    database.checkIns().save(last);

    assertThat(database.checkIns().allFor(ALEX)).containsExactly(last);
  }

  @Test
  void checkInsAreFoundByDayAndRange() {
    database.members().save(member(ALEX));
    for (int day = 1; day <= 5; day++) {
      database.checkIns().save(CheckIn.prompted(ALEX, LocalDate.of(2026, 11, day), T0));
    }

    assertThat(database.checkIns().find(ALEX, LocalDate.of(2026, 11, 3))).isPresent();
    assertThat(database.checkIns().find(ALEX, LocalDate.of(2026, 11, 9))).isEmpty();
    assertThat(
            database.checkIns().between(ALEX, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4)))
        .extracting(CheckIn::date)
        .containsExactly(
            LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
  }

  @Test
  void stepsRememberWhenEachWasLastSeen() {
    database.members().save(member(ALEX));
    database.steps().record(new StepGiven(ALEX, "walk", T0));
    database.steps().record(new StepGiven(ALEX, "call", T0.plusSeconds(10)));
    database.steps().record(new StepGiven(ALEX, "walk", T0.plusSeconds(20)));

    assertThat(database.steps().lastSeen(ALEX))
        .containsEntry("walk", T0.plusSeconds(20))
        .containsEntry("call", T0.plusSeconds(10))
        .hasSize(2);
    assertThat(database.steps().givenTo(ALEX))
        .extracting(StepGiven::stepId)
        .containsExactly("walk", "call", "walk");
  }

  @Test
  void forgetLeavesNothingAboutTheMemberInAnyTable() throws SQLException {
    database.members().save(member(ALEX));
    database.members().save(member(SAM));
    for (MemberId id : List.of(ALEX, SAM)) {
      database.checkIns().save(CheckIn.prompted(id, LocalDate.of(2026, 11, 21), T0));
      database.steps().record(new StepGiven(id, "walk", T0));
    }

    assertThat(database.members().forget(ALEX)).isTrue();

    assertThat(database.members().find(ALEX)).isEmpty();
    assertThat(rowsPerTable()).isEqualTo(List.of(1, 1, 1));
    assertThat(database.checkIns().allFor(SAM)).hasSize(1);
    assertThat(database.members().forget(ALEX)).isFalse();
  }

  private List<Integer> rowsPerTable() throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      return List.of(count(s, "members"), count(s, "check_ins"), count(s, "steps_given"));
    }
  }

  private static int count(Statement s, String table) throws SQLException {
    try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void membersOfDifferentPlatformsWithTheSameIdAreDifferentMembers() {
    MemberId telegram = new MemberId("telegram", "42");
    MemberId discord = new MemberId("discord", "42");
    database.members().save(member(telegram));
    database.members().save(member(discord).withCheckInTime(LocalTime.of(9, 0)));

    assertThat(database.members().find(telegram).flatMap(Member::checkInTime))
        .contains(LocalTime.of(20, 0));
    assertThat(database.members().find(discord).flatMap(Member::checkInTime))
        .contains(LocalTime.of(9, 0));
  }

  @Test
  void aMemberWhoBlockedUsIsUnreachableUntilTheyComeBack() {
    database.members().save(member(ALEX));

    database.members().setReachable(ALEX, false);
    assertThat(database.members().isReachable(ALEX)).isFalse();
    assertThat(database.members().isReachable(SAM)).isTrue();

    database.members().setReachable(ALEX, true);
    assertThat(database.members().isReachable(ALEX)).isTrue();
  }

  @Test
  void updateOffsetsOnlyMoveForward() {
    assertThat(database.offsets().lastHandled("telegram")).isEmpty();

    database.offsets().handled("telegram", 100);
    database.offsets().handled("telegram", 90);
    database.offsets().handled("discord", 7);

    assertThat(database.offsets().lastHandled("telegram")).hasValue(100);
    assertThat(database.offsets().lastHandled("discord")).hasValue(7);
  }

  // ---- Updates handled once ----

  private static final Duration LAPSE = Duration.ofMinutes(3);

  private Claim claim(long updateId, Instant at) {
    return database.handledUpdates().claim("telegram", updateId, at, LAPSE);
  }

  private Claim.Held held(long updateId, Instant at) {
    Claim claim = claim(updateId, at);
    assertThat(claim).isInstanceOf(Claim.Held.class);
    return (Claim.Held) claim;
  }

  @Test
  void anUpdateIsClaimedOnceAndFoundHandledAfterwards() {
    Claim.Held first = held(7, T0);
    Claim meanwhile = claim(7, T0.plusSeconds(1));
    database.handledUpdates().handled(first, T0.plusSeconds(2));

    assertThat(first.failures()).isZero();
    assertThat(meanwhile).isInstanceOf(Claim.InHand.class);
    assertThat(claim(7, T0.plusSeconds(60))).isInstanceOf(Claim.HandledBefore.class);
    assertThat(claim(7, T0.plus(LAPSE).plusSeconds(60))).isInstanceOf(Claim.HandledBefore.class);
    assertThat(database.handledUpdates().claim("other", 7, T0, LAPSE))
        .isInstanceOf(Claim.Held.class);
  }

  @Test
  void anUpdateWhoseHandlingFailedIsClaimedAgainWithTheFailureCounted() {
    Claim.Held first = held(7, T0);
    database.handledUpdates().failed(first);

    Claim.Held again = held(7, T0.plusSeconds(5));

    assertThat(again.failures()).isEqualTo(1);
    assertThat(again.token()).isNotEqualTo(first.token());
    assertThat(claim(7, T0.plusSeconds(6))).isInstanceOf(Claim.InHand.class);
  }

  @Test
  void aClaimLeftByAnInstanceThatStoppedLapses() {
    Claim.Held first = held(7, T0);

    assertThat(claim(7, T0.plus(LAPSE).minusSeconds(1))).isInstanceOf(Claim.InHand.class);
    Claim.Held takenOver = held(7, T0.plus(LAPSE).plusSeconds(1));
    // The first instance, back late, gives its claim up: the one taken over stays held.
    database.handledUpdates().failed(first);

    assertThat(takenOver.failures()).isZero();
    assertThat(claim(7, T0.plus(LAPSE).plusSeconds(2))).isInstanceOf(Claim.InHand.class);
  }

  @Test
  void updatesLastClaimedBeforeTheCutoffAreForgotten() {
    HandledUpdates updates = database.handledUpdates();
    updates.handled(held(1, T0), T0);
    held(2, T0.plusSeconds(7200));

    assertThat(updates.forgetBefore(T0.plusSeconds(3600))).isEqualTo(1);

    assertThat(claim(1, T0.plusSeconds(7201))).isInstanceOf(Claim.Held.class);
    assertThat(claim(2, T0.plusSeconds(7201))).isInstanceOf(Claim.InHand.class);
  }

  @Test
  void ofInstancesRacingForAnUpdateExactlyOneHoldsIt() throws Exception {
    ExecutorService instances = Executors.newFixedThreadPool(6);
    try {
      for (long updateId = 100; updateId < 120; updateId++) {
        long id = updateId;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Claim>> claims = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
          claims.add(
              instances.submit(
                  () -> {
                    go.await();
                    return claim(id, T0);
                  }));
        }
        go.countDown();
        int held = 0;
        for (Future<Claim> claim : claims) {
          Claim result = claim.get();
          assertThat(result).isNotInstanceOf(Claim.HandledBefore.class);
          if (result instanceof Claim.Held) held++;
        }
        assertThat(held).as("claims holding update %d", id).isEqualTo(1);
      }
    } finally {
      instances.shutdownNow();
    }
  }

  // ---- Communities ----

  private static final Community.Id SERVER = new Community.Id("discord", "135197118292819968");

  private static Community setUp(Community.Id id) {
    return new Community(
        id,
        "Harbour Lights",
        List.of("https://meet.example.org/a", "https://meet.example.org/b"),
        Optional.of("Tuesdays 19:00"),
        Optional.of("263607951971975168"),
        Optional.of(LocalTime.of(20, 15)),
        Optional.of(ZoneId.of("America/Chicago")),
        List.of(
            new Meeting(
                "Tuesday evening circle",
                java.time.DayOfWeek.TUESDAY,
                LocalTime.of(19, 0),
                "https://meet.example.org/a"),
            new Meeting(
                "Walk and talk",
                java.time.DayOfWeek.SUNDAY,
                LocalTime.of(9, 5),
                "Pier 3 | by the cafe"),
            new Meeting("", java.time.DayOfWeek.FRIDAY, LocalTime.of(12, 0), "")),
        java.util.Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)));
  }

  @Test
  void aCommunitysSetupIsKeptWhole() {
    Community community = setUp(SERVER);
    database.communities().save(Community.unset(SERVER, "old name"));

    database.communities().save(community);

    assertThat(database.communities().find(SERVER)).contains(community);
    assertThat(database.communities().find(new Community.Id("telegram", SERVER.placeId())))
        .isEmpty();
  }

  @Test
  void aMembersHomeIsTheCommunityTheyUsedLast() {
    Community.Id other = new Community.Id("discord", "42");
    database.members().save(member(SAM));
    database.communities().save(setUp(SERVER));

    database.communities().visited(SAM, SERVER, "Harbour Lights", T0);
    database.communities().visited(SAM, other, "Other", T0.plusSeconds(60));
    Optional<Community> afterOther = database.communities().homeOf(SAM);
    database.communities().visited(SAM, SERVER, "Harbour Lights", T0.plusSeconds(120));

    assertThat(afterOther.map(Community::name)).contains("Other");
    assertThat(database.communities().find(other)).contains(Community.unset(other, "Other"));
    assertThat(database.communities().homeOf(SAM)).contains(setUp(SERVER));
    assertThat(database.communities().homeOf(ALEX)).isEmpty();
    assertThat(database.communities().visitsOf(SAM))
        .containsExactly(
            new Community.Visit(SERVER, "Harbour Lights", T0.plusSeconds(120)),
            new Community.Visit(other, "Other", T0.plusSeconds(60)));
  }

  @Test
  void aWeekCountsDistinctMembersAndTheirFineAndRoughDaysAndNothingElse() {
    LocalDate today = LocalDate.of(2026, 11, 21);
    MemberId outsider = new MemberId("discord", "3003");
    MemberId gone = new MemberId("discord", "4004"); // last here two months ago
    for (MemberId id : List.of(ALEX, SAM, outsider, gone)) database.members().save(member(id));
    database.communities().visited(ALEX, SERVER, "Harbour Lights", T0);
    database.communities().visited(SAM, SERVER, "Harbour Lights", T0);
    database.communities().visited(gone, SERVER, "Harbour Lights", T0.minusSeconds(60 * 86_400));
    database.checkIns().save(CheckIn.unasked(gone, today).answered(Mood.ROUGH, Via.BUTTON, T0));
    CheckInStore checkIns = database.checkIns();
    checkIns.save(CheckIn.unasked(ALEX, today).answered(Mood.FINE, Via.BUTTON, T0));
    checkIns.save(CheckIn.unasked(ALEX, today.minusDays(1)).answered(Mood.ROUGH, Via.TEXT, T0));
    checkIns.save(CheckIn.unasked(ALEX, today.minusDays(7)).answered(Mood.ROUGH, Via.TEXT, T0));
    checkIns.save(CheckIn.unasked(SAM, today).answered(Mood.SKIPPED, Via.BUTTON, T0));
    checkIns.save(CheckIn.prompted(SAM, today.minusDays(2), T0));
    checkIns.save(CheckIn.unasked(outsider, today).answered(Mood.ROUGH, Via.BUTTON, T0));

    CommunityStore.Week week = database.communities().week(SERVER, today.minusDays(6), today);

    assertThat(week).isEqualTo(new CommunityStore.Week(1, 1, 1));
  }

  @Test
  void aCommunityKeepsOneJoinCodeAndIsFoundByItInAnyCase() {
    Community.Id group = new Community.Id("telegram", "-1001234567890");

    String first = database.communities().joinCode(group, "Harbour Lights", "k7m2q9xa");
    String again = database.communities().joinCode(group, "Harbour Lights", "zzzzzzzz");

    assertThat(first).isEqualTo("k7m2q9xa").isEqualTo(again);
    assertThat(database.communities().byJoinCode("K7M2Q9XA"))
        .contains(Community.unset(group, "Harbour Lights"));
    assertThat(database.communities().byJoinCode("zzzzzzzz")).isEmpty();
  }

  @Test
  void aNameLongerThanTheStoreKeepsIsCutNeverInsideACharacter() {
    // A Telegram group's title may be 128 characters (found by TelegramUpdateFuzzTest: refused).
    Community.Id group = new Community.Id("telegram", "-1001234567890");
    String title = "a" + "\uD83C\uDF0A".repeat(64); // 129 UTF-16 characters

    database.communities().joinCode(group, title, "k7m2q9xa");
    database.communities().save(Community.unset(SERVER, title));

    String kept = "a" + "\uD83C\uDF0A".repeat(49);
    assertThat(database.communities().find(group).map(Community::name)).contains(kept);
    assertThat(database.communities().find(SERVER).map(Community::name)).contains(kept);
  }

  @Test
  void aGroupThatBecameASupergroupIsTheSameCommunity() {
    Community.Id group = new Community.Id("telegram", "-4021");
    Community.Id supergroup = new Community.Id("telegram", "-1004021");
    database.members().save(member(SAM));
    database.communities().save(setUp(group));
    database.communities().visited(SAM, group, "Harbour Lights", T0);
    String code = database.communities().joinCode(group, "Harbour Lights", "k7m2q9xa");

    database.communities().moved(group, supergroup);

    assertThat(database.communities().find(group)).isEmpty();
    assertThat(database.communities().find(supergroup)).contains(setUp(group).withId(supergroup));
    assertThat(database.communities().homeOf(SAM).map(Community::id)).contains(supergroup);
    assertThat(database.communities().byJoinCode(code).map(Community::id)).contains(supergroup);
  }

  @Test
  void aSupergroupAlreadyUsedTakesTheOldGroupsSetupAndMembers() {
    Community.Id group = new Community.Id("telegram", "-4021");
    Community.Id supergroup = new Community.Id("telegram", "-1004021");
    database.members().save(member(SAM));
    database.members().save(member(ALEX));
    database.communities().save(setUp(group));
    database.communities().visited(SAM, group, "Harbour Lights", T0.plusSeconds(60));
    database.communities().visited(ALEX, group, "Harbour Lights", T0);
    String oldCode = database.communities().joinCode(group, "Harbour Lights", "k7m2q9xa");
    // The supergroup's first updates were handled before the group's news of the move.
    database.communities().visited(SAM, supergroup, "Harbour Lights", T0);
    String newCode = database.communities().joinCode(supergroup, "Harbour Lights", "p3r8w2zt");

    database.communities().moved(group, supergroup);
    database.communities().moved(group, supergroup); // told twice: by the old chat and the new

    assertThat(database.communities().find(supergroup)).contains(setUp(group).withId(supergroup));
    // Links shared before and after the move both lead to the supergroup.
    assertThat(database.communities().byJoinCode(oldCode).map(Community::id)).contains(supergroup);
    assertThat(database.communities().byJoinCode(newCode).map(Community::id)).contains(supergroup);
    assertThat(database.communities().visitsOf(SAM))
        .containsExactly(new Community.Visit(supergroup, "Harbour Lights", T0.plusSeconds(60)));
    assertThat(database.communities().homeOf(ALEX).map(Community::id)).contains(supergroup);
  }

  @Test
  void aHostsSetupIsNotUndoneByAVisitThatStartedBeforeIt() {
    database.members().save(member(SAM));
    database.communities().save(setUp(SERVER));

    database.communities().visited(SAM, SERVER, "a name from before the setup", T0);

    assertThat(database.communities().find(SERVER)).contains(setUp(SERVER));
  }

  @Test
  void forgettingAMemberTakesThemOutOfEveryCommunity() {
    database.members().save(member(SAM));
    database.communities().visited(SAM, SERVER, "Harbour Lights", T0);

    database.members().forget(SAM);
    database.members().save(member(SAM)); // the same person, starting again

    assertThat(database.communities().homeOf(SAM)).isEmpty();
    assertThat(database.communities().find(SERVER)).isPresent();
  }

  @Test
  void theZonesInUseAreEachMembersAndCommunitysOnceAndInOrder() {
    database.members().save(member(ALEX));
    database.members().save(member(SAM));
    database.members().save(Member.arriving(new MemberId("console", "local"), "en", T0));
    database.communities().save(setUp(SERVER));

    assertThat(database.zonesInUse()).containsExactly("America/Chicago", "Europe/London");
  }
}
