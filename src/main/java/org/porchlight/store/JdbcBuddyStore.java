package org.porchlight.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;
import org.porchlight.core.Buddy;
import org.porchlight.core.MemberId;
import org.porchlight.core.Prompt;
import org.porchlight.core.port.BuddyStore;

/**
 * Buddies in {@code buddies}, invitations in {@code buddy_invitations}, the names in both sealed by
 * a {@link Sealer}; messages owed because of a buddy go to the outbox like any other.
 */
final class JdbcBuddyStore implements BuddyStore {
  private static final String LINK =
      "SELECT m.platform AS m_platform, m.user_id AS m_user, b.platform AS b_platform,"
          + " b.user_id AS b_user, l.name_sealed, l.after_rough_run, l.told_on, l.since"
          + " FROM buddies l JOIN members m ON m.id = l.member_id"
          + " JOIN members b ON b.id = l.buddy_id";
  private static final String ROW_ID =
      "(SELECT id FROM members WHERE platform = ? AND user_id = ?)";

  private final Jdbc jdbc;
  private final Sealer sealer;

  JdbcBuddyStore(DataSource dataSource, Sealer sealer) {
    this.jdbc = new Jdbc(dataSource);
    this.sealer = requireNonNull(sealer, "sealer == null");
  }

  @Override
  public void invite(Buddy.Invitation invitation) {
    jdbc.inTransaction(
        "keeping an invitation",
        connection -> {
          Jdbc one = new Jdbc(new OneConnection(connection));
          one.update(
              "DELETE FROM buddy_invitations WHERE member_id = " + ROW_ID,
              statement -> JdbcMemberStore.bindId(statement, 1, invitation.from()));
          one.update(
              "INSERT INTO buddy_invitations (code, member_id, name_sealed, created_at)"
                  + " SELECT ?, id, ?, ? FROM members WHERE platform = ? AND user_id = ?",
              statement -> {
                statement.setString(1, invitation.code());
                statement.setString(2, sealer.seal(invitation.name()));
                Jdbc.setInstant(statement, 3, Optional.of(invitation.createdAt()));
                JdbcMemberStore.bindId(statement, 4, invitation.from());
              });
          return null;
        });
  }

  @Override
  public Optional<Buddy.Invitation> invitation(String code) {
    return jdbc.queryOne(
        "SELECT i.code, i.name_sealed, i.created_at, m.platform, m.user_id"
            + " FROM buddy_invitations i JOIN members m ON m.id = i.member_id WHERE i.code = ?",
        statement -> statement.setString(1, code),
        row ->
            new Buddy.Invitation(
                row.getString("code"),
                new MemberId(row.getString("platform"), row.getString("user_id")),
                sealer.open(row.getString("name_sealed")),
                Jdbc.getInstant(row, "created_at").orElseThrow()));
  }

  @Override
  public void dropInvitation(String code) {
    jdbc.update(
        "DELETE FROM buddy_invitations WHERE code = ?", statement -> statement.setString(1, code));
  }

  @Override
  public boolean accept(String code, MemberId buddy, Instant now) {
    Optional<MemberId> from = memberOf(code);
    if (from.isEmpty()) return false;
    try {
      return jdbc.inTransaction(
          "accepting an invitation",
          connection -> {
            Jdbc one = new Jdbc(new OneConnection(connection));
            int linked =
                one.update(
                    "INSERT INTO buddies (member_id, buddy_id, name_sealed, after_rough_run, since)"
                        + " SELECT i.member_id, b.id, i.name_sealed, FALSE, ?"
                        + " FROM buddy_invitations i, members b"
                        + " WHERE i.code = ? AND b.platform = ? AND b.user_id = ?"
                        + " AND b.id <> i.member_id",
                    statement -> {
                      Jdbc.setInstant(statement, 1, Optional.of(now));
                      statement.setString(2, code);
                      JdbcMemberStore.bindId(statement, 3, buddy);
                    });
            if (linked == 0) return false;
            one.update(
                "DELETE FROM buddy_invitations WHERE code = ?",
                statement -> statement.setString(1, code));
            return true;
          });
    } catch (StoreException e) {
      // One side already has a link of that kind (a unique key says no): not accepted.
      // Or someone else took the invitation a moment before.
      if (buddyOf(from.get()).isPresent()
          || buddyingFor(buddy).isPresent()
          || invitation(code).isEmpty()) {
        return false;
      }
      throw e;
    }
  }

  private Optional<MemberId> memberOf(String code) {
    return invitation(code).map(Buddy.Invitation::from);
  }

  @Override
  public Optional<Buddy> buddyOf(MemberId member) {
    return jdbc.queryOne(
        LINK + " WHERE m.platform = ? AND m.user_id = ?",
        statement -> JdbcMemberStore.bindId(statement, 1, member),
        this::link);
  }

  @Override
  public Optional<Buddy> buddyingFor(MemberId buddy) {
    return jdbc.queryOne(
        LINK + " WHERE b.platform = ? AND b.user_id = ?",
        statement -> JdbcMemberStore.bindId(statement, 1, buddy),
        this::link);
  }

  private Buddy link(ResultSet row) throws SQLException {
    return new Buddy(
        new MemberId(row.getString("m_platform"), row.getString("m_user")),
        new MemberId(row.getString("b_platform"), row.getString("b_user")),
        sealer.open(row.getString("name_sealed")),
        row.getBoolean("after_rough_run"),
        Optional.ofNullable(row.getObject("told_on", LocalDate.class)),
        Jdbc.getInstant(row, "since").orElseThrow());
  }

  @Override
  public boolean end(MemberId member) {
    return jdbc.inTransaction(
        "ending a buddy link",
        connection -> {
          Jdbc one = new Jdbc(new OneConnection(connection));
          // A line to the buddy still waiting (for their quiet hours to end) goes with the link.
          one.update(
              "DELETE FROM outbox WHERE kind = ? AND member_id ="
                  + " (SELECT buddy_id FROM buddies WHERE member_id = "
                  + ROW_ID
                  + ")",
              statement -> {
                statement.setString(1, Prompt.BUDDY_NUDGE.key());
                JdbcMemberStore.bindId(statement, 2, member);
              });
          return one.update(
                  "DELETE FROM buddies WHERE member_id = " + ROW_ID,
                  statement -> JdbcMemberStore.bindId(statement, 1, member))
              > 0;
        });
  }

  @Override
  public void setAfterRoughRun(MemberId member, boolean on) {
    jdbc.update(
        "UPDATE buddies SET after_rough_run = ? WHERE member_id = " + ROW_ID,
        statement -> {
          statement.setBoolean(1, on);
          JdbcMemberStore.bindId(statement, 2, member);
        });
  }

  @Override
  public boolean markTold(MemberId member, LocalDate date) {
    return jdbc.update(
            "UPDATE buddies SET told_on = ? WHERE member_id = "
                + ROW_ID
                + " AND (told_on IS NULL OR told_on <> ?)",
            statement -> {
              statement.setObject(1, date, Types.DATE);
              JdbcMemberStore.bindId(statement, 2, member);
              statement.setObject(4, date, Types.DATE);
            })
        > 0;
  }

  @Override
  public void tell(MemberId to, Prompt prompt, LocalDate date, Instant notBefore) {
    jdbc.update(
        "INSERT INTO outbox (member_id, platform, kind, local_date, created_at, not_before)"
            + " SELECT id, platform, ?, ?, ?, ? FROM members WHERE platform = ? AND user_id = ?"
            + " ON CONFLICT DO NOTHING",
        statement -> {
          statement.setString(1, prompt.key());
          statement.setObject(2, date, Types.DATE);
          Jdbc.setInstant(statement, 3, Optional.of(notBefore));
          Jdbc.setInstant(statement, 4, Optional.of(notBefore));
          JdbcMemberStore.bindId(statement, 5, to);
        });
  }
}
