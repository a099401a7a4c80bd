package org.porchlight.store;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The stores on PostgreSQL, when {@code PORCHLIGHT_TEST_POSTGRES_URL} names a database the tests
 * may empty (with {@code PORCHLIGHT_TEST_POSTGRES_USER} and {@code _PASSWORD}).
 */
@EnabledIfEnvironmentVariable(
    named = "PORCHLIGHT_TEST_POSTGRES_URL",
    matches = "jdbc:postgresql:.+")
class PostgresStoreTest extends StoreContract {
  @Override
  Database open() {
    return Database.open(
        System.getenv("PORCHLIGHT_TEST_POSTGRES_URL"),
        System.getenv().getOrDefault("PORCHLIGHT_TEST_POSTGRES_USER", ""),
        System.getenv().getOrDefault("PORCHLIGHT_TEST_POSTGRES_PASSWORD", ""),
        2);
  }
}
