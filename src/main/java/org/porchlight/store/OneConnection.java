package org.porchlight.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out one connection, already in a transaction, so that the writes of
 * several stores built on it share that transaction. What each store does to end its own work
 * (closing the connection, committing, switching auto-commit back on) is left to the one who opened
 * the transaction.
 */
final class OneConnection implements DataSource {
  private static final Set<String> LEFT_TO_THE_OWNER =
      Set.of("close", "commit", "rollback", "setAutoCommit");

  private final Connection shared;

  OneConnection(Connection connection) {
    this.shared =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (LEFT_TO_THE_OWNER.contains(method.getName())) return null;
                  try {
                    return method.invoke(connection, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  @Override
  public Connection getConnection() {
    return shared;
  }

  @Override
  public Connection getConnection(String username, String password) {
    return shared;
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> kind) throws java.sql.SQLException {
    throw new java.sql.SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> kind) {
    return false;
  }
}
