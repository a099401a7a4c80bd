package org.porchlight.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.store.Sealer;
import org.porchlight.testing.CapturedLog;

/**
 * Where a start finds the secret key that seals pod names and safety plans, and how it stops, with
 * exit code 2 and what to do, when the key is missing, unreadable or not the database's. No key is
 * ever printed or logged.
 */
class SecretKeyStartTest {
  private static final String NAME = "Marisol";
  private static final String ALEX_WITH_A_POD =
      "{\"member\": {\"platform\": \"console\", \"userId\": \"local\","
          + " \"joinedAt\": \"2026-11-21T16:00:00Z\"},"
          + " \"pod\": [{\"ring\": \"core\", \"name\": \""
          + NAME
          + "\"}],"
          + " \"plan\": {\"on-my-own\": \"a long walk by the canal\"}}";

  @TempDir Path dir;
  private Path data;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> keysSeen = new ArrayList<>();

  private record Run(int exitCode, String out, String err, String log) {}

  @BeforeEach
  void embeddedInTheTestsFolder() {
    data = dir.resolve("data");
    env.put("PORCHLIGHT_DATA_DIR", data.toString());
  }

  private Run porchlight(String... args) throws IOException {
    env.computeIfPresent("PORCHLIGHT_SECRET_KEY", (name, key) -> remember(key));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode;
    String log;
    try (CapturedLog captured = CapturedLog.start("text")) {
      exitCode =
          Main.run(
              args,
              new ByteArrayInputStream(new byte[0]),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              env,
              Clock.systemUTC());
      log = captured.text();
    }
    if (Files.exists(keyFile())) remember(Files.readString(keyFile()).strip());
    Run run =
        new Run(
            exitCode,
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8),
            log);
    for (String key : keysSeen) {
      assertThat(run.err() + run.log() + run.out()).as("no key is shown").doesNotContain(key);
    }
    return run;
  }

  private String remember(String key) {
    keysSeen.add(key);
    return key;
  }

  private Path keyFile() {
    return data.resolve("secret.key");
  }

  private static String newKey() {
    return Base64.getEncoder().encodeToString(Sealer.newKey());
  }

  /** Imports a member with a pod and a plan. */
  private Run importAlex() throws IOException {
    Path file = Files.writeString(dir.resolve("alex.json"), ALEX_WITH_A_POD);
    return porchlight("import", file.toString());
  }

  private Run exportAlex() throws IOException {
    return porchlight("export", "--platform", "console", "--user", "local");
  }

  @Test
  void aFirstStartOnTheEmbeddedDatabaseMakesAKeyFileOnlyItsOwnerCanReadAndSaysSo()
      throws IOException {
    Run first = porchlight("export", "--all");

    assertThat(first.exitCode()).isZero();
    assertThat(Base64.getDecoder().decode(Files.readString(keyFile()).strip()))
        .hasSize(Sealer.KEY_BYTES);
    if (Files.getFileStore(keyFile()).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())))
          .isEqualTo("rw-------");
    }
    assertThat(first.log())
        .containsOnlyOnce("Made a new secret key in " + keyFile())
        .contains("Back it up with the database");
  }

  @Test
  void aSecondStartReadsTheKeyFileAndOpensWhatTheFirstSealed() throws IOException {
    assertThat(importAlex().exitCode()).isZero();
    String key = Files.readString(keyFile());

    Run second = exportAlex();

    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("\"name\": \"" + NAME + "\"").contains("a long walk");
    assertThat(second.log()).doesNotContain("Made a new secret key");
    assertThat(Files.readString(keyFile())).isEqualTo(key);
  }

  @Test
  void aWrongKeyStopsTheStartWithExitCode2AndSaysWhatToDo() throws IOException {
    env.put("PORCHLIGHT_SECRET_KEY", newKey());
    assertThat(importAlex().exitCode()).isZero();

    env.put("PORCHLIGHT_SECRET_KEY", newKey());
    Run wrong = exportAlex();

    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err())
        .startsWith(
            "Porchlight could not start: the secret key from store.secretKey"
                + " (PORCHLIGHT_SECRET_KEY) does not open the names stored in this database: it"
                + " is not the key they were sealed with.")
        .contains("Start with the key this database was first started with")
        .doesNotContain(NAME)
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(wrong.out()).isEmpty();
    assertThat(Files.exists(keyFile())).as("no key file beside a key given").isFalse();
  }

  @Test
  void withoutAKeyAStartOnPostgresqlIsRefusedWithExitCode2AndSaysWhy() throws IOException {
    env.put("PORCHLIGHT_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/porchlight");

    Run refused = porchlight("export", "--all");

    assertThat(refused.exitCode()).as("refused before the database is opened").isEqualTo(2);
    assertThat(refused.err())
        .startsWith("Porchlight could not start: no secret key is given")
        .contains("every instance on the database must read the same names")
        .contains("set PORCHLIGHT_SECRET_KEY")
        .contains("openssl rand -base64 32")
        .doesNotContain("\tat ");
    assertThat(Files.exists(keyFile())).isFalse();
  }

  @Test
  void aKeyThatIsNotBase64Of32BytesIsNamedButNotShown() throws IOException {
    for (String bad :
        List.of(
            Base64.getEncoder().encodeToString(new byte[16]),
            "correct-horse-battery-staple-correct-horse!")) {
      env.put("PORCHLIGHT_SECRET_KEY", bad);

      Run refused = porchlight("export", "--all");

      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err())
          .startsWith(
              "Porchlight could not start: store.secretKey (PORCHLIGHT_SECRET_KEY) is not a"
                  + " secret key: it must be 32 bytes written in Base64")
          .doesNotContain(bad)
          .doesNotContain("\tat ");
    }
  }

  @Test
  void aKeyFileTheSettingsNameHoldsTheSameKeyAsTheVariable() throws IOException {
    String key = newKey();
    Path file = Files.writeString(dir.resolve("porchlight.key"), key + "\n");
    env.put("PORCHLIGHT_SECRET_KEY_FILE", file.toString());
    assertThat(importAlex().exitCode()).isZero();

    env.remove("PORCHLIGHT_SECRET_KEY_FILE");
    env.put("PORCHLIGHT_SECRET_KEY", key);

    assertThat(exportAlex().out()).contains("\"name\": \"" + NAME + "\"");
    assertThat(Files.exists(keyFile())).isFalse();
  }

  @Test
  void aKeyFileTheSettingsNameButThatIsNotThereIsNamed() throws IOException {
    env.put("PORCHLIGHT_SECRET_KEY_FILE", dir.resolve("nowhere.key").toString());

    Run refused = porchlight("export", "--all");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            "store.secretKeyFile (PORCHLIGHT_SECRET_KEY_FILE) names "
                + dir.resolve("nowhere.key")
                + ", where there is no file.");
  }

  @Test
  void aLostKeyFileStopsTheStartInsteadOfMakingANewOne() throws IOException {
    assertThat(importAlex().exitCode()).isZero();
    Files.delete(keyFile());

    Run refused = exportAlex();

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .startsWith("Porchlight could not start: there is no key file at " + keyFile())
        .contains("but the database holds names sealed with a key")
        .contains("Put back the secret.key backed up with the database");
    assertThat(Files.exists(keyFile())).as("no new key made").isFalse();
  }

  @Test
  void rotatingTheKeySealsEveryNameAgainSoThatOnlyTheNewKeyOpensThem() throws IOException {
    String oldKey = newKey();
    env.put("PORCHLIGHT_SECRET_KEY", oldKey);
    assertThat(importAlex().exitCode()).isZero();
    String newKey = remember(newKey());
    Path newKeyFile = Files.writeString(dir.resolve("new.key"), newKey + "\n");

    Run rotate = porchlight("rotate-key", "--new-key-file", newKeyFile.toString());

    assertThat(rotate.exitCode()).isZero();
    assertThat(rotate.err())
        .startsWith("Sealed 2 names and answers again with the key in " + newKeyFile)
        .contains("put it where the old one was");
    assertThat(exportAlex().exitCode()).as("the old key").isEqualTo(2);
    env.put("PORCHLIGHT_SECRET_KEY", newKey);
    assertThat(exportAlex().out()).contains("\"name\": \"" + NAME + "\"");
  }

  @Test
  void aNewKeyFileThatHoldsNoKeyChangesNothing() throws IOException {
    assertThat(importAlex().exitCode()).isZero();
    Path notAKey = Files.writeString(dir.resolve("new.key"), "hunter2\n");

    Run rotate = porchlight("rotate-key", "--new-key-file", notAKey.toString());

    assertThat(rotate.exitCode()).isEqualTo(2);
    assertThat(rotate.err())
        .startsWith("The key was not changed: the new key file " + notAKey + " is not a secret key")
        .doesNotContain("hunter2");
    assertThat(exportAlex().out()).contains("\"name\": \"" + NAME + "\"");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
