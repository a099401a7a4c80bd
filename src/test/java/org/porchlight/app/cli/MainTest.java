package org.porchlight.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
