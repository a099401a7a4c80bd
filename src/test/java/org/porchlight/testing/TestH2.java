package org.porchlight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.porchlight.store.Database;

/**
 * An embedded database in a test's folder. The first one a test JVM opens is migrated by Flyway as
 * Porchlight would; every new one after it starts as a copy of that file, already migrated (a copy
 * takes a millisecond, a migration about a hundred). A folder that has a database is opened as it
 * is, so a test can stop and start on the same one.
 */
public final class TestH2 {
  private static final String FILE = "db.mv.db";
  private static Path migrated;

  private TestH2() {}

  /** The database in {@code dir}: the one already there, or a new one, migrated. */
  public static Database open(Path dir, int poolSize) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      try {
        Files.copy(migrated(), file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy the migrated database to " + dir, e);
      }
    }
    return Database.open(url(dir), "", "", poolSize);
  }

  /** The JDBC URL of the database in {@code dir}, as the tests open it. */
  public static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
  }

  private static synchronized Path migrated() throws IOException {
    if (migrated == null) {
      Path dir = Files.createTempDirectory("porchlight-migrated-");
      Database.open(url(dir), "", "", 2).close();
      migrated = dir.resolve(FILE);
      dir.toFile().deleteOnExit();
      migrated.toFile().deleteOnExit();
    }
    return migrated;
  }
}
