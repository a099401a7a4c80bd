package org.porchlight.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.porchlight.core.port.StoreUnavailable;

class FailuresTest {
  @Test
  void aDatabaseOutOfReachIsToBeWaitedOut() {
    // HikariCP, when no connection came in time; PostgreSQL's connection errors and shutdowns.
    assertThat(Failures.of("query", new SQLTransientConnectionException("request timed out")))
        .isInstanceOf(StoreUnavailable.class)
        .hasMessageContaining("can't be reached");
    assertThat(Failures.of("query", new SQLException("I/O error", "08006")))
        .isInstanceOf(StoreUnavailable.class);
    assertThat(Failures.of("query", new SQLException("terminating connection", "57P01")))
        .isInstanceOf(StoreUnavailable.class);
    assertThat(Failures.of("query", new SQLException("starting up", "57P03")))
        .isInstanceOf(StoreUnavailable.class);
    assertThat(
            Failures.of(
                "query", new SQLException("refused", null, new ConnectException("refused"))))
        .isInstanceOf(StoreUnavailable.class);
  }

  @Test
  void aFailoverAndAnH2ServerGoneAreToo() {
    assertThat(Failures.of("update", new SQLException("read-only transaction", "25006")))
        .isInstanceOf(StoreUnavailable.class);
    assertThat(Failures.of("query", new SQLException("Connection is broken", "90067")))
        .isInstanceOf(StoreUnavailable.class);
  }

  @Test
  void aWrongPasswordOrAnEmbeddedDatabaseClosingItselfIsNotWaitedOut() {
    // HikariCP's wait, whose last try was refused for the password: a failure to look into.
    SQLTransientConnectionException waited =
        new SQLTransientConnectionException(
            "Connection is not available", "08001", new SQLException("auth failed", "28P01"));
    assertThat(Failures.isUnreachable(waited)).isFalse();
    // H2 closes itself when its disk is full, say: not an outage to wait out.
    assertThat(Failures.of("query", new SQLException("Database is already closed", "90098")))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void aFailureOfTheWorkItselfIsNot() {
    assertThat(Failures.of("insert", new SQLException("duplicate key", "23505")))
        .isInstanceOf(StoreException.class);
    assertThat(Failures.of("query", new SQLException("syntax error", "42601")))
        .isInstanceOf(StoreException.class);
    assertThat(Failures.of("query", new SQLException("no state")))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void aLibrarysWrappingOfAnOutageIsSeenThrough() {
    Exception quartz =
        new Exception(
            "Failed to obtain DB connection",
            new SQLTransientConnectionException("Connection is not available"));

    assertThat(Failures.isUnreachable(quartz)).isTrue();
    assertThat(Failures.isUnreachable(new IllegalStateException("something else"))).isFalse();
    assertThat(StoreUnavailable.isCause(new RuntimeException(new StoreUnavailable("away", null))))
        .isTrue();
  }
}
