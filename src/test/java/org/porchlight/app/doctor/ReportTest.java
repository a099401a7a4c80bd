package org.porchlight.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;

class ReportTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Report report = new Report(new PrintStream(printed, true, StandardCharsets.UTF_8));

  @Test
  void aSecretFromTheSettingsIsNeverPrinted(@TempDir Path noSettingsFile) {
    Settings settings =
        new ConfigLoader(noSettingsFile).settings(Map.of("PORCHLIGHT_DB_PASSWORD", "db-secret"));
    report.hideSecretsOf(settings);

    report.print(List.of(Finding.problem("Database", "refused db-secret.", "Check it.")));

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo("problem  Database: refused ***. Check it.\n");
  }

  @Test
  void oneProblemIsCountedInTheSummary() {
    report.print(List.of(Finding.ok("HTTP port", "free"), Finding.problem("Discord", "no.", "")));

    assertThat(report.finish()).isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8)).endsWith("\n\n1 problem to fix, above.\n");
  }
}
