package org.porchlight.store;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.porchlight.testing.TestPostgres;

/**
 * Sealed words on PostgreSQL, when {@code PORCHLIGHT_TEST_POSTGRES_URL} names one; its copy is what
 * {@code pg_dump} writes of the test's schema (the copy test is skipped without {@code pg_dump} on
 * the PATH).
 */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
class PostgresSealedWordsTest extends SealedWordsContract {
  @Override
  Database open() {
    return TestPostgres.open(2);
  }

  @Override
  byte[] copy(Database database) throws Exception {
    Optional<Path> pgDump = onThePath("pg_dump");
    assumeThat(pgDump).as("pg_dump on the PATH").isPresent();
    // jdbc:postgresql://host:port/database?currentSchema=schema
    URI url = URI.create(TestPostgres.url().substring("jdbc:".length()));
    String schema = url.getQuery().replaceAll(".*currentSchema=([^&]+).*", "$1");
    ProcessBuilder dump =
        new ProcessBuilder(
            pgDump.get().toString(),
            "--host=" + url.getHost(),
            "--port=" + (url.getPort() < 0 ? 5432 : url.getPort()),
            "--schema=" + schema,
            "--no-owner",
            url.getPath().substring(1));
    if (!TestPostgres.user().isEmpty()) dump.command().add(1, "--username=" + TestPostgres.user());
    dump.environment().put("PGPASSWORD", TestPostgres.password());
    Path out = Files.createTempFile("porchlight-dump-", ".sql");
    try {
      Process process =
          dump.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("pg_dump failed: " + String.join(" ", dump.command()));
      }
      return Files.readAllBytes(out);
    } finally {
      Files.delete(out);
      database.close();
    }
  }

  private static Optional<Path> onThePath(String program) {
    List<String> folders =
        Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
    return folders.stream()
        .map(folder -> Path.of(folder, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
