package org.porchlight.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.porchlight.core.port.StoreUnavailable;

/**
 * What a driver's {@link SQLException} means to the rest of Porchlight: the database out of reach
 * ({@link StoreUnavailable}, to wait out), or a failure of the work itself ({@link
 * StoreException}).
 */
public final class Failures {
  // PostgreSQL's: the server shutting down or crashed, or not yet taking connections.
  private static final Set<String> GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

  private Failures() {}

  /** {@code e} as the exception the stores throw, {@code what} saying what was being done. */
  static RuntimeException of(String what, SQLException e) {
    return isUnreachable(e)
        ? new StoreUnavailable(what + ": the database can't be reached", e)
        : new StoreException(what, e);
  }

  /**
   * Whether {@code failure} or one of its causes says the database can't be reached: a connection
   * refused, lost or not handed out in time (HikariCP's wait), or the server stopping.
   */
  public static boolean isUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StoreUnavailable
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof java.net.ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // Class 08: connection exceptions, in every database's SQLSTATE.
        if (state.startsWith("08") || GOING_OR_COMING.contains(state)) return true;
      }
      if (cause.getCause() == cause) break;
    }
    return false;
  }
}
