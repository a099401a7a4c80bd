package org.porchlight.app.doctor;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;
import org.porchlight.store.Database;

/**
 * {@code porchlight doctor}: checks what Porchlight needs, a line a finding, each {@code ok} or
 * {@code problem} with what to do about it. It prints no token, password, webhook secret or secret
 * key.
 */
public final class Doctor {
  /** How long each network check may take. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final PrintStream out;
  private final Duration timeout;

  public Doctor(PrintStream out, Duration timeout) {
    this.out = out;
    this.timeout = timeout;
  }

  /**
   * Runs every check, in order: the configuration first, and the others only once it can be read.
   * Returns true when all is well.
   */
  public boolean run(Path file, Supplier<Settings> read, ConfigLoader loader) {
    Report report = new Report(out);
    ConfigurationCheck configuration = new ConfigurationCheck(file, read, loader);
    List<Finding> found = configuration.run();
    // Hidden from the first line on: a settings file's error may quote what it was given.
    configuration.settings().ifPresent(report::hideSecretsOf);
    report.print(found);
    if (report.allWell()) checkWith(configuration.settings().orElseThrow(), report);
    return report.finish();
  }

  private void checkWith(Settings settings, Report report) {
    try (DatabaseCheck database = new DatabaseCheck(settings.store())) {
      report.print(database.run());
      report.print(new SecretKeyCheck(settings.store(), database.readable()).run());
      for (Check check : checks(settings, database.readable())) report.print(check.run());
    }
  }

  /** The checks after the database's, in the order they print. */
  private List<Check> checks(Settings settings, Optional<Database> database) {
    List<Check> checks = new ArrayList<>();
    Settings.Telegram telegram = settings.telegram();
    telegram
        .tokenIfSet()
        .map(token -> new TelegramAccess(telegram, token.reveal(), timeout))
        .ifPresent(
            access -> {
              checks.add(new TelegramTokenCheck(access));
              if (telegram.mode() == Settings.Telegram.Mode.WEBHOOK) {
                checks.add(new TelegramWebhookCheck(access));
              }
            });
    Settings.Discord discord = settings.discord();
    discord
        .tokenIfSet()
        .ifPresent(token -> checks.add(new DiscordTokenCheck(discord, token.reveal(), timeout)));
    checks.add(new TimeZonesCheck(database));
    checks.add(new PortCheck(settings.server()));
    return checks;
  }
}
