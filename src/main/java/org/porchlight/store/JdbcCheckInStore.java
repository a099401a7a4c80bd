package org.porchlight.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.porchlight.core.CheckIn;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.core.Via;
import org.porchlight.core.port.CheckInStore;

/** Check-ins in the {@code check_ins} table, one row per member and local day. */
final class JdbcCheckInStore implements CheckInStore {
  private static final String MEMBER =
      "(SELECT id FROM members WHERE platform = ? AND user_id = ?)";
  private static final String SELECT =
      "SELECT m.platform, m.user_id, c.local_date, c.prompted_at, c.answered_at, c.mood, c.via,"
          + " c.reminded_at"
          + " FROM check_ins c JOIN members m ON m.id = c.member_id"
          + " WHERE m.platform = ? AND m.user_id = ?";

  private final Jdbc jdbc;

  JdbcCheckInStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<CheckIn> find(MemberId member, LocalDate date) {
    return jdbc.queryOne(
        SELECT + " AND c.local_date = ?",
        statement -> {
          JdbcMemberStore.bindId(statement, 1, member);
          statement.setObject(3, date);
        },
        JdbcCheckInStore::checkIn);
  }

  // reminded_at is not written here: the reminder sweep alone sets it, and a member's answer saved
  // at the same moment must not undo it.
  @Override
  public void save(CheckIn checkIn) {
    jdbc.upsert(
        "UPDATE check_ins SET prompted_at = ?, answered_at = ?, mood = ?, via = ?"
            + " WHERE member_id = "
            + MEMBER
            + " AND local_date = ?",
        "INSERT INTO check_ins (prompted_at, answered_at, mood, via, member_id, local_date)"
            + " VALUES (?, ?, ?, ?, "
            + MEMBER
            + ", ?)",
        statement -> bind(statement, checkIn),
        statement -> bind(statement, checkIn));
  }

  @Override
  public List<CheckIn> between(MemberId member, LocalDate from, LocalDate to) {
    return jdbc.query(
        SELECT + " AND c.local_date BETWEEN ? AND ? ORDER BY c.local_date",
        statement -> {
          JdbcMemberStore.bindId(statement, 1, member);
          statement.setObject(3, from);
          statement.setObject(4, to);
        },
        JdbcCheckInStore::checkIn);
  }

  @Override
  public List<CheckIn> allFor(MemberId member) {
    return jdbc.query(
        SELECT + " ORDER BY c.local_date",
        statement -> JdbcMemberStore.bindId(statement, 1, member),
        JdbcCheckInStore::checkIn);
  }

  private static void bind(PreparedStatement statement, CheckIn checkIn) throws SQLException {
    Jdbc.setInstant(statement, 1, checkIn.promptedAt());
    Jdbc.setInstant(statement, 2, checkIn.answeredAt());
    if (checkIn.mood().isPresent()) {
      statement.setString(3, checkIn.mood().get().key());
      statement.setString(4, checkIn.via().orElseThrow().key());
    } else {
      statement.setNull(3, Types.VARCHAR);
      statement.setNull(4, Types.VARCHAR);
    }
    JdbcMemberStore.bindId(statement, 5, checkIn.member());
    statement.setObject(7, checkIn.date());
  }

  private static CheckIn checkIn(ResultSet row) throws SQLException {
    return new CheckIn(
        new MemberId(row.getString("platform"), row.getString("user_id")),
        row.getObject("local_date", LocalDate.class),
        Jdbc.getInstant(row, "prompted_at"),
        Jdbc.getInstant(row, "answered_at"),
        Optional.ofNullable(row.getString("mood")).map(Mood::fromKey),
        Optional.ofNullable(row.getString("via")).map(Via::fromKey),
        Jdbc.getInstant(row, "reminded_at"));
  }
}
