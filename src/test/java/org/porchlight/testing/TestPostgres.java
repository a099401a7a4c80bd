package org.porchlight.testing;

import org.porchlight.store.Database;

/**
 * The PostgreSQL database the tests may empty, named by {@code PORCHLIGHT_TEST_POSTGRES_URL} (with
 * {@code _USER} and {@code _PASSWORD}); {@code .ci/run} starts one. Tests that use it are enabled
 * only when the variable is set.
 */
public final class TestPostgres {
  public static final String URL_VARIABLE = "PORCHLIGHT_TEST_POSTGRES_URL";

  private TestPostgres() {}

  public static Database open(int poolSize) {
    return Database.open(
        System.getenv(URL_VARIABLE),
        System.getenv().getOrDefault("PORCHLIGHT_TEST_POSTGRES_USER", ""),
        System.getenv().getOrDefault("PORCHLIGHT_TEST_POSTGRES_PASSWORD", ""),
        poolSize);
  }
}
