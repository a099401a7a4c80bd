package org.porchlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.core.Content;
import org.porchlight.core.Step;

class ConfigLoaderTest {
  @TempDir Path dir;

  private final ConfigLoader shipped = new ConfigLoader(Path.of("config"));

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void theShippedSettingsAreTheDefaults() {
    Settings settings = shipped.settings();

    assertThat(settings.locale()).isEqualTo("en");
    assertThat(settings.store().jdbcUrl()).startsWith("jdbc:h2:retry:").contains("MODE=PostgreSQL");
    assertThat(settings.checkin().morning()).isEqualTo(LocalTime.of(8, 30));
  }

  @Test
  void theShippedContentLoads() {
    Content content = shipped.content(shipped.settings());

    assertThat(content.steps().all()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(content.messagesFor("en").locale()).isEqualTo("en");
  }

  @Test
  void stepsCoverEveryKindOfMomentAndCompany() {
    Content content = shipped.content(shipped.settings());
    Map<Step.Fits, Long> byFit =
        content.steps().all().stream()
            .collect(Collectors.groupingBy(Step::fits, Collectors.counting()));
    Set<Step.Company> companies =
        content.steps().all().stream().map(Step::company).collect(Collectors.toSet());

    assertThat(byFit.get(Step.Fits.ROUGH)).isGreaterThanOrEqualTo(15);
    assertThat(byFit.get(Step.Fits.FINE)).isGreaterThanOrEqualTo(5);
    assertThat(byFit.get(Step.Fits.ANY)).isGreaterThanOrEqualTo(5);
    assertThat(companies).containsExactlyInAnyOrder(Step.Company.values());
  }

  @Test
  void crisisLinesCoverTheCountriesWeServeEachWithSourceAndDate() {
    var lines = shipped.content(shipped.settings()).crisisLines();

    assertThat(lines.countries().keySet())
        .contains("US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "NL", "IN", "ZA");
    lines.countries().values().stream()
        .flatMap(country -> country.lines().stream())
        .forEach(
            line -> {
              assertThat(line.source()).as(line.name() + " source").isNotBlank();
              assertThat(line.checked())
                  .as(line.name() + " checked")
                  .matches("\\d{4}-\\d{2}-\\d{2}");
            });
    assertThat(lines.international().lines()).isNotEmpty();
  }

  @Test
  void aFileWithOnlySomeKeysTakesTheDefaultsForTheRest() throws IOException {
    Path file =
        write(
            "porchlight.yaml",
            "store:\n  url: jdbc:postgresql://db/porchlight\ntelegram:\n  apiUrl: http://localhost:8081\n");

    Settings settings = new ConfigLoader(dir).settings(file);

    assertThat(settings.store().poolSize()).isEqualTo(10);
    assertThat(settings.telegram().workers()).isEqualTo(8);
    assertThat(settings.telegram().apiUrl()).isEqualTo("http://localhost:8081");
  }

  @Test
  void anUnknownKeyIsNamedWithItsFileAndLine() throws IOException {
    Path file = write("porchlight.yaml", "locale: en\ntelegram:\n  tokn: abc\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("porchlight.yaml, line 3, key 'telegram.tokn'")
        .hasMessageContaining("no such setting")
        .hasMessageContaining("token");
  }

  @Test
  void aNumberOutOfItsRangeIsNamedWithFileLineAndKeyNotQuietlyReplaced() throws IOException {
    Path file = write("porchlight.yaml", "schedule:\n  sweepEvery: 5s\n  batchSize: 0\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("porchlight.yaml, line 3, key 'schedule.batchSize'")
        .hasMessageContaining("0 is out of range")
        .hasMessageContaining("from 1 to 100000, like 500");
  }

  @Test
  void aNegativeOrFractionalCountIsAnErrorToo() throws IOException {
    Path negative = write("porchlight.yaml", "schedule:\n  senders: -2\n");
    assertThatThrownBy(() -> new ConfigLoader(dir).settings(negative))
        .hasMessageContaining("line 2, key 'schedule.senders': -2 is out of range");

    Path fractional = write("porchlight.yaml", "store:\n  poolSize: 2.5\n");
    assertThatThrownBy(() -> new ConfigLoader(dir).settings(fractional))
        .hasMessageContaining("line 2, key 'store.poolSize': 2.5 is not a whole number, like 10");
  }

  @Test
  void everyRangedKeyIsASetting() {
    Settings defaults = Settings.defaults();
    JsonNode defaultTree = SettingsReader.defaultTree();
    for (Limits.Range range : Limits.RANGES) {
      String[] key = range.key().split("\\.");
      assertThat(
              Arrays.stream(Settings.class.getRecordComponents())
                  .filter(component -> component.getName().equals(key[0]))
                  .flatMap(component -> Arrays.stream(component.getType().getRecordComponents()))
                  .anyMatch(component -> component.getName().equals(key[1])))
          .as(range.key())
          .isTrue();
      assertThat(range.problemWith(defaultTree.at(Limits.pointer(range.key())), "the default"))
          .as(range.key() + "'s default is in its range")
          .isEmpty();
    }
    assertThat(defaults.schedule().batchSize()).isEqualTo(500);
  }

  @Test
  void theDocsListEveryRangeAsTheCodeHasIt() throws IOException {
    String docs = Files.readString(Path.of("docs", "configuration.md"));
    JsonNode defaultTree = SettingsReader.defaultTree();
    for (Limits.Range range : Limits.RANGES) {
      String row =
          "| `"
              + range.key()
              + "` | "
              + range.written()
              + " | "
              + defaultTree.at(Limits.pointer(range.key())).asText()
              + " |";
      assertThat(docs).as(range.key()).contains(row);
    }
  }

  @Test
  void aBadTimeIsNamedWithAnExample() throws IOException {
    Path file = write("porchlight.yaml", "checkin:\n  morning: \"8.30am\"\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .hasMessageContaining("line 2, key 'checkin.morning'")
        .hasMessageContaining("'8.30am' is not a valid time (like 08:30)");
  }

  @Test
  void theReminderDelayIsReadInHoursMinutesOrSeconds() throws IOException {
    Path file = write("porchlight.yaml", "checkin:\n  reminderAfter: 90m\n");

    Settings settings = new ConfigLoader(dir).settings(file);

    assertThat(settings.checkin().reminderAfter()).isEqualTo(Duration.ofMinutes(90));
    assertThat(ConfigLoader.options(settings).reminderAfter()).isEqualTo(Duration.ofMinutes(90));
    assertThat(Settings.defaults().checkin().reminderAfter()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void aBadReminderDelayIsNamedWithAnExample() throws IOException {
    Path file = write("porchlight.yaml", "checkin:\n  reminderAfter: three hours\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 2, key 'checkin.reminderAfter'")
        .hasMessageContaining("'three hours' is not a duration: write it like 3h, 90m or 45s");
  }

  @Test
  void anUnknownTelegramModeIsNamed() throws IOException {
    Path file = write("porchlight.yaml", "telegram:\n  mode: pigeon\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "line 2, key 'telegram.mode': 'pigeon' is not one of polling, webhook or send-only.");
  }

  @Test
  void brokenYamlIsReportedWithItsLine() throws IOException {
    Path file = write("porchlight.yaml", "locale: en\nstore:\n  url: [unclosed\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("porchlight.yaml, line");
  }

  @Test
  void aMissingMessageIsNamed() throws IOException {
    write("messages/en.yaml", "welcome: Hello\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).content(Settings.defaults()))
        .hasMessageContaining("en.yaml")
        .hasMessageContaining("checkIn.question");
  }

  @Test
  void aStepWithoutItsTagsIsNamed() throws IOException {
    write("steps.yaml", "steps:\n  - id: walk\n    text: Walk.\n    tags: [rough]\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).content(Settings.defaults()))
        .hasMessageContaining("steps.yaml, step 'walk'")
        .hasMessageContaining("alone or with-others");
  }

  @Test
  void contentMissingFromTheFolderIsTakenFromTheBuiltInCopy() {
    Content content = new ConfigLoader(dir).content(Settings.defaults());

    assertThat(content.steps().all()).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void theEnvironmentOverridesTheFile() {
    Settings settings =
        new ConfigLoader(dir)
            .settings(
                Map.of(
                    "TELEGRAM_BOT_TOKEN", "123:secret",
                    "PORCHLIGHT_DB_URL", "jdbc:postgresql://db/porchlight",
                    "PORCHLIGHT_TELEGRAM_API_URL", "http://localhost:8081"));

    assertThat(settings.telegram().tokenIfSet()).contains(Secret.of("123:secret"));
    assertThat(settings.telegram().apiUrl()).isEqualTo("http://localhost:8081");
    assertThat(settings.store().jdbcUrl()).isEqualTo("jdbc:postgresql://db/porchlight");
  }

  @Test
  void theOperatorsVariablesOverrideTheFileAndABadNumberIsNamed() {
    Settings settings =
        new ConfigLoader(dir)
            .settings(
                Map.of(
                    "PORCHLIGHT_TELEGRAM_MESSAGES_PER_SECOND", "15",
                    "PORCHLIGHT_SERVER_PORT", "9090",
                    "PORCHLIGHT_SERVER_BIND_ADDRESS", "0.0.0.0",
                    "PORCHLIGHT_LOG_FORMAT", "JSON",
                    "PORCHLIGHT_SHUTDOWN_DEADLINE", "45s"));

    assertThat(settings.telegram().messagesPerSecond()).isEqualTo(15.0);
    assertThat(settings.server()).isEqualTo(new Settings.Server(9090, "0.0.0.0"));
    assertThat(settings.logging().format()).isEqualTo(Settings.Logging.Format.JSON);
    assertThat(settings.shutdown().deadline()).isEqualTo(java.time.Duration.ofSeconds(45));
    assertThatThrownBy(
            () -> new ConfigLoader(dir).settings(Map.of("PORCHLIGHT_SERVER_PORT", "eighty-eighty")))
        .hasMessageContaining("PORCHLIGHT_SERVER_PORT 'eighty-eighty' is not a whole number");
    assertThatThrownBy(
            () -> new ConfigLoader(dir).settings(Map.of("PORCHLIGHT_SHUTDOWN_DEADLINE", "0s")))
        .hasMessageContaining("PORCHLIGHT_SHUTDOWN_DEADLINE 0s is out of range");
  }

  @Test
  void tokensPasswordsAndTheSecretKeyNeverShowInToString() {
    Settings settings =
        new ConfigLoader(dir)
            .settings(
                Map.of(
                    "TELEGRAM_BOT_TOKEN", "123:tg-secret",
                    "DISCORD_BOT_TOKEN", "dc-secret",
                    "PORCHLIGHT_DB_PASSWORD", "db-secret",
                    "PORCHLIGHT_SECRET_KEY", "key-secret"));

    // The settings' own names (secretKey) may show; no value ending in -secret may.
    assertThat(settings.toString())
        .doesNotContain("-secret")
        .contains("secretKey=***")
        .contains("***");
  }

  @Test
  void aPasswordInsideTheDatabaseUrlNeverShowsInToStringEither() {
    for (String url :
        List.of(
            "jdbc:postgresql://db:5432/porchlight?user=porchlight&password=db-secret&ssl=true",
            "jdbc:postgresql://porchlight:db-secret@db:5432/porchlight",
            "jdbc:h2:tcp://db/porchlight;USER=sa;PASSWORD=db-secret")) {
      Settings settings = new ConfigLoader(dir).settings(Map.of("PORCHLIGHT_DB_URL", url));

      assertThat(settings.toString()).as(url).doesNotContain("db-secret").contains("db");
      assertThat(settings.store().jdbcUrl()).isEqualTo(url);
    }
    Settings plain =
        new ConfigLoader(dir)
            .settings(Map.of("PORCHLIGHT_DB_URL", "jdbc:postgresql://db:5432/porchlight"));
    assertThat(plain.store().urlWithoutPassword())
        .isEqualTo("jdbc:postgresql://db:5432/porchlight");
  }

  @Test
  void theDataDirDecidesWhereTheEmbeddedDatabaseLives() {
    Settings settings =
        new ConfigLoader(dir).settings(Map.of("PORCHLIGHT_DATA_DIR", "/var/lib/porchlight"));

    assertThat(settings.store().jdbcUrl())
        .startsWith("jdbc:h2:retry:/var/lib/porchlight/porchlight;");
  }

  @Test
  void withNoSettingsFileEveryKeyTakesTheBuiltInDefault() {
    Settings settings = new ConfigLoader(dir).settings(Map.of());

    assertThat(settings).isEqualTo(Settings.defaults());
    assertThat(settings.schedule()).isEqualTo(new Settings.Schedule(Duration.ofSeconds(5), 500, 8));
    assertThat(settings.telegram().mode()).isEqualTo(Settings.Telegram.Mode.POLLING);
    assertThat(settings.telegram().tokenIfSet()).isEmpty();
    assertThat(settings.logging().format()).isEqualTo(Settings.Logging.Format.TEXT);
    assertThat(settings.crisis().repeatWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.shutdown().deadline()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aFileSettingOneNestedKeyKeepsTheDefaultsOfItsSiblings() throws IOException {
    Path file = write("porchlight.yaml", "telegram:\n  workers: 3\n");

    Settings.Telegram telegram = new ConfigLoader(dir).settings(file).telegram();

    assertThat(telegram.workers()).isEqualTo(3);
    assertThat(telegram.apiUrl()).isEqualTo("https://api.telegram.org");
    assertThat(telegram.mode()).isEqualTo(Settings.Telegram.Mode.POLLING);
    assertThat(telegram.messagesPerSecond()).isEqualTo(30.0);
  }

  @Test
  void aKeyLeftEmptyTakesTheDefaultButAnEmptyAddressIsNamed() throws IOException {
    Path empty = write("porchlight.yaml", "telegram:\n  apiUrl:\n  workers:\n");
    assertThat(new ConfigLoader(dir).settings(empty).telegram())
        .isEqualTo(Settings.defaults().telegram());

    Path blank = write("porchlight.yaml", "telegram:\n  apiUrl: \"\"\n");
    assertThatThrownBy(() -> new ConfigLoader(dir).settings(blank))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 1, key 'telegram'")
        .hasMessageContaining("telegram.apiUrl is empty: leave the key out for its default");
  }

  @Test
  void theEnvironmentOverridesTheFileKeyByKey() throws IOException {
    Path file = write("porchlight.yaml", "telegram:\n  apiUrl: http://file:8081\n  workers: 3\n");

    Settings settings =
        new ConfigLoader(dir)
            .settings(file, Map.of("PORCHLIGHT_TELEGRAM_API_URL", "http://env:8081"));

    assertThat(settings.telegram().apiUrl()).isEqualTo("http://env:8081");
    assertThat(settings.telegram().workers()).isEqualTo(3);
  }

  @Test
  void anEmptyVariableLeavesTheFilesValue() throws IOException {
    Path file = write("porchlight.yaml", "server:\n  port: 9000\n");

    Settings settings = new ConfigLoader(dir).settings(file, Map.of("PORCHLIGHT_SERVER_PORT", ""));

    assertThat(settings.server().port()).isEqualTo(9000);
  }

  @Test
  void theModesAndFormatsAreReadInAnyCase() throws IOException {
    Path file =
        write("porchlight.yaml", "telegram:\n  mode: Send-Only\nlogging:\n  format: JSON\n");

    Settings settings = new ConfigLoader(dir).settings(file);

    assertThat(settings.telegram().mode()).isEqualTo(Settings.Telegram.Mode.SEND_ONLY);
    assertThat(settings.logging().format()).isEqualTo(Settings.Logging.Format.JSON);
    assertThat(Settings.Telegram.Mode.SEND_ONLY).hasToString("send-only");
  }

  @Test
  void anUnknownLogFormatIsNamedWithTheFormatsAllowed() throws IOException {
    Path file = write("porchlight.yaml", "logging:\n  format: xml\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "porchlight.yaml, line 2, key 'logging.format': 'xml' is not one of text or json.");
  }

  @Test
  void aBadModeOrFormatInTheEnvironmentNamesTheVariable() {
    assertThatThrownBy(
            () -> new ConfigLoader(dir).settings(Map.of("PORCHLIGHT_TELEGRAM_MODE", "pigeon")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "an environment variable: PORCHLIGHT_TELEGRAM_MODE 'pigeon' is not one of polling,"
                + " webhook or send-only.");
    assertThatThrownBy(() -> new ConfigLoader(dir).settings(Map.of("PORCHLIGHT_LOG_FORMAT", "xml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "an environment variable: PORCHLIGHT_LOG_FORMAT 'xml' is not one of text or json.");
  }

  @Test
  void everyDurationIsWrittenInHoursMinutesOrSeconds() throws IOException {
    Path file =
        write(
            "porchlight.yaml",
            "schedule:\n  sweepEvery: 2m\ncrisis:\n  repeatWindow: 2h\nshutdown:\n  deadline: 45s\n");

    Settings settings = new ConfigLoader(dir).settings(file);

    assertThat(settings.schedule().sweepEvery()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.crisis().repeatWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(ConfigLoader.options(settings).crisisRepeatWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(settings.shutdown().deadline()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void aDurationWithoutItsUnitIsNamedWithAnExample() throws IOException {
    Path file = write("porchlight.yaml", "shutdown:\n  deadline: 20\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "porchlight.yaml, line 2, key 'shutdown.deadline': '20' is not a duration: write it"
                + " like 3h, 90m or 45s.");
  }

  @Test
  void aDurationOutOfItsRangeIsNamedWithTheRangeAndTheDefault() throws IOException {
    Path file = write("porchlight.yaml", "crisis:\n  repeatWindow: 30s\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "porchlight.yaml, line 2, key 'crisis.repeatWindow': 30s is out of range: it must be"
                + " from 1m to 24h, like 30m (the default, when the key is left out).");
  }

  @Test
  void anOldKeyIsNamedWithWhatItIsCalledNowAndHowToWriteIt() throws IOException {
    Map<String, String> renamed =
        Map.of(
            "shutdown:\n  deadlineSeconds: 45\n",
            "line 2, key 'shutdown.deadlineSeconds': shutdown.deadlineSeconds is now"
                + " shutdown.deadline, written like 45s.",
            "schedule:\n  batchSize: 10\n  sweepSeconds: 5\n",
            "line 3, key 'schedule.sweepSeconds': schedule.sweepSeconds is now schedule.sweepEvery,"
                + " written like 5s.",
            "crisis:\n  repeatWindowMinutes: 30\n",
            "line 2, key 'crisis.repeatWindowMinutes': crisis.repeatWindowMinutes is now"
                + " crisis.repeatWindow, written like 30m.");
    for (Map.Entry<String, String> old : renamed.entrySet()) {
      Path file = write("porchlight.yaml", old.getKey());
      assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(old.getValue());
    }
  }

  @Test
  void anOldVariableIsNamedWithWhatItIsCalledNow() {
    assertThatThrownBy(
            () ->
                new ConfigLoader(dir)
                    .settings(Map.of("PORCHLIGHT_SHUTDOWN_DEADLINE_SECONDS", "45")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "an environment variable: PORCHLIGHT_SHUTDOWN_DEADLINE_SECONDS is now"
                + " PORCHLIGHT_SHUTDOWN_DEADLINE, written like 45s.");
  }

  @Test
  void theShippedSettingsFileIsTheDefaultsCommentedOut() throws IOException {
    List<String> defaults =
        body(Files.readAllLines(Path.of("src/main/resources" + SettingsReader.DEFAULTS)));
    List<String> shipped = body(Files.readAllLines(Path.of("config", "porchlight.yaml")));
    List<String> expected =
        defaults.stream()
            .map(line -> line.isBlank() || line.strip().startsWith("#") ? line : "#" + line)
            .toList();

    assertThat(shipped)
        .as(
            "config/porchlight.yaml below its first paragraph: defaults.yaml's, each setting"
                + " behind a #")
        .isEqualTo(expected);
    assertThat(shipped.stream().filter(line -> line.startsWith("#  ")).count()).isGreaterThan(30);
    assertThat(shipped).as("the file sets nothing").isEqualTo(commentedOut(shipped));
  }

  /** The lines after the first paragraph, which introduces each file. */
  private static List<String> body(List<String> lines) {
    return lines.subList(lines.indexOf("") + 1, lines.size());
  }

  private static List<String> commentedOut(List<String> lines) {
    return lines.stream().filter(line -> line.isBlank() || line.strip().startsWith("#")).toList();
  }

  @Test
  void settingsPrintedWholeShowSecretsAsStars() {
    Settings settings =
        new ConfigLoader(dir)
            .settings(
                Map.of(
                    "PORCHLIGHT_TELEGRAM_WEBHOOK_SECRET", "hook-secret",
                    "DISCORD_BOT_TOKEN", "dc-secret"));

    assertThat(settings.telegram().webhookSecret()).hasToString("***");
    assertThat(settings.discord().toString()).contains("token=***").doesNotContain("dc-secret");
    assertThat(settings.telegram().toString())
        .contains("token=,")
        .contains("webhookSecret=***")
        .doesNotContain("hook-secret");
  }

  @Test
  void theDocsGiveEveryKeyTheDefaultOfDefaultsYaml() throws IOException {
    JsonNode defaultTree = SettingsReader.defaultTree();
    Matcher row =
        Pattern.compile(
                "(?m)^\\| `([a-z]+\\.[a-zA-Z]+)` \\|[^|]*\\| (`[^`|]*`|\\*\\(empty\\)\\*) \\|")
            .matcher(Files.readString(Path.of("docs", "configuration.md")));
    int rows = 0;
    while (row.find()) {
      String documented = row.group(2).equals("*(empty)*") ? "" : row.group(2).replace("`", "");
      assertThat(defaultTree.at(Limits.pointer(row.group(1))).asText())
          .as(row.group(1))
          .isEqualTo(documented);
      rows++;
    }
    assertThat(rows).isGreaterThan(30);
  }
}
