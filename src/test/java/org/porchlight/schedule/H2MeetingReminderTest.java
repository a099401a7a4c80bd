package org.porchlight.schedule;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.config.Settings;
import org.porchlight.store.Database;

class H2MeetingReminderTest extends MeetingReminderContract {
  @TempDir static Path folder;

  @Override
  Database open() {
    // A file database, as Porchlight runs it; AUTO_SERVER lets a second "instance" open it too.
    return Database.open(Settings.Store.embeddedJdbcUrl(folder), "", "", 4);
  }
}
