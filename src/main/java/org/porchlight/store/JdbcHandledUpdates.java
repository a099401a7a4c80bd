package org.porchlight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.porchlight.intake.HandledUpdates;

/** Claims on updates in the {@code handled_updates} table, one row an update. */
final class JdbcHandledUpdates implements HandledUpdates {
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbc jdbc;

  JdbcHandledUpdates(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Claim claim(String source, long updateId, Instant now, Duration lapseAfter) {
    String token = UUID.randomUUID().toString();
    return jdbc.inTransaction(
        "claiming an update",
        connection -> {
          try (PreparedStatement find =
              connection.prepareStatement(
                  "SELECT claimed_at, claim, failures, handled_at FROM handled_updates"
                      + " WHERE source = ? AND update_id = ? FOR UPDATE")) {
            find.setString(1, source);
            find.setLong(2, updateId);
            try (ResultSet row = find.executeQuery()) {
              if (!row.next()) {
                return insert(connection, source, updateId, now, token)
                    ? new Claim.Held(source, updateId, token, 0)
                    : new Claim.InHand(); // another instance claimed it a moment ago
              }
              if (row.getObject("handled_at") != null) return new Claim.HandledBefore();
              Instant claimedAt = Jdbc.getInstant(row, "claimed_at").orElseThrow();
              boolean held = row.getString("claim") != null;
              if (held && claimedAt.isAfter(now.minus(lapseAfter))) return new Claim.InHand();
              int failures = row.getInt("failures");
              try (PreparedStatement take =
                  connection.prepareStatement(
                      "UPDATE handled_updates SET claim = ?, claimed_at = ?"
                          + " WHERE source = ? AND update_id = ?")) {
                take.setString(1, token);
                Jdbc.setInstant(take, 2, Optional.of(now));
                take.setString(3, source);
                take.setLong(4, updateId);
                take.executeUpdate();
              }
              return new Claim.Held(source, updateId, token, failures);
            }
          }
        });
  }

  private static boolean insert(
      Connection connection, String source, long updateId, Instant now, String token)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO handled_updates (source, update_id, claimed_at, claim)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, source);
      insert.setLong(2, updateId);
      Jdbc.setInstant(insert, 3, Optional.of(now));
      insert.setString(4, token);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      // PostgreSQL waits for the other insert and then does nothing; H2 may report the duplicate.
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) return false;
      throw e;
    }
  }

  @Override
  public void handled(Claim.Held claim, Instant now) {
    jdbc.update(
        "UPDATE handled_updates SET handled_at = ?, claim = NULL"
            + " WHERE source = ? AND update_id = ?",
        statement -> {
          Jdbc.setInstant(statement, 1, Optional.of(now));
          statement.setString(2, claim.source());
          statement.setLong(3, claim.updateId());
        });
  }

  @Override
  public void failed(Claim.Held claim) {
    // Only while the claim is still ours: one that lapsed may have been taken over meanwhile.
    jdbc.update(
        "UPDATE handled_updates SET claim = NULL, failures = failures + 1"
            + " WHERE source = ? AND update_id = ? AND claim = ?",
        statement -> {
          statement.setString(1, claim.source());
          statement.setLong(2, claim.updateId());
          statement.setString(3, claim.token());
        });
  }

  @Override
  public int forgetBefore(Instant cutoff) {
    return jdbc.update(
        "DELETE FROM handled_updates WHERE claimed_at < ?",
        statement -> Jdbc.setInstant(statement, 1, Optional.of(cutoff)));
  }
}
