package org.porchlight.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
}
