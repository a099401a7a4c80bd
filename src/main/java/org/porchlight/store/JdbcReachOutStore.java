package org.porchlight.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.porchlight.core.MemberId;
import org.porchlight.core.ReachOut;
import org.porchlight.core.port.ReachOutStore;

/** Weekly reach-outs in {@code reach_outs}, their answers in {@code reach_out_answers}. */
final class JdbcReachOutStore implements ReachOutStore {
  static final String COLUMNS =
      "r.weekly, r.weekday, r.follow_ups, r.asked_on, r.picked_position, r.picked_check,"
          + " r.follow_up_on";
  static final String UPDATE =
      "UPDATE reach_outs SET weekly = ?, weekday = ?, follow_ups = ?, asked_on = ?,"
          + " picked_position = ?, picked_check = ?, follow_up_on = ? WHERE member_id = ?";
  static final String INSERT =
      "INSERT INTO reach_outs (weekly, weekday, follow_ups, asked_on, picked_position,"
          + " picked_check, follow_up_on, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private final Jdbc jdbc;

  JdbcReachOutStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public ReachOut reachOut(MemberId member) {
    return jdbc.queryOne(
            "SELECT "
                + COLUMNS
                + " FROM reach_outs r JOIN members m ON m.id = r.member_id"
                + " WHERE m.platform = ? AND m.user_id = ?",
            statement -> JdbcMemberStore.bindId(statement, 1, member),
            JdbcReachOutStore::reachOut)
        .orElse(ReachOut.DEFAULT);
  }

  @Override
  public void saveReachOut(MemberId member, ReachOut reachOut) {
    Optional<Long> rowId =
        jdbc.queryOne(
            "SELECT id FROM members WHERE platform = ? AND user_id = ?",
            statement -> JdbcMemberStore.bindId(statement, 1, member),
            row -> row.getLong("id"));
    if (rowId.isEmpty()) return;
    save(jdbc, rowId.get(), reachOut);
  }

  /** Writes {@code reachOut} for the member with row id {@code memberRowId}, through {@code on}. */
  static void save(Jdbc on, long memberRowId, ReachOut reachOut) {
    on.upsert(
        UPDATE,
        INSERT,
        statement -> bind(statement, memberRowId, reachOut),
        statement -> bind(statement, memberRowId, reachOut));
  }

  /**
   * Notes the day the weekly question was sent, for the member with row id {@code memberRowId},
   * writing the whole row (with {@code reachOut}'s defaults) only when there was none.
   */
  static void markAsked(Jdbc on, long memberRowId, ReachOut reachOut) {
    on.upsert(
        "UPDATE reach_outs SET asked_on = ? WHERE member_id = ?",
        INSERT,
        statement -> {
          statement.setObject(1, reachOut.askedOn().orElse(null), Types.DATE);
          statement.setLong(2, memberRowId);
        },
        statement -> bind(statement, memberRowId, reachOut));
  }

  /** Notes that the follow-up went: none is owed any more. */
  static void markFollowedUp(Jdbc on, long memberRowId) {
    on.update(
        "UPDATE reach_outs SET follow_up_on = NULL WHERE member_id = ?",
        statement -> statement.setLong(1, memberRowId));
  }

  @Override
  public void recordReachOut(MemberId member, ReachOut.Answered answered) {
    jdbc.update(
        "INSERT INTO reach_out_answers (member_id, local_date, answer)"
            + " SELECT id, ?, ? FROM members WHERE platform = ? AND user_id = ?"
            + " ON CONFLICT DO NOTHING",
        statement -> {
          statement.setObject(1, answered.date());
          statement.setString(2, answered.answer().key());
          JdbcMemberStore.bindId(statement, 3, member);
        });
  }

  @Override
  public List<ReachOut.Answered> reachOutAnswers(MemberId member) {
    return jdbc.query(
        "SELECT a.local_date, a.answer FROM reach_out_answers a"
            + " JOIN members m ON m.id = a.member_id WHERE m.platform = ? AND m.user_id = ?"
            + " ORDER BY a.local_date, a.answer",
        statement -> JdbcMemberStore.bindId(statement, 1, member),
        row ->
            new ReachOut.Answered(
                row.getObject("local_date", LocalDate.class),
                ReachOut.Answer.fromKey(row.getString("answer")).orElseThrow()));
  }

  /** A reach-out from a row with {@link #COLUMNS}; the defaults when the row had none. */
  static ReachOut reachOut(ResultSet row) throws SQLException {
    if (row.getObject("weekly") == null) return ReachOut.DEFAULT;
    Optional<String> check = Optional.ofNullable(row.getString("picked_check"));
    int position = row.getInt("picked_position");
    Optional<ReachOut.Pick> picked =
        row.wasNull() || check.isEmpty()
            ? Optional.empty()
            : Optional.of(new ReachOut.Pick(position, check.get()));
    return new ReachOut(
        row.getBoolean("weekly"),
        Optional.ofNullable(row.getString("weekday")).flatMap(JdbcMemberStore::day),
        row.getBoolean("follow_ups"),
        Optional.ofNullable(row.getObject("asked_on", LocalDate.class)),
        picked,
        Optional.ofNullable(row.getObject("follow_up_on", LocalDate.class)));
  }

  private static void bind(PreparedStatement statement, long memberRowId, ReachOut reachOut)
      throws SQLException {
    statement.setBoolean(1, reachOut.weekly());
    statement.setString(2, reachOut.day().map(JdbcMemberStore::code).orElse(null));
    statement.setBoolean(3, reachOut.followUps());
    statement.setObject(4, reachOut.askedOn().orElse(null), Types.DATE);
    if (reachOut.picked().isPresent()) {
      statement.setInt(5, reachOut.picked().get().index());
      statement.setString(6, reachOut.picked().get().check());
    } else {
      statement.setNull(5, Types.INTEGER);
      statement.setNull(6, Types.VARCHAR);
    }
    statement.setObject(7, reachOut.followUpOn().orElse(null), Types.DATE);
    statement.setLong(8, memberRowId);
  }
}
