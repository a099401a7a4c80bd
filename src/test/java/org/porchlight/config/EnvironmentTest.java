package org.porchlight.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  // A row of the settings table with a variable: | `store.url` | `PORCHLIGHT_DB_URL` | ...
  private static final Pattern SETTING_ROW =
      Pattern.compile("(?m)^\\| `([a-zA-Z.]+)` \\| `([A-Z0-9_]+)` \\|");
  // A row of the table of variables with no key: | `PORCHLIGHT_LOG_LEVEL` | the logs | ...
  private static final Pattern VARIABLE_ROW = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\|");
  private static final Pattern NAME =
      Pattern.compile("\\b(?:PORCHLIGHT|TELEGRAM|DISCORD)_[A-Z0-9_]+");

  @Test
  void theDocsListExactlyTheVariablesOfTheTableEachWithItsKey() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher row = SETTING_ROW.matcher(docs());
    while (row.find()) documented.put(row.group(2), row.group(1));

    Map<String, String> declared = new LinkedHashMap<>();
    Environment.variables().forEach(variable -> declared.put(variable.name(), variable.key()));
    assertThat(documented).containsExactlyInAnyOrderEntriesOf(declared);
  }

  @Test
  void theReadmeNamesOnlyVariablesTheTableOrTheDocsDeclare() throws IOException {
    Set<String> known = new TreeSet<>();
    Environment.variables().forEach(variable -> known.add(variable.name()));
    Matcher row = VARIABLE_ROW.matcher(docs());
    while (row.find()) known.add(row.group(1));

    Set<String> named = new TreeSet<>();
    Matcher name = NAME.matcher(Files.readString(Path.of("README.md")));
    while (name.find()) named.add(name.group());

    assertThat(named).contains("TELEGRAM_BOT_TOKEN", "DISCORD_BOT_TOKEN");
    assertThat(known).containsAll(named);
  }

  @Test
  void aVariableIsSecretExactlyWhenItsSettingIsASecret() {
    for (Environment.Variable variable : Environment.variables()) {
      String[] key = variable.key().split("\\.");
      RecordComponent section = component(Settings.class, key[0]);
      RecordComponent setting = component(section.getType(), key[1]);
      assertThat(setting.getType() == Secret.class)
          .as(variable.name())
          .isEqualTo(variable.secret());
    }
  }

  @Test
  void everyVariableSetsItsKey() {
    Map<String, String> env = new LinkedHashMap<>();
    Environment.variables().forEach(variable -> env.put(variable.name(), "1"));
    env.put("PORCHLIGHT_SHUTDOWN_DEADLINE", "7s");
    env.put("PORCHLIGHT_TELEGRAM_MODE", "webhook");
    env.put("PORCHLIGHT_LOG_FORMAT", "json");

    Settings settings = SettingsReader.read(java.util.Optional.empty(), env);

    assertThat(settings.telegram().token().reveal()).isEqualTo("1");
    assertThat(settings.discord().token().reveal()).isEqualTo("1");
    assertThat(settings.store().password().reveal()).isEqualTo("1");
    assertThat(settings.telegram().webhookSecret().reveal()).isEqualTo("1");
    assertThat(settings.store().user()).isEqualTo("1");
    assertThat(settings.store().secretKey().reveal()).isEqualTo("1");
    assertThat(settings.store().secretKeyFile()).isEqualTo("1");
    assertThat(settings.server().port()).isEqualTo(1);
    assertThat(settings.shutdown().deadline()).hasSeconds(7);
  }

  private static RecordComponent component(Class<?> type, String name) {
    return Arrays.stream(type.getRecordComponents())
        .filter(component -> component.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " has no " + name));
  }

  private static String docs() throws IOException {
    return Files.readString(Path.of("docs", "configuration.md"));
  }
}
