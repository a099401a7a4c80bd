package org.porchlight.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.porchlight.core.Buddy;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Pod;
import org.porchlight.core.Prompt;
import org.porchlight.core.ReachOut;
import org.porchlight.core.port.BuddyStore;
import org.porchlight.core.port.ReachOutStore;
import org.porchlight.core.port.SupportStore;

/** Buddies and weekly reach-outs on a real database: H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PeopleStoreContract {
  private static final Instant T0 = Instant.parse("2026-11-21T16:00:00Z");
  private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 21);
  private static final MemberId ALEX = new MemberId("telegram", "1001");
  private static final MemberId SAM = new MemberId("discord", "1085261609959558209");
  private static final MemberId KIM = new MemberId("console", "local");
  private static final Sealer SEALER = new Sealer(new byte[Sealer.KEY_BYTES]);

  private Database database;
  private BuddyStore buddies;
  private ReachOutStore reachOuts;

  abstract Database open();

  @BeforeEach
  void emptyDatabase() throws SQLException {
    if (database == null) {
      database = open();
      buddies = database.buddies(SEALER);
      reachOuts = database.reachOuts();
    }
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM members");
      // Another test's key may have sealed the check; these tests seal with their own.
      s.executeUpdate("DELETE FROM secret_key_check");
    }
    for (MemberId id : new MemberId[] {ALEX, SAM, KIM}) {
      database
          .members()
          .save(
              Member.arriving(id, "en", T0)
                  .withCheckInTime(LocalTime.of(20, 0))
                  .withZone(ZoneId.of("Europe/London")));
    }
  }

  @AfterAll
  void close() {
    if (database != null) database.close();
  }

  @Test
  void anInvitationIsUsedOnceAndTheNameIsSealed() throws SQLException {
    buddies.invite(new Buddy.Invitation("CODE234567", ALEX, "Alexandrina", T0));
    assertThat(buddies.invitation("CODE234567")).map(Buddy.Invitation::from).contains(ALEX);
    assertThat(count("SELECT COUNT(*) FROM buddy_invitations WHERE name_sealed LIKE '%Alex%'"))
        .isZero();

    assertThat(buddies.accept("CODE234567", SAM, T0)).isTrue();
    assertThat(buddies.accept("CODE234567", KIM, T0)).as("used up").isFalse();
    Buddy link = buddies.buddyOf(ALEX).orElseThrow();
    assertThat(link.buddy()).isEqualTo(SAM);
    assertThat(link.name()).isEqualTo("Alexandrina");
    assertThat(buddies.buddyingFor(SAM)).map(Buddy::member).contains(ALEX);
    assertThat(count("SELECT COUNT(*) FROM buddies WHERE name_sealed LIKE '%Alex%'")).isZero();
  }

  @Test
  void aPersonIsBuddyToOneMemberAndAMemberHasOneBuddy() {
    buddies.invite(new Buddy.Invitation("FIRST23456", ALEX, "Alex", T0));
    buddies.invite(new Buddy.Invitation("OTHER23456", KIM, "Kim", T0));
    assertThat(buddies.accept("FIRST23456", SAM, T0)).isTrue();

    assertThat(buddies.accept("OTHER23456", SAM, T0)).as("Sam is Alex's buddy").isFalse();
    assertThat(buddies.invitation("OTHER23456")).as("still there for someone else").isPresent();
    buddies.invite(new Buddy.Invitation("AGAIN23456", ALEX, "Alex", T0));
    assertThat(buddies.accept("AGAIN23456", KIM, T0)).as("Alex has a buddy").isFalse();
    assertThat(buddies.accept("OTHER23456", KIM, T0)).as("not your own").isFalse();
  }

  @Test
  void theBuddyIsToldOnceADay() {
    buddies.invite(new Buddy.Invitation("CODE234567", ALEX, "Alex", T0));
    buddies.accept("CODE234567", SAM, T0);

    assertThat(buddies.markTold(ALEX, SATURDAY)).isTrue();
    assertThat(buddies.markTold(ALEX, SATURDAY)).isFalse();
    assertThat(buddies.markTold(ALEX, SATURDAY.plusDays(1))).isTrue();
    buddies.setAfterRoughRun(ALEX, true);
    assertThat(buddies.buddyOf(ALEX).orElseThrow().afterRoughRun()).isTrue();
  }

  @Test
  void aMessageOwedBecauseOfABuddyGoesToTheOutboxOnce() throws SQLException {
    buddies.tell(SAM, Prompt.BUDDY_NUDGE, SATURDAY, T0);
    buddies.tell(SAM, Prompt.BUDDY_NUDGE, SATURDAY, T0);

    assertThat(count("SELECT COUNT(*) FROM outbox WHERE kind = 'buddy-nudge'")).isEqualTo(1);
  }

  @Test
  void endingALinkTakesALineToTheBuddyStillWaitingForTheirQuietHours() throws SQLException {
    buddies.invite(new Buddy.Invitation("CODE234567", ALEX, "Alex", T0));
    buddies.accept("CODE234567", SAM, T0);
    buddies.tell(SAM, Prompt.BUDDY_NUDGE, SATURDAY, T0.plusSeconds(3_600));
    buddies.tell(ALEX, Prompt.BUDDY_ACCEPTED, SATURDAY, T0);

    assertThat(buddies.end(ALEX)).isTrue();
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE kind = 'buddy-nudge'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM outbox")).as("the member's own news stays").isEqualTo(1);
  }

  @Test
  void podsSavedAtOnceForOneMemberFollowEachOtherInsteadOfColliding() throws Exception {
    SupportStore support = database.support(SEALER);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Pod pod =
          new Pod(
              List.of(
                  new Pod.Entry(Pod.Ring.CORE, "Friend " + i),
                  new Pod.Entry(Pod.Ring.OUTER, "Group " + i)));
      saves.add(pool.submit(() -> support.savePod(ALEX, pod)));
    }
    pool.shutdown();
    for (java.util.concurrent.Future<?> save : saves) save.get();

    Pod last = support.pod(ALEX);
    assertThat(last.entries()).hasSize(2);
    assertThat(last.entries().get(0).name().substring("Friend ".length()))
        .isEqualTo(last.entries().get(1).name().substring("Group ".length()));
  }

  @Test
  void aNewKeySealsTheBuddyNamesAgainToo() {
    buddies.invite(new Buddy.Invitation("CODE234567", ALEX, "Alexandrina", T0));
    buddies.accept("CODE234567", SAM, T0);
    buddies.invite(new Buddy.Invitation("KIMS234567", KIM, "Kim", T0));
    Sealer next = new Sealer(Sealer.newKey());

    database.reseal(SEALER, next);

    assertThat(database.buddies(next).buddyOf(ALEX).orElseThrow().name()).isEqualTo("Alexandrina");
    assertThat(database.buddies(next).invitation("KIMS234567").orElseThrow().name())
        .isEqualTo("Kim");
    database.reseal(next, SEALER);
  }

  @Test
  void forgettingEitherSideTakesTheLinkAndTheInvitations() throws SQLException {
    buddies.invite(new Buddy.Invitation("CODE234567", ALEX, "Alex", T0));
    buddies.accept("CODE234567", SAM, T0);
    buddies.invite(new Buddy.Invitation("MORE234567", ALEX, "Alex", T0));
    database.members().forget(SAM);
    assertThat(buddies.buddyOf(ALEX)).isEmpty();

    database.members().forget(ALEX);
    assertThat(count("SELECT COUNT(*) FROM buddy_invitations")).isZero();
    assertThat(count("SELECT COUNT(*) FROM buddies")).isZero();
  }

  @Test
  void aReachOutIsKeptWithItsAnswersAndGoesWithTheMember() throws SQLException {
    assertThat(reachOuts.reachOut(ALEX)).isEqualTo(ReachOut.DEFAULT);
    ReachOut chosen =
        ReachOut.DEFAULT
            .withDay(DayOfWeek.FRIDAY)
            .asked(SATURDAY)
            .picking(new ReachOut.Pick(2, "ab12"), SATURDAY);
    reachOuts.saveReachOut(ALEX, chosen);
    reachOuts.saveReachOut(ALEX, chosen.withFollowUps(false));
    reachOuts.recordReachOut(ALEX, new ReachOut.Answered(SATURDAY, ReachOut.Answer.PICKED));
    reachOuts.recordReachOut(ALEX, new ReachOut.Answered(SATURDAY, ReachOut.Answer.PICKED));
    reachOuts.recordReachOut(
        ALEX, new ReachOut.Answered(SATURDAY.plusDays(3), ReachOut.Answer.REACHED));

    assertThat(reachOuts.reachOut(ALEX)).isEqualTo(chosen.withFollowUps(false));
    assertThat(reachOuts.reachOut(ALEX).picked()).contains(new ReachOut.Pick(2, "ab12"));
    assertThat(reachOuts.reachOutAnswers(ALEX))
        .extracting(ReachOut.Answered::answer)
        .containsExactly(ReachOut.Answer.PICKED, ReachOut.Answer.REACHED);
    database.members().forget(ALEX);
    assertThat(count("SELECT COUNT(*) FROM reach_outs")).isZero();
    assertThat(count("SELECT COUNT(*) FROM reach_out_answers")).isZero();
    reachOuts.saveReachOut(new MemberId("telegram", "nobody"), chosen);
    assertThat(count("SELECT COUNT(*) FROM reach_outs")).as("nobody stored").isZero();
    assertThat(Optional.of(reachOuts.reachOut(ALEX))).contains(ReachOut.DEFAULT);
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
