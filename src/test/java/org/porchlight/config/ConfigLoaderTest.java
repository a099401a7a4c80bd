package org.porchlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Path file = write("porchlight.yaml", "schedule:\n  sweepSeconds: 5\n  batchSize: 0\n");

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
    for (Limits.Range range : Limits.RANGES) {
      String[] key = range.key().split("\\.");
      assertThat(
              Arrays.stream(Settings.class.getRecordComponents())
                  .filter(component -> component.getName().equals(key[0]))
                  .flatMap(component -> Arrays.stream(component.getType().getRecordComponents()))
                  .anyMatch(component -> component.getName().equals(key[1])))
          .as(range.key())
          .isTrue();
      assertThat(range.problemWith(Double.parseDouble(range.fallback())))
          .as(range.key() + "'s default is in its range")
          .isEmpty();
    }
    assertThat(defaults.schedule().batchSize()).isEqualTo(500);
  }

  @Test
  void theDocsListEveryRangeAsTheCodeHasIt() throws IOException {
    String docs = Files.readString(Path.of("docs", "configuration.md"));
    for (Limits.Range range : Limits.RANGES) {
      String row =
          "| `"
              + range.key()
              + "` | "
              + plain(range.least())
              + " to "
              + plain(range.most())
              + " | "
              + range.fallback()
              + " |";
      assertThat(docs).as(range.key()).contains(row);
    }
  }

  private static String plain(double number) {
    return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
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

    assertThat(settings.checkin().reminderAfterDuration()).isEqualTo(Duration.ofMinutes(90));
    assertThat(ConfigLoader.options(settings).reminderAfter()).isEqualTo(Duration.ofMinutes(90));
    assertThat(Settings.defaults().checkin().reminderAfterDuration())
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void aBadReminderDelayIsNamedWithAnExample() throws IOException {
    Path file = write("porchlight.yaml", "checkin:\n  reminderAfter: three hours\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 'checkin'")
        .hasMessageContaining("'three hours' is not a duration: write it like 3h, 90m or 45s");
  }

  @Test
  void anUnknownTelegramModeIsNamed() throws IOException {
    Path file = write("porchlight.yaml", "telegram:\n  mode: pigeon\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).settings(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("telegram.mode 'pigeon' is not one of polling, webhook or send-only");
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
        Settings.defaults()
            .withEnvironment(
                Map.of(
                    "TELEGRAM_BOT_TOKEN", "123:secret",
                    "PORCHLIGHT_DB_URL", "jdbc:postgresql://db/porchlight",
                    "PORCHLIGHT_TELEGRAM_API_URL", "http://localhost:8081"));

    assertThat(settings.telegram().tokenIfSet()).contains("123:secret");
    assertThat(settings.telegram().apiUrl()).isEqualTo("http://localhost:8081");
    assertThat(settings.store().jdbcUrl()).isEqualTo("jdbc:postgresql://db/porchlight");
  }

  @Test
  void theOperatorsVariablesOverrideTheFileAndABadNumberIsNamed() {
    Settings settings =
        Settings.defaults()
            .withEnvironment(
                Map.of(
                    "PORCHLIGHT_TELEGRAM_MESSAGES_PER_SECOND", "15",
                    "PORCHLIGHT_SERVER_PORT", "9090",
                    "PORCHLIGHT_SERVER_BIND_ADDRESS", "0.0.0.0",
                    "PORCHLIGHT_LOG_FORMAT", "JSON",
                    "PORCHLIGHT_SHUTDOWN_DEADLINE_SECONDS", "45"));

    assertThat(settings.telegram().messagesPerSecond()).isEqualTo(15.0);
    assertThat(settings.server()).isEqualTo(new Settings.Server(9090, "0.0.0.0"));
    assertThat(settings.logging().format()).isEqualTo("json");
    assertThat(settings.shutdown().deadline()).isEqualTo(java.time.Duration.ofSeconds(45));
    assertThatThrownBy(
            () ->
                Settings.defaults()
                    .withEnvironment(Map.of("PORCHLIGHT_SERVER_PORT", "eighty-eighty")))
        .hasMessageContaining("PORCHLIGHT_SERVER_PORT 'eighty-eighty' is not a whole number");
    assertThatThrownBy(
            () ->
                Settings.defaults()
                    .withEnvironment(Map.of("PORCHLIGHT_SHUTDOWN_DEADLINE_SECONDS", "0")))
        .hasMessageContaining("PORCHLIGHT_SHUTDOWN_DEADLINE_SECONDS 0 is out of range");
  }

  @Test
  void tokensAndPasswordsNeverShowInToString() {
    Settings settings =
        Settings.defaults()
            .withEnvironment(
                Map.of(
                    "TELEGRAM_BOT_TOKEN", "123:tg-secret",
                    "DISCORD_BOT_TOKEN", "dc-secret",
                    "PORCHLIGHT_DB_PASSWORD", "db-secret"));

    assertThat(settings.toString()).doesNotContain("secret").contains("***");
  }

  @Test
  void aPasswordInsideTheDatabaseUrlNeverShowsInToStringEither() {
    for (String url :
        List.of(
            "jdbc:postgresql://db:5432/porchlight?user=porchlight&password=db-secret&ssl=true",
            "jdbc:postgresql://porchlight:db-secret@db:5432/porchlight",
            "jdbc:h2:tcp://db/porchlight;USER=sa;PASSWORD=db-secret")) {
      Settings settings = Settings.defaults().withEnvironment(Map.of("PORCHLIGHT_DB_URL", url));

      assertThat(settings.toString()).as(url).doesNotContain("db-secret").contains("db");
      assertThat(settings.store().jdbcUrl()).isEqualTo(url);
    }
    Settings plain =
        Settings.defaults()
            .withEnvironment(Map.of("PORCHLIGHT_DB_URL", "jdbc:postgresql://db:5432/porchlight"));
    assertThat(plain.store().urlWithoutPassword())
        .isEqualTo("jdbc:postgresql://db:5432/porchlight");
  }

  @Test
  void theDataDirDecidesWhereTheEmbeddedDatabaseLives() {
    Settings settings =
        Settings.defaults().withEnvironment(Map.of("PORCHLIGHT_DATA_DIR", "/var/lib/porchlight"));

    assertThat(settings.store().jdbcUrl())
        .startsWith("jdbc:h2:retry:/var/lib/porchlight/porchlight;");
  }
}
