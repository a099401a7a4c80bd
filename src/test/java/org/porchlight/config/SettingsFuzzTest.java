package org.porchlight.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The settings file and the environment, as a host writes them: any file and any variables give
 * settings, or a {@link ConfigException} that says what to change. Nothing else.
 */
class SettingsFuzzTest {
  private static final ConfigLoader LOADER = new ConfigLoader(Path.of("config"));
  // "section.key" for every setting the defaults have, to write mostly real keys.
  private static final List<List<String>> KEYS = keys(SettingsReader.defaultTree());
  private static final List<String> VARIABLES =
      Environment.variables().stream().map(Environment.Variable::name).toList();
  private static final Path FILE = temporaryFile();

  @FuzzTest
  void anySettingsAreReadOrRefusedWithWhatToChange(FuzzedDataProvider data) throws IOException {
    Map<String, String> env = new HashMap<>();
    int variables = data.consumeInt(0, 3);
    for (int i = 0; i < variables; i++) {
      env.put(data.pickValue(VARIABLES), data.consumeString(60));
    }
    String yaml = data.consumeBoolean() ? written(data) : data.consumeRemainingAsString();
    Files.writeString(FILE, yaml, StandardCharsets.UTF_8);
    try {
      Settings settings = LOADER.settings(FILE, env);
      ConfigLoader.options(settings);
    } catch (ConfigException refused) {
      assertThat(refused.getMessage())
          .isNotBlank()
          .doesNotContain("REDACTED")
          .doesNotContain("com.fasterxml")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
  }

  /** The file as a host would write it: sections and keys the settings have, any values. */
  private static String written(FuzzedDataProvider data) {
    StringBuilder yaml = new StringBuilder();
    int lines = data.consumeInt(1, 6);
    for (int i = 0; i < lines; i++) {
      List<String> key = data.pickValue(KEYS);
      String indent = "";
      for (int depth = 0; depth < key.size() - 1; depth++) {
        yaml.append(indent).append(key.get(depth)).append(":\n");
        indent += "  ";
      }
      yaml.append(indent)
          .append(key.get(key.size() - 1))
          .append(": ")
          .append(data.consumeString(40))
          .append('\n');
    }
    return yaml.toString();
  }

  private static List<List<String>> keys(JsonNode tree) {
    List<List<String>> keys = new ArrayList<>();
    collect(tree, new ArrayList<>(), keys);
    return keys;
  }

  private static void collect(JsonNode node, List<String> path, List<List<String>> into) {
    if (!node.isObject() || node.isEmpty()) {
      into.add(List.copyOf(path));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      path.add(field.getKey());
      collect(field.getValue(), path, into);
      path.remove(path.size() - 1);
    }
  }

  private static Path temporaryFile() {
    try {
      Path file = Files.createTempFile("porchlight-fuzz", ".yaml");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
