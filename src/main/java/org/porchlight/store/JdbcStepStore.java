package org.porchlight.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.porchlight.core.MemberId;
import org.porchlight.core.StepGiven;
import org.porchlight.core.port.StepStore;

/** Steps given, in the {@code steps_given} table. */
final class JdbcStepStore implements StepStore {
  private final Jdbc jdbc;

  JdbcStepStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public void record(StepGiven given) {
    jdbc.update(
        "INSERT INTO steps_given (member_id, step_id, given_at)"
            + " SELECT id, ?, ? FROM members WHERE platform = ? AND user_id = ?",
        statement -> {
          statement.setString(1, given.stepId());
          Jdbc.setInstant(statement, 2, Optional.of(given.givenAt()));
          JdbcMemberStore.bindId(statement, 3, given.member());
        });
  }

  @Override
  public Map<String, Instant> lastSeen(MemberId member) {
    Map<String, Instant> lastSeen = new LinkedHashMap<>();
    jdbc.query(
            "SELECT s.step_id, MAX(s.given_at) AS last_given FROM steps_given s"
                + " JOIN members m ON m.id = s.member_id"
                + " WHERE m.platform = ? AND m.user_id = ? GROUP BY s.step_id",
            statement -> JdbcMemberStore.bindId(statement, 1, member),
            row ->
                Map.entry(
                    row.getString("step_id"), Jdbc.getInstant(row, "last_given").orElseThrow()))
        .forEach(entry -> lastSeen.put(entry.getKey(), entry.getValue()));
    return lastSeen;
  }

  @Override
  public List<StepGiven> givenTo(MemberId member) {
    return jdbc.query(
        "SELECT m.platform, m.user_id, s.step_id, s.given_at FROM steps_given s"
            + " JOIN members m ON m.id = s.member_id"
            + " WHERE m.platform = ? AND m.user_id = ? ORDER BY s.given_at",
        statement -> JdbcMemberStore.bindId(statement, 1, member),
        row ->
            new StepGiven(
                new MemberId(row.getString("platform"), row.getString("user_id")),
                row.getString("step_id"),
                Jdbc.getInstant(row, "given_at").orElseThrow()));
  }
}
