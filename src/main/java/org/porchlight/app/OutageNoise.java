package org.porchlight.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import org.porchlight.store.Failures;
import org.slf4j.Marker;

/**
 * The libraries' complaints about a lost database connection are dropped from the log: Quartz,
 * HikariCP and the driver each report every connection they lose and every try that fails, with a
 * stack trace, several a second while the database is away. {@link DatabaseOutage} says it once
 * instead. Porchlight's own lines always appear. Wired in {@code logback.xml}.
 */
public final class OutageNoise extends TurboFilter {
  private static volatile boolean databaseAway;

  /** Whether the database probe last found the database away. */
  static void databaseAway(boolean away) {
    databaseAway = away;
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN)) return FilterReply.NEUTRAL;
    String name = logger.getName();
    if (name.startsWith("org.porchlight")) return FilterReply.NEUTRAL;
    if (!name.startsWith("org.quartz")
        && !name.startsWith("com.zaxxer.hikari")
        && !name.startsWith("org.postgresql")) {
      return FilterReply.NEUTRAL;
    }
    return databaseAway || lostConnection(format, params, t)
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }

  private static boolean lostConnection(String format, Object[] params, Throwable t) {
    if (t != null) return lost(t);
    // HikariCP names a connection it found closed, or gives up, without the exception.
    if (format != null
        && (format.contains("marked as broken") || format.contains("Failed to validate"))) {
      return true;
    }
    if (params != null) {
      for (Object param : params) {
        // Quartz passes the exception as an argument, not as the throwable: "…{}", message, e.
        if (param instanceof Throwable thrown && lost(thrown)) return true;
      }
    }
    return false;
  }

  private static boolean lost(Throwable t) {
    return Failures.isUnreachable(t) || usedAfterItWasLost(t);
  }

  /**
   * HikariCP's "Connection is closed", without a state: Quartz using a connection the pool has
   * already closed, having found it broken.
   */
  private static boolean usedAfterItWasLost(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException && "Connection is closed".equals(cause.getMessage())) {
        return true;
      }
      if (cause.getCause() == cause) break;
    }
    return false;
  }
}
