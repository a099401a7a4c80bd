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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.porchlight.core.Member;
import org.porchlight.core.Prompt;
import org.porchlight.delivery.Outbox;

/** The {@code outbox} table: taken under a lease with {@code FOR UPDATE SKIP LOCKED}. */
final class JdbcOutbox implements Outbox {
  private static final String LEASE =
      "UPDATE outbox SET not_before = ?, attempts = attempts + 1 WHERE id = ANY (?)";

  private final Jdbc jdbc;
  private final String takeLetters;

  JdbcOutbox(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
    this.takeLetters =
        "SELECT id, member_id, kind, local_date, attempts FROM outbox"
            + " WHERE platform = ANY (?) AND not_before <= ?"
            + jdbc.claimOrder("not_before, id")
            + " LIMIT ? FOR UPDATE SKIP LOCKED";
  }

  private record Row(long id, long memberRowId, Prompt prompt, LocalDate date, int attempts) {}

  @Override
  public List<Letter> take(Set<String> platforms, Instant now, Duration lease, int limit) {
    if (platforms.isEmpty()) return List.of();
    return jdbc.inTransaction(
        "taking letters from the outbox",
        connection -> {
          List<Row> rows = new ArrayList<>();
          try (PreparedStatement take = connection.prepareStatement(takeLetters)) {
            take.setArray(1, connection.createArrayOf("VARCHAR", platforms.toArray()));
            Jdbc.setInstant(take, 2, Optional.of(now));
            take.setInt(3, limit);
            try (ResultSet result = take.executeQuery()) {
              while (result.next()) {
                rows.add(
                    new Row(
                        result.getLong("id"),
                        result.getLong("member_id"),
                        Prompt.fromKey(result.getString("kind")),
                        result.getObject("local_date", LocalDate.class),
                        result.getInt("attempts")));
              }
            }
          }
          rows = withoutAnsweredReminders(connection, rows);
          if (rows.isEmpty()) return List.of();
          try (PreparedStatement hold = connection.prepareStatement(LEASE)) {
            Jdbc.setInstant(hold, 1, Optional.of(now.plus(lease)));
            hold.setArray(2, ids(connection, rows.stream().map(Row::id).toList()));
            hold.executeUpdate();
          }
          Map<Long, Member> members = new HashMap<>();
          Set<Long> unreachable = new HashSet<>();
          try (PreparedStatement select = connection.prepareStatement(JdbcMemberStore.BY_ROW_IDS)) {
            select.setArray(
                1, ids(connection, rows.stream().map(Row::memberRowId).distinct().toList()));
            try (ResultSet result = select.executeQuery()) {
              while (result.next()) {
                long id = result.getLong("id");
                members.put(id, JdbcMemberStore.member(result));
                if (result.getObject("unreachable_since") != null) unreachable.add(id);
              }
            }
          }
          List<Letter> letters = new ArrayList<>();
          for (Row row : rows) {
            Member member = members.get(row.memberRowId());
            if (member == null) continue; // forgotten meanwhile: the row went with them
            letters.add(
                new Letter(
                    row.id(),
                    member,
                    !unreachable.contains(row.memberRowId()),
                    row.prompt(),
                    row.date(),
                    row.attempts() + 1));
          }
          return letters;
        });
  }

  private static final String ANSWERED =
      "SELECT member_id, local_date FROM check_ins"
          + " WHERE member_id = ANY (?) AND answered_at IS NOT NULL AND local_date = ANY (?)";

  /**
   * Drops the reminders whose check-in was answered after the sweep wrote them (a backlog, or a
   * member quicker than the senders): a reminder to answer what was answered would only confuse.
   */
  private static List<Row> withoutAnsweredReminders(Connection connection, List<Row> rows)
      throws SQLException {
    List<Row> reminders = rows.stream().filter(row -> row.prompt() == Prompt.REMINDER).toList();
    if (reminders.isEmpty()) return rows;
    Set<List<Object>> answered = new HashSet<>();
    try (PreparedStatement select = connection.prepareStatement(ANSWERED)) {
      select.setArray(
          1, ids(connection, reminders.stream().map(Row::memberRowId).distinct().toList()));
      select.setArray(
          2,
          connection.createArrayOf("DATE", reminders.stream().map(Row::date).distinct().toArray()));
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          answered.add(
              List.of(
                  result.getLong("member_id"), result.getObject("local_date", LocalDate.class)));
        }
      }
    }
    List<Long> moot =
        reminders.stream()
            .filter(row -> answered.contains(List.of(row.memberRowId(), row.date())))
            .map(Row::id)
            .toList();
    if (moot.isEmpty()) return rows;
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
      delete.setArray(1, ids(connection, moot));
      delete.executeUpdate();
    }
    return rows.stream().filter(row -> !moot.contains(row.id())).toList();
  }

  @Override
  public void sent(Collection<Long> ids) {
    if (ids.isEmpty()) return;
    jdbc.inTransaction(
        "removing sent letters",
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            delete.setArray(1, ids(connection, ids));
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public void retry(long id, Instant notBefore) {
    jdbc.update(
        "UPDATE outbox SET not_before = ? WHERE id = ?",
        statement -> {
          Jdbc.setInstant(statement, 1, Optional.of(notBefore));
          statement.setLong(2, id);
        });
  }

  private static final String CALL_OFF_REMINDER =
      "UPDATE check_ins SET remind_at = NULL WHERE remind_at IS NOT NULL AND EXISTS (SELECT 1"
          + " FROM outbox o WHERE o.id = ? AND o.kind = 'checkin' AND o.member_id ="
          + " check_ins.member_id AND o.local_date = check_ins.local_date)";

  @Override
  public void drop(long id) {
    jdbc.inTransaction(
        "dropping a letter",
        connection -> {
          try (PreparedStatement callOff = connection.prepareStatement(CALL_OFF_REMINDER);
              PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            callOff.setLong(1, id);
            callOff.executeUpdate();
            delete.setLong(1, id);
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public Backlog backlog() {
    return jdbc.queryOne(
            "SELECT COUNT(*) AS waiting, MIN(created_at) AS oldest FROM outbox",
            statement -> {},
            row -> new Backlog(row.getLong("waiting"), Jdbc.getInstant(row, "oldest")))
        .orElse(new Backlog(0, Optional.empty()));
  }

  private static Array ids(Connection connection, Collection<Long> ids) throws SQLException {
    return connection.createArrayOf("BIGINT", ids.toArray());
  }
}
