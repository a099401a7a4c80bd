package org.porchlight.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.porchlight.core.MemberId;
import org.porchlight.core.Pod;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.port.SupportStore;

/**
 * Pods and safety plans, in {@code pod_entries} and {@code safety_plan_answers}, each name and
 * answer sealed by a {@link Sealer}: the database never holds them as written.
 */
final class JdbcSupportStore implements SupportStore {
  private final Jdbc jdbc;
  private final Sealer sealer;

  JdbcSupportStore(DataSource dataSource, Sealer sealer) {
    this.jdbc = new Jdbc(dataSource);
    this.sealer = requireNonNull(sealer, "sealer == null");
  }

  @Override
  public Pod pod(MemberId member) {
    List<Pod.Entry> entries =
        jdbc.query(
            "SELECT p.ring, p.name_sealed FROM pod_entries p JOIN members m ON m.id = p.member_id"
                + " WHERE m.platform = ? AND m.user_id = ? ORDER BY p.position",
            statement -> JdbcMemberStore.bindId(statement, 1, member),
            row ->
                new Pod.Entry(
                    Pod.Ring.fromKey(row.getString("ring")).orElseThrow(),
                    sealer.open(row.getString("name_sealed"))));
    return new Pod(entries);
  }

  @Override
  public void savePod(MemberId member, Pod pod) {
    jdbc.inTransaction(
        "saving a pod",
        connection -> {
          Jdbc one = new Jdbc(new OneConnection(connection));
          lockMember(one, member);
          writePod(one, member, pod);
          return null;
        });
  }

  /**
   * Takes the member's row for this transaction, so that two saves of one member's pod or plan at
   * once (two quick presses on Discord) follow each other instead of colliding on the same rows.
   */
  private static void lockMember(Jdbc one, MemberId member) {
    one.query(
        "SELECT id FROM members WHERE platform = ? AND user_id = ? FOR UPDATE",
        statement -> JdbcMemberStore.bindId(statement, 1, member),
        row -> row.getLong("id"));
  }

  /**
   * Replaces the member's pod through {@code one}, a connection whose transaction the caller holds:
   * with the rest of the member, when a whole member is replaced.
   */
  void writePod(Jdbc one, MemberId member, Pod pod) {
    one.update(
        "DELETE FROM pod_entries WHERE member_id ="
            + " (SELECT id FROM members WHERE platform = ? AND user_id = ?)",
        statement -> JdbcMemberStore.bindId(statement, 1, member));
    List<Pod.Entry> entries = new ArrayList<>(pod.entries());
    for (int i = 0; i < entries.size(); i++) {
      int position = i;
      Pod.Entry entry = entries.get(i);
      one.update(
          "INSERT INTO pod_entries (member_id, position, ring, name_sealed)"
              + " SELECT id, ?, ?, ? FROM members WHERE platform = ? AND user_id = ?",
          statement -> {
            statement.setInt(1, position);
            statement.setString(2, entry.ring().key());
            statement.setString(3, sealer.seal(entry.name()));
            JdbcMemberStore.bindId(statement, 4, member);
          });
    }
  }

  @Override
  public SafetyPlan plan(MemberId member) {
    Map<SafetyPlan.Section, String> answers = new EnumMap<>(SafetyPlan.Section.class);
    jdbc.query(
            "SELECT s.section, s.answer_sealed FROM safety_plan_answers s"
                + " JOIN members m ON m.id = s.member_id WHERE m.platform = ? AND m.user_id = ?",
            statement -> JdbcMemberStore.bindId(statement, 1, member),
            row ->
                Map.entry(
                    SafetyPlan.Section.fromKey(row.getString("section")).orElseThrow(),
                    sealer.open(row.getString("answer_sealed"))))
        .forEach(answer -> answers.put(answer.getKey(), answer.getValue()));
    return new SafetyPlan(answers);
  }

  @Override
  public void savePlan(MemberId member, SafetyPlan plan) {
    jdbc.inTransaction(
        "saving a safety plan",
        connection -> {
          Jdbc one = new Jdbc(new OneConnection(connection));
          lockMember(one, member);
          writePlan(one, member, plan);
          return null;
        });
  }

  /** Replaces the member's plan through {@code one}, as {@link #writePod} does their pod. */
  void writePlan(Jdbc one, MemberId member, SafetyPlan plan) {
    one.update(
        "DELETE FROM safety_plan_answers WHERE member_id ="
            + " (SELECT id FROM members WHERE platform = ? AND user_id = ?)",
        statement -> JdbcMemberStore.bindId(statement, 1, member));
    for (Map.Entry<SafetyPlan.Section, String> answer : plan.answers().entrySet()) {
      one.update(
          "INSERT INTO safety_plan_answers (member_id, section, answer_sealed)"
              + " SELECT id, ?, ? FROM members WHERE platform = ? AND user_id = ?",
          statement -> {
            statement.setString(1, answer.getKey().key());
            statement.setString(2, sealer.seal(answer.getValue()));
            JdbcMemberStore.bindId(statement, 3, member);
          });
    }
  }
}
