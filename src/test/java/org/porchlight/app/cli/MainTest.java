package org.porchlight.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.config.Environment;
import org.porchlight.testing.CapturedLog;
import org.slf4j.LoggerFactory;

/** The command line's own work: reading the settings, and the log they ask for. */
class MainTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aConfigFileAskingForJsonSwitchesTheLogOnceTheSettingsAreRead(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("porchlight.yaml");
    Files.writeString(file, "logging:\n  format: json\n");
    Main main =
        new Main(
            InputStream.nullInputStream(), System.out, System.err, Map.of(), Clock.systemUTC());
    main.config = file;

    try (CapturedLog log = CapturedLog.start("text")) {
      main.settings();
      LoggerFactory.getLogger(Main.class).info("now in JSON");

      JsonNode json = JSON.readTree(log.text());
      assertThat(json.path("message").asText()).isEqualTo("now in JSON");
      assertThat(json.path("logger").asText()).isEqualTo(Main.class.getName());
    }
  }

  @Test
  void helpListsEveryEnvironmentVariableWithTheSettingItOverrides() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit =
        Main.run(
            new String[] {"--help"},
            InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err,
            Map.of(),
            Clock.systemUTC());

    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(help).contains("Environment variables");
    for (Environment.Variable variable : Environment.variables()) {
      assertThat(help).containsPattern(variable.name() + " +" + variable.key().replace(".", "\\."));
    }
    assertThat(help).contains("TELEGRAM_BOT_TOKEN").contains("PORCHLIGHT_SHUTDOWN_DEADLINE");
  }

  @Test
  void readPrintsOneJsonLineAMessageAsTheBotReadsIt() throws Exception {
    String input =
        "I've given my guitar and my records away this week, I won't be needing them after"
            + " Saturday\n\nso stressed I picked at my cuticles till they bled, anyway the"
            + " deadline's done\nhonestly a good day\n";

    List<JsonNode> lines = read(input);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).path("crisis").asText()).isIn("yes", "ask");
    assertThat(lines.get(0).path("why").asText()).startsWith("model: ");
    assertThat(lines.get(1).path("crisis").asText()).isEqualTo("no");
    assertThat(lines.get(2).path("mood").asText()).isEqualTo("fine");
    assertThat(lines.get(2).path("step").asBoolean()).isFalse();
  }

  @Test
  void readWithThePatternsOnlyLeavesTheModelOut() throws Exception {
    List<JsonNode> lines =
        read("I want to kill myself\nsorted who gets the cat\n", "--patterns-only");

    assertThat(lines.get(0).path("crisis").asText()).isEqualTo("yes");
    assertThat(lines.get(0).path("why").asText()).isEqualTo("pattern");
    assertThat(lines.get(1).path("why").asText()).isEqualTo("patterns alone");
    assertThat(lines.get(1).path("mood").isNull()).isTrue();
  }

  private static List<JsonNode> read(String input, String... options) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("read"));
    args.addAll(List.of(options));
    int exit =
        Main.run(
            args.toArray(String[]::new),
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err,
            Map.of(),
            Clock.systemUTC());
    assertThat(exit).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
