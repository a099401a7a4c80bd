package org.porchlight.app.doctor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.porchlight.app.Redaction;
import org.porchlight.config.Secret;
import org.porchlight.config.Settings;

/** Prints the findings a line each, with no secret in them, and counts the problems. */
final class Report {
  private final PrintStream out;
  private final List<String> secrets = new ArrayList<>();
  private int problems;

  Report(PrintStream out) {
    this.out = out;
  }

  /**
   * From now on, each of the tokens, password, webhook secret and secret key in {@code settings} is
   * ***.
   */
  void hideSecretsOf(Settings settings) {
    for (Secret secret :
        List.of(
            settings.telegram().token(),
            settings.discord().token(),
            settings.store().password(),
            settings.store().secretKey(),
            settings.telegram().webhookSecret())) {
      if (secret.isSet()) secrets.add(secret.reveal());
    }
  }

  void print(List<Finding> findings) {
    for (Finding finding : findings) {
      if (!finding.ok()) problems++;
      String line = finding.line();
      for (String secret : secrets) line = line.replace(secret, "***");
      // Token-shaped text is hidden too, whatever setting or error it came from.
      out.println(Redaction.redact(line));
    }
  }

  boolean allWell() {
    return problems == 0;
  }

  /** Prints the summary: true when all is well. */
  boolean finish() {
    out.println();
    out.println(
        problems == 0
            ? "All is well."
            : problems + (problems == 1 ? " problem" : " problems") + " to fix, above.");
    return problems == 0;
  }
}
