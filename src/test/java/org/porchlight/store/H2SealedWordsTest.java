package org.porchlight.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Sealed words on the embedded H2 file database; its copy is the file itself. */
class H2SealedWordsTest extends SealedWordsContract {
  @TempDir static Path dir;

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

  @Override
  byte[] copy(Database database) throws Exception {
    // Closed, so that everything is written to the file.
    database.close();
    return Files.readAllBytes(dir.resolve("porchlight.mv.db"));
  }
}
