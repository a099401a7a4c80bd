package org.porchlight.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.porchlight.store.Database;

/**
 * The PostgreSQL database the tests may empty, named by {@code PORCHLIGHT_TEST_POSTGRES_URL} (with
 * {@code _USER} and {@code _PASSWORD}); {@code .ci/run} starts one. Tests that use it are enabled
 * only when the variable is set. Each test JVM has a schema of its own in it, so two classes
 * running side by side never empty each other's tables.
 */
public final class TestPostgres {
  public static final String URL_VARIABLE = "PORCHLIGHT_TEST_POSTGRES_URL";

  private TestPostgres() {}

  public static Database open(int poolSize) {
    return Database.open(url(), user(), password(), poolSize);
  }

  /** The JDBC URL of this test JVM's schema, made if it is not there yet. */
  public static String url() {
    String url = System.getenv(URL_VARIABLE);
    // Surefire and Failsafe number their JVMs from 1: jvm1, jvm2 (see forkCount in pom.xml).
    String schema = "porchlight_test_" + System.getProperty("porchlight.testFork", "jvm1");
    try (Connection connection = DriverManager.getConnection(url, user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot make schema " + schema + " at " + url, e);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public static String user() {
    return System.getenv().getOrDefault("PORCHLIGHT_TEST_POSTGRES_USER", "");
  }

  public static String password() {
    return System.getenv().getOrDefault("PORCHLIGHT_TEST_POSTGRES_PASSWORD", "");
  }
}
