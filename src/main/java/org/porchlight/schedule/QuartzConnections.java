package org.porchlight.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Lends Quartz connections from Porchlight's own pool, so its tables live in the same database. */
final class QuartzConnections implements ConnectionProvider {
  private final DataSource dataSource;

  QuartzConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    // The pool belongs to the database, which closes it.
  }

  @Override
  public void initialize() {}
}
