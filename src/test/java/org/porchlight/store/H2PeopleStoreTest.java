package org.porchlight.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Buddies and reach-outs on the embedded H2 file database, as Porchlight runs by default. */
class H2PeopleStoreTest extends PeopleStoreContract {
  @TempDir Path dir;

  @Override
  Database open() {
    return Database.open(
        "jdbc:h2:file:"
            + dir.resolve("porchlight")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "",
        "",
        2);
  }
}
