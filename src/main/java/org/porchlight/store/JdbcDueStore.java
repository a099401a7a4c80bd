package org.porchlight.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
  private static final String INSERT_OUTBOX =
      "INSERT INTO outbox (member_id, platform, kind, local_date, created_at, not_before)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String ADVANCE =
      "UPDATE members SET next_checkin_at = ?, lights_on_at = ? WHERE id = ?";
  private static final String REMINDED =
      "UPDATE check_ins SET remind_at = NULL, reminded_at = ? WHERE member_id = ? AND local_date = ?";

  private final Jdbc jdbc;
  private final String claimMembers;
  private final String claimReminders;

  JdbcDueStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
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
            outbox.executeBatch();
            advance.executeBatch();
          }
          return claimed.size();
        });
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
    outbox.setLong(1, to.rowId());
    outbox.setString(2, to.member().id().platform());
    outbox.setString(3, prompt.key());
    outbox.setObject(4, date);
    Jdbc.setInstant(outbox, 5, Optional.of(now));
    Jdbc.setInstant(outbox, 6, Optional.of(now));
    outbox.addBatch();
  }
}
