package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Porchlight as a newcomer runs it: {@code java -jar target/porchlight.jar}, input piped in. */
class ConsoleJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("porchlight.jar", "target/porchlight.jar"));

  @TempDir Path dataDir;

  private record Run(int exitCode, String out, String err) {}

  private Run porchlight(String input, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.remove("TELEGRAM_BOT_TOKEN");
    env.remove("DISCORD_BOT_TOKEN");
    env.remove("PORCHLIGHT_DB_URL");
    env.put("PORCHLIGHT_DATA_DIR", dataDir.toString());
    Path out = dataDir.resolve("out.txt");
    Path err = dataDir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("porchlight ended").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void aRoughDayCheckedInThroughTheConsoleShowsInTheExport() throws Exception {
    Run chat = porchlight("/time 20:00\n/timezone Europe/London\n/checkin\n2\n");

    assertThat(chat.exitCode()).isZero();
    assertThat(chat.out())
        .contains("[1] Honestly fine   [2] Rough day   [3] Skip today")
        .contains("One small thing");
    assertThat(chat.err().lines())
        .as("the first start's one line: where its new secret key is")
        .singleElement()
        .asString()
        .contains("Made a new secret key in " + dataDir.resolve("secret.key"));

    Run export = porchlight("", "export", "--platform", "console", "--user", "local");
    assertThat(export.exitCode()).isZero();
    assertThat(export.out())
        .contains("\"mood\": \"rough\"")
        .contains("\"timeZone\": \"Europe/London\"");
  }

  @Test
  void forgetConfirmedLeavesNothingInAnyTable() throws Exception {
    porchlight("/time 20:00\n/timezone Europe/London\n/checkin\n2\n/step\n");
    assertThat(rowsPerTable()).containsExactly(1, 1, 2);

    Run forget = porchlight("/forget\nYes, erase everything\n");

    assertThat(forget.out()).contains("Everything I kept about you is gone");
    assertThat(rowsPerTable()).containsExactly(0, 0, 0);
    assertThat(porchlight("", "export", "--platform", "console", "--user", "local").exitCode())
        .isEqualTo(1);
  }

  @Test
  void crisisLanguageGetsTheLinesForTheMembersCountry() throws Exception {
    Run london =
        porchlight("/time 20:00\n/timezone Europe/London\nI don't want to be alive anymore\n");
    assertThat(london.out()).contains("116 123");

    Run newYork = porchlight("/timezone America/New_York\nI don't want to be alive anymore\n");
    assertThat(newYork.out()).contains("988").doesNotContain("116 123");
  }

  @Test
  void anExportOfEveryoneImportsIntoAFreshDatabase() throws Exception {
    porchlight("/time 20:00\n/timezone Europe/London\n/checkin\n2\n");
    Run all = porchlight("", "export", "--all");
    Path backup = Files.writeString(dataDir.resolve("backup.json"), all.out());
    porchlight("/forget\n1\n");

    Run restore = porchlight("", "import", backup.toString());

    assertThat(restore.exitCode()).isZero();
    assertThat(porchlight("", "export", "--platform", "console", "--user", "local").out())
        .contains("\"mood\": \"rough\"");
  }

  @Test
  void aPodImportedIsExportedAsWrittenWhileTheDatabaseFileHoldsNoNameOfIt() throws Exception {
    Path alex =
        Files.writeString(
            dataDir.resolve("alex.json"),
            "{\"member\": {\"platform\": \"console\", \"userId\": \"local\","
                + " \"joinedAt\": \"2026-11-21T16:00:00Z\"},"
                + " \"pod\": [{\"ring\": \"core\", \"name\": \"Marisol\"}],"
                + " \"plan\": {\"on-my-own\": \"walk Thistlewick the dog\"}}");

    Run restore = porchlight("", "import", alex.toString());
    Run export = porchlight("", "export", "--platform", "console", "--user", "local");

    assertThat(restore.exitCode()).isZero();
    assertThat(restore.err()).contains("Made a new secret key in").doesNotContain("Marisol");
    assertThat(export.out()).contains("\"name\": \"Marisol\"").contains("Thistlewick");
    assertThat(Files.exists(dataDir.resolve("secret.key"))).isTrue();
    String file =
        new String(Files.readAllBytes(dataDir.resolve("porchlight.mv.db")), StandardCharsets.UTF_8);
    assertThat(file).contains("local").doesNotContain("Marisol").doesNotContain("Thistlewick");
  }

  @Test
  void anImportWithAnUnreadableMemberImportsTheOthersAndLeavesThatOneAsItWas() throws Exception {
    porchlight("/time 20:00\n/timezone Europe/London\n/checkin\n2\n");
    String local = porchlight("", "export", "--platform", "console", "--user", "local").out();
    // Two new members, then local again with a join date nobody can read.
    String backup =
        "{\"version\": 1, \"exportedAt\": \"2026-12-01T00:00:00Z\", \"members\": ["
            + local.replace("\"userId\": \"local\"", "\"userId\": \"ana\"")
            + ", "
            + local.replace("\"userId\": \"local\"", "\"userId\": \"ben\"")
            + ", "
            + local
                .replaceAll("\"joinedAt\": \"[^\"]*\"", "\"joinedAt\": \"last spring\"")
                .replace("\"checkInTime\": \"20:00\"", "\"checkInTime\": \"06:00\"")
            + "]}";
    Path file = Files.writeString(dataDir.resolve("backup.json"), backup);

    Run restore = porchlight("", "import", file.toString());

    assertThat(restore.exitCode()).as("bad input").isEqualTo(2);
    assertThat(restore.err())
        .contains("Imported 2 members.")
        .contains("members[2]")
        .contains("last spring")
        .doesNotContain("Exception");
    for (String user : List.of("ana", "ben")) {
      assertThat(porchlight("", "export", "--platform", "console", "--user", user).out())
          .contains("\"mood\": \"rough\"");
    }
    assertThat(porchlight("", "export", "--platform", "console", "--user", "local").out())
        .as("left as it was")
        .contains("\"checkInTime\": \"20:00\"");
  }

  @Test
  void aBrokenSettingsFileIsNamedWithoutAStackTrace() throws Exception {
    Path config =
        Files.writeString(dataDir.resolve("porchlight.yaml"), "store:\n  poolSize: many\n");

    Run run = porchlight("", "--config", config.toString(), "console");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("porchlight.yaml, line 2, key 'store.poolSize'")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void aZeroBatchSizeStopsTheStartNamingFileLineAndKey() throws Exception {
    Path config =
        Files.writeString(dataDir.resolve("porchlight.yaml"), "schedule:\n  batchSize: 0\n");

    Run run = porchlight("", "--config", config.toString(), "console");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("porchlight.yaml, line 2, key 'schedule.batchSize': 0 is out of range")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Run help = porchlight("", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("console")
        .contains("export")
        .contains("import")
        .contains("forget");
  }

  private List<Integer> rowsPerTable() throws SQLException {
    String url =
        "jdbc:h2:file:"
            + dataDir.resolve("porchlight")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      List<Integer> counts = new ArrayList<>();
      for (String table : List.of("members", "check_ins", "steps_given")) {
        try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rows.next();
          counts.add(rows.getInt(1));
        }
      }
      return counts;
    }
  }
}
