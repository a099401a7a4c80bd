package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.porchlight.testing.FakeTicker;
import org.slf4j.LoggerFactory;

class DatabaseOutageTest {
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(DatabaseOutage.class);

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(log);
    logger.setLevel(null);
    OutageNoise.databaseAway(false);
  }

  @Test
  void anOutageIsSaidOnceAsItBeginsAndOnceAsItEndsWithHowLong() {
    FakeTicker ticker = new FakeTicker();
    DatabaseOutage outage = new DatabaseOutage(ticker);

    outage.accept(false);
    ticker.advance(Duration.ofSeconds(34));
    outage.accept(true);

    assertThat(log.list).hasSize(2);
    assertThat(log.list.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(log.list.get(0).getFormattedMessage())
        .contains("can't reach the database")
        .contains("nothing is lost");
    assertThat(log.list.get(1).getLevel()).isEqualTo(Level.INFO);
    assertThat(log.list.get(1).getFormattedMessage()).contains("database is back").contains("34 s");
    assertThat(log.list).allMatch(event -> event.getThrowableProxy() == null);
  }

  @Test
  void theLibrariesComplaintsAboutALostConnectionAreDroppedOursAndOthersAreNot() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    OutageNoise noise = new OutageNoise();
    Logger quartz = context.getLogger("org.quartz.impl.jdbcjobstore.JobStoreTX");
    Logger hikari = context.getLogger("com.zaxxer.hikari.pool.ProxyConnection");
    Logger ours = context.getLogger("org.porchlight.delivery.Sender");
    Exception lost =
        new Exception("Failed to obtain DB connection", new SQLTransientConnectionException("x"));

    assertThat(noise.decide(null, quartz, Level.ERROR, "ClusterManager: {}", null, lost))
        .isEqualTo(FilterReply.DENY);
    assertThat(
            noise.decide(
                null,
                hikari,
                Level.WARN,
                "{} - Connection {} marked as broken because of SQLSTATE({}), ErrorCode({})",
                new Object[] {"porchlight", "c", "57P01", 0},
                null))
        .isEqualTo(FilterReply.DENY);
    assertThat(noise.decide(null, ours, Level.ERROR, "anything", null, lost))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(
            noise.decide(null, quartz, Level.ERROR, "a job failed", null, new RuntimeException()))
        .as("not an outage")
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(noise.decide(null, quartz, Level.DEBUG, "ClusterManager: {}", null, lost))
        .as("below WARN, left to the levels")
        .isEqualTo(FilterReply.NEUTRAL);

    // Quartz rolling back on a connection HikariCP has already closed, having found it broken.
    Logger lock = context.getLogger("org.quartz.impl.jdbcjobstore.StdRowLockSemaphore");
    assertThat(
            noise.decide(
                null,
                lock,
                Level.ERROR,
                "Couldn't rollback jdbc connection. Connection is closed",
                null,
                new java.sql.SQLException("Connection is closed")))
        .isEqualTo(FilterReply.DENY);
    // ...as Quartz 2.5 logs it: the exception an argument of the message, not its throwable.
    assertThat(
            noise.decide(
                null,
                lock,
                Level.ERROR,
                "Couldn't rollback jdbc connection. {}",
                new Object[] {
                  "Connection is closed", new java.sql.SQLException("Connection is closed")
                },
                null))
        .isEqualTo(FilterReply.DENY);

    // Once the outage is known, whatever Quartz says about it is dropped too.
    OutageNoise.databaseAway(true);
    assertThat(noise.decide(null, quartz, Level.ERROR, "Couldn't rollback", null, null))
        .isEqualTo(FilterReply.DENY);
  }
}
