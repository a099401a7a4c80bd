package org.porchlight.schedule;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.porchlight.store.Database;

/** The scheduling tests on PostgreSQL, when {@code PORCHLIGHT_TEST_POSTGRES_URL} names one. */
@EnabledIfEnvironmentVariable(
    named = "PORCHLIGHT_TEST_POSTGRES_URL",
    matches = "jdbc:postgresql:.+")
class PostgresSchedulingTest extends SchedulingContract {
  @Override
  Database open() {
    return Database.open(
        System.getenv("PORCHLIGHT_TEST_POSTGRES_URL"),
        System.getenv().getOrDefault("PORCHLIGHT_TEST_POSTGRES_USER", ""),
        System.getenv().getOrDefault("PORCHLIGHT_TEST_POSTGRES_PASSWORD", ""),
        4);
  }
}
