package org.porchlight.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.porchlight.core.port.StoreUnavailable;

/**
 * What a driver's {@link SQLException} means to the rest of Porchlight: the database out of reach
 * ({@link StoreUnavailable}, to wait out), or a failure of the work itself ({@link
 * StoreException}).
 */
public final class Failures {
  // PostgreSQL's: the server shutting down, crashed or not yet taking connections; and a server
  // that is read-only for now (a standby not yet promoted in a failover).
  private static final Set<String> GOING_OR_COMING = Set.of("57P01", "57P02", "57P03", "25006");
  // H2's: the connection to an H2 server lost, or the database behind it closed as its process
  // ends.
  private static final Set<String> H2_GONE = Set.of("90067", "90121");

  private Failures() {}

  /** {@code e} as the exception the stores throw, {@code what} saying what was being done. */
  static RuntimeException of(String what, SQLException e) {
    return isUnreachable(e)
        ? new StoreUnavailable(what + ": the database can't be reached", e)
        : new StoreException(what, e);
  }

  /**
   * Whether {@code failure} or one of its causes says the database can't be reached: a connection
   * refused, lost or not handed out in time (HikariCP's wait), the server stopping or starting, or
   * a standby that can't take writes yet during a failover. Not a wrong password, a missing
   * database, or the embedded database closing itself: those are failures to look into.
   */
  public static boolean isUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StoreUnavailable
          || cause instanceof java.net.ConnectException
          || cause instanceof java.net.SocketException) {
        return true;
      }
      if (cause instanceof SQLTransientConnectionException waited) {
        // HikariCP gave up waiting for a connection: the pool busy, or the database away, which
        // its cause (the last try to connect) says; any other cause is a real failure.
        return waited.getCause() == null || isUnreachable(waited.getCause());
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // Class 08: connection exceptions, in every database's SQLSTATE.
        if (state.startsWith("08") || GOING_OR_COMING.contains(state)) return true;
        if (H2_GONE.contains(state)) return true;
      }
      if (cause.getCause() == cause) break;
    }
    return false;
  }
}
