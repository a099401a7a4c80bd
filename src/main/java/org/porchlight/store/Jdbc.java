package org.porchlight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC moves the stores share, with {@link SQLException} wrapped where it is caught: a
 * {@link org.porchlight.core.port.StoreUnavailable} when the database can't be reached, a {@link
 * StoreException} otherwise.
 */
final class Jdbc {
  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  int update(String sql, Binder binder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw Failures.of("update failed: " + firstWords(sql), e);
    }
  }

  <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) result.add(mapper.map(rows));
        return result;
      }
    } catch (SQLException e) {
      throw Failures.of("query failed: " + firstWords(sql), e);
    }
  }

  <T> Optional<T> queryOne(String sql, Binder binder, RowMapper<T> mapper) {
    List<T> rows = query(sql, binder, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
  <T> T inTransaction(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollBack(connection, e);
        throw e;
      } finally {
        try {
          connection.setAutoCommit(true);
        } catch (SQLException e) {
          // A connection lost mid-transaction: the pool drops it, and the first failure stands.
        }
      }
    } catch (SQLException e) {
      throw Failures.of(what + " failed", e);
    }
  }

  /** Rolls back after {@code failure}; a rollback that fails too is told with it, not instead. */
  private static void rollBack(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Updates a row and, when there was none, inserts it: portable across H2 and PostgreSQL. */
  void upsert(String update, String insert, Binder updateBinder, Binder insertBinder) {
    if (update(update, updateBinder) > 0) return;
    try {
      update(insert, insertBinder);
    } catch (StoreException e) {
      // Another writer inserted the row between our update and insert: update it instead.
      if (update(update, updateBinder) == 0) throw e;
    }
  }

  /**
   * {@code " ORDER BY columns"} for a claim ({@code ... LIMIT ? FOR UPDATE SKIP LOCKED}), or
   * nothing on H2: under FOR UPDATE, H2 locks every row that matches before it sorts, so a claim of
   * a few rows would lock all of them (the whole backlog); walking the index, it takes them in
   * order anyway.
   */
  String claimOrder(String columns) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return product.equalsIgnoreCase("H2") ? "" : " ORDER BY " + columns;
    } catch (SQLException e) {
      throw Failures.of("reading which database this is", e);
    }
  }

  static void setInstant(PreparedStatement statement, int index, Optional<Instant> instant)
      throws SQLException {
    if (instant.isPresent()) {
      statement.setObject(index, OffsetDateTime.ofInstant(instant.get(), ZoneOffset.UTC));
    } else {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  static Optional<Instant> getInstant(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  private static String firstWords(String sql) {
    String flat = sql.strip().replaceAll("\\s+", " ");
    return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
  }
}
