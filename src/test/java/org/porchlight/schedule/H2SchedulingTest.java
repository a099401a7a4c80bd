package org.porchlight.schedule;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.store.Database;

class H2SchedulingTest extends SchedulingContract {
  @TempDir static Path folder;

  @Override
  Database open() {
    // A file database, as Porchlight runs it; AUTO_SERVER lets a second "instance" open it too.
    return Database.open(
        "jdbc:h2:file:"
            + folder.resolve("porchlight").toString().replace('\\', '/')
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE",
        "",
        "",
        4);
  }
}
