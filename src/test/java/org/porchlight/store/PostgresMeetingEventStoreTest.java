package org.porchlight.store;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.porchlight.testing.TestPostgres;

/** Meeting events on PostgreSQL, when the tests have one (see PostgresStoreTest). */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
class PostgresMeetingEventStoreTest extends MeetingEventStoreContract {
  @Override
  Database open() {
    return TestPostgres.open(2);
  }
}
