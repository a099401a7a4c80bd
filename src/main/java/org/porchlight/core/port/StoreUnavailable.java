package org.porchlight.core.port;

/**
 * The store can't be reached just now (its database stopped, restarting, or out of reach): nothing
 * was done that is not written, and the same work can be done again once it is back. Callers wait
 * and try again rather than give up or log each failure: the outage is said once, by whoever
 * watches the database.
 */
public final class StoreUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether {@code failure}, or anything that caused it, is the store being out of reach. */
  public static boolean isCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StoreUnavailable) return true;
      if (cause.getCause() == cause) break;
    }
    return false;
  }
}
