package org.porchlight.app.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;

/** The settings and the content they name can be read: the check every other one needs. */
final class ConfigurationCheck implements Check {
  private final Path file;
  private final Supplier<Settings> read;
  private final ConfigLoader loader;
  private Optional<Settings> settings = Optional.empty();

  ConfigurationCheck(Path file, Supplier<Settings> read, ConfigLoader loader) {
    this.file = file;
    this.read = read;
    this.loader = loader;
  }

  @Override
  public String name() {
    return "Configuration";
  }

  @Override
  public List<Finding> run() {
    String where =
        Files.isRegularFile(file)
            ? file + " and the environment"
            : "no " + file + ": the defaults and the environment";
    try {
      settings = Optional.of(read.get());
      loader.content(settings.get());
    } catch (RuntimeException e) {
      return List.of(
          problem(
              Finding.sentence(e.getMessage()),
              "The other checks need the settings: fix this first."));
    }
    List<String> platforms = new ArrayList<>();
    if (settings.get().telegram().tokenIfSet().isPresent()) platforms.add("Telegram");
    if (settings.get().discord().tokenIfSet().isPresent()) platforms.add("Discord");
    return List.of(
        ok(
            where
                + "; "
                + (platforms.isEmpty()
                    ? "no platform token set, so Porchlight would start the console"
                    : "tokens set for " + String.join(" and ", platforms))));
  }

  /** The settings once {@link #run} has read them, even when the content they name could not be. */
  Optional<Settings> settings() {
    return settings;
  }
}
