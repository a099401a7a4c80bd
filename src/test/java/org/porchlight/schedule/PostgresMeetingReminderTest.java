package org.porchlight.schedule;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.porchlight.store.Database;
import org.porchlight.testing.TestPostgres;

/** Reminders before meetings on PostgreSQL, when {@code PORCHLIGHT_TEST_POSTGRES_URL} names one. */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
class PostgresMeetingReminderTest extends MeetingReminderContract {
  @Override
  Database open() {
    return TestPostgres.open(4);
  }
}
