package org.porchlight.store;

/** The database could not do what was asked; wraps the driver's {@link java.sql.SQLException}. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
