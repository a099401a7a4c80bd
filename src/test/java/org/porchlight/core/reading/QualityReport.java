package org.porchlight.core.reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A quality check's tables: printed, and written to a file under {@code target/} so the figures
 * outlive the console and docs/quality.md can quote them.
 */
final class QualityReport {
  private final Path file;
  private final String heading;
  private final StringBuilder sections = new StringBuilder();

  /** A report written to {@code target/<fileName>}, under {@code title}, by {@code writer}. */
  QualityReport(String fileName, String title, Class<?> writer) {
    this.file = Path.of("target", fileName);
    this.heading = "# " + title + "\n\nWritten by " + writer.getSimpleName() + ".\n\n";
  }

  synchronized void section(String title, String... lines) throws IOException {
    String text = "## " + title + "\n\n" + String.join("\n", lines) + "\n\n";
    System.out.print(text);
    sections.append(text);
    Files.createDirectories(file.getParent());
    Files.writeString(file, heading + sections, StandardCharsets.UTF_8);
  }

  static String percent(int part, int whole) {
    return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
  }
}
