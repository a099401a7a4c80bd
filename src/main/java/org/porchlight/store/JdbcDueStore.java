package org.porchlight.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.DueCheckIns.Decision;
import org.porchlight.core.Member;
import org.porchlight.core.Prompt;
import org.porchlight.core.ReachOut;
import org.porchlight.delivery.DueStore;

/**
 * The sweep's claims: rows are locked with {@code FOR UPDATE SKIP LOCKED}, so sweepers on any
 * number of instances never take the same member or check-in, and everything a claim leads to is
 * written in the same transaction.
 */
final class JdbcDueStore implements DueStore {
  private static final String INSERT_CHECK_IN =
      "INSERT INTO check_ins (member_id, local_date, prompted_at, remind_at) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT DO NOTHING";
  static final String INSERT_OUTBOX =
      "INSERT INTO outbox (member_id, platform, kind, local_date, created_at, not_before)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String ADVANCE =
      "UPDATE members SET next_checkin_at = ?, lights_on_at = ? WHERE id = ?";
  private static final String REMINDED =
      "UPDATE check_ins SET remind_at = NULL, reminded_at = ? WHERE member_id = ? AND local_date = ?";

  private final Jdbc jdbc;
  private final String claimMembers;
  private final String claimReminders;
  private final JdbcMeetingReminderSweep meetingReminders;

  JdbcDueStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
    this.meetingReminders = new JdbcMeetingReminderSweep(dataSource);
    this.claimMembers =
        "SELECT id, unreachable_since, "
            + JdbcMemberStore.COLUMNS
            + " FROM members WHERE next_checkin_at <= ?"
            + jdbc.claimOrder("next_checkin_at, id")
            + " LIMIT ? FOR UPDATE SKIP LOCKED";
    this.claimReminders =
        "SELECT member_id, local_date, answered_at FROM check_ins WHERE remind_at <= ?"
            + jdbc.claimOrder("remind_at")
            + " LIMIT ? FOR UPDATE SKIP LOCKED";
  }

  private record Claimed(long rowId, Member member, boolean reachable) {}

  @Override
  public int sweepCheckIns(Instant now, int limit, DueCheckIns rules) {
    return jdbc.inTransaction(
        "sweeping due check-ins",
        connection -> {
          List<Claimed> claimed = new ArrayList<>();
          try (PreparedStatement claim = connection.prepareStatement(claimMembers)) {
            Jdbc.setInstant(claim, 1, Optional.of(now));
            claim.setInt(2, limit);
            try (ResultSet rows = claim.executeQuery()) {
              while (rows.next()) claimed.add(claimed(rows));
            }
          }
          if (claimed.isEmpty()) return 0;
          List<Claimed> asked = new ArrayList<>();
          List<Decision.Ask> questions = new ArrayList<>();
          try (PreparedStatement checkIn = connection.prepareStatement(INSERT_CHECK_IN);
              PreparedStatement outbox = connection.prepareStatement(INSERT_OUTBOX);
              PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            for (Claimed one : claimed) {
              DueCheckIns.Outcome outcome = rules.due(one.member(), one.reachable(), now);
              if (outcome.decision() instanceof Decision.Ask ask) {
                checkIn.setLong(1, one.rowId());
                checkIn.setObject(2, ask.date());
                Jdbc.setInstant(checkIn, 3, Optional.of(now));
                Jdbc.setInstant(checkIn, 4, ask.remindAt());
                checkIn.addBatch();
                asked.add(one);
                questions.add(ask);
              } else if (outcome.decision() instanceof Decision.LightsOn lightsOn) {
                addLetter(outbox, one, Prompt.LIGHTS_ON, lightsOn.date(), now);
              }
              Jdbc.setInstant(advance, 1, outcome.member().nextCheckInAt());
              Jdbc.setInstant(advance, 2, outcome.member().contact().lightsOnAt());
              advance.setLong(3, one.rowId());
              advance.addBatch();
            }
            if (!asked.isEmpty()) {
              int[] inserted = checkIn.executeBatch();
              for (int i = 0; i < inserted.length; i++) {
                // A check-in already there for the day (asked with /checkin, or before a crash):
                // the member is not asked twice.
                if (inserted[i] == 0) continue;
                addLetter(outbox, asked.get(i), Prompt.CHECK_IN, questions.get(i).date(), now);
              }
            }
            if (!asked.isEmpty()) reachOuts(connection, outbox, asked, questions, now);
            outbox.executeBatch();
            advance.executeBatch();
          }
          return claimed.size();
        });
  }

  private static final String REACH_OUTS =
      "SELECT m.id, "
          + JdbcReachOutStore.COLUMNS
          + ", (SELECT COUNT(*) FROM pod_entries p WHERE p.member_id = m.id) AS pod_size"
          + " FROM members m LEFT JOIN reach_outs r ON r.member_id = m.id WHERE m.id = ANY (?)";
  // The weekly question and its follow-up come a moment after the day's check-in, not before it.
  private static final Duration AFTER_THE_CHECK_IN = Duration.ofSeconds(2);

  /**
   * The weekly reach-out of each member asked today, when today is its day, and the follow-up when
   * one is owed: each once, marked in the same transaction as the check-in.
   */
  private static void reachOuts(
      Connection connection,
      PreparedStatement outbox,
      List<Claimed> asked,
      List<Decision.Ask> questions,
      Instant now)
      throws SQLException {
    Map<Long, ReachOut> reachOuts = new HashMap<>();
    Map<Long, Boolean> hasPod = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(REACH_OUTS)) {
      select.setArray(
          1, connection.createArrayOf("BIGINT", asked.stream().map(Claimed::rowId).toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong("id");
          reachOuts.put(id, JdbcReachOutStore.reachOut(rows));
          hasPod.put(id, rows.getLong("pod_size") > 0);
        }
      }
    }
    Jdbc one = new Jdbc(new OneConnection(connection));
    Instant after = now.plus(AFTER_THE_CHECK_IN);
    for (int i = 0; i < asked.size(); i++) {
      Claimed member = asked.get(i);
      LocalDate date = questions.get(i).date();
      ReachOut before = reachOuts.getOrDefault(member.rowId(), ReachOut.DEFAULT);
      ReachOut reachOut = before;
      if (reachOut.askOn(member.member(), hasPod.getOrDefault(member.rowId(), false), date)) {
        addLetter(outbox, member, Prompt.REACH_OUT, date, now, after);
        reachOut = reachOut.asked(date);
      }
      if (reachOut.followUpOn(date)) {
        addLetter(outbox, member, Prompt.REACH_OUT_FOLLOW_UP, date, now, after);
        reachOut = reachOut.followedUp();
      }
      // Only the columns the sweep owns: a choice the member makes meanwhile is not written over.
      if (!reachOut.askedOn().equals(before.askedOn())) {
        JdbcReachOutStore.markAsked(one, member.rowId(), reachOut);
      }
      if (before.followUpOn().isPresent() && reachOut.followUpOn().isEmpty()) {
        JdbcReachOutStore.markFollowedUp(one, member.rowId());
      }
    }
  }

  @Override
  public int sweepReminders(Instant now, int limit, DueCheckIns rules) {
    return jdbc.inTransaction(
        "sweeping due reminders",
        connection -> {
          List<CheckInRow> due = new ArrayList<>();
          try (PreparedStatement claim = connection.prepareStatement(claimReminders)) {
            Jdbc.setInstant(claim, 1, Optional.of(now));
            claim.setInt(2, limit);
            try (ResultSet rows = claim.executeQuery()) {
              while (rows.next()) {
                due.add(
                    new CheckInRow(
                        rows.getLong("member_id"),
                        rows.getObject("local_date", LocalDate.class),
                        Jdbc.getInstant(rows, "answered_at").isPresent()));
              }
            }
          }
          if (due.isEmpty()) return 0;
          Map<Long, Claimed> members = membersById(connection, due);
          try (PreparedStatement outbox = connection.prepareStatement(INSERT_OUTBOX);
              PreparedStatement reminded = connection.prepareStatement(REMINDED)) {
            for (CheckInRow row : due) {
              Claimed one = members.get(row.memberRowId());
              boolean send =
                  one != null
                      && rules.remindNow(
                          one.member(), one.reachable(), row.date(), row.answered(), now);
              if (send) addLetter(outbox, one, Prompt.REMINDER, row.date(), now);
              Jdbc.setInstant(reminded, 1, send ? Optional.of(now) : Optional.empty());
              reminded.setLong(2, row.memberRowId());
              reminded.setObject(3, row.date());
              reminded.addBatch();
            }
            outbox.executeBatch();
            reminded.executeBatch();
          }
          return due.size();
        });
  }

  @Override
  public int sweepMeetingReminders(Instant now, int limit) {
    return meetingReminders.sweep(now, limit);
  }

  private record CheckInRow(long memberRowId, LocalDate date, boolean answered) {}

  private static Map<Long, Claimed> membersById(Connection connection, List<CheckInRow> due)
      throws SQLException {
    Map<Long, Claimed> byId = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(JdbcMemberStore.BY_ROW_IDS)) {
      Array ids =
          connection.createArrayOf(
              "BIGINT", due.stream().map(CheckInRow::memberRowId).distinct().toArray());
      select.setArray(1, ids);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Claimed one = claimed(rows);
          byId.put(one.rowId(), one);
        }
      }
    }
    return byId;
  }

  private static Claimed claimed(ResultSet row) throws SQLException {
    return new Claimed(
        row.getLong("id"), JdbcMemberStore.member(row), row.getObject("unreachable_since") == null);
  }

  private static void addLetter(
      PreparedStatement outbox, Claimed to, Prompt prompt, LocalDate date, Instant now)
      throws SQLException {
    addLetter(outbox, to, prompt, date, now, now);
  }

  private static void addLetter(
      PreparedStatement outbox,
      Claimed to,
      Prompt prompt,
      LocalDate date,
      Instant now,
      Instant notBefore)
      throws SQLException {
    outbox.setLong(1, to.rowId());
    outbox.setString(2, to.member().id().platform());
    outbox.setString(3, prompt.key());
    outbox.setObject(4, date);
    Jdbc.setInstant(outbox, 5, Optional.of(now));
    Jdbc.setInstant(outbox, 6, Optional.of(notBefore));
    outbox.addBatch();
  }
}
