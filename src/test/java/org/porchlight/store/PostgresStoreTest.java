package org.porchlight.store;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.porchlight.testing.TestPostgres;

/**
 * The stores on PostgreSQL, when {@code PORCHLIGHT_TEST_POSTGRES_URL} names a database the tests
 * may empty (with {@code PORCHLIGHT_TEST_POSTGRES_USER} and {@code _PASSWORD}).
 */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
class PostgresStoreTest extends StoreContract {
  @Override
  Database open() {
    return TestPostgres.open(2);
  }
}
