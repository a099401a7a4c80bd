package org.porchlight.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.porchlight.core.Content;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.CrisisLines;
import org.porchlight.core.Group;
import org.porchlight.core.Messages;
import org.porchlight.core.Step;
import org.porchlight.core.Steps;
import org.porchlight.core.reading.Examples;
import org.porchlight.core.reading.Thresholds;

/**
 * Reads the settings ({@code porchlight.yaml} over the built-in defaults, under the environment)
 * and the content beside them ({@code messages/}, {@code steps.yaml}, {@code crisis-lines.yaml},
 * {@code understanding/}). A file that is missing from the folder is taken from the copy built into
 * Porchlight; a file that is broken is reported with its name, line and key.
 */
public final class ConfigLoader {
  private final Path folder;
  private final ContentFiles content;

  /** Reads from {@code folder}, usually {@code config/}. */
  public ConfigLoader(Path folder) {
    this.folder = folder;
    this.content = new ContentFiles(folder);
  }

  /**
   * The settings: the defaults, then {@code folder/porchlight.yaml} when there is one, then {@code
   * env}.
   */
  public Settings settings(Map<String, String> env) {
    Path file = folder.resolve("porchlight.yaml");
    return SettingsReader.read(
        Files.isRegularFile(file) ? Optional.of(file) : Optional.empty(), env);
  }

  /** The settings: the defaults, then {@code file}, which must exist, then {@code env}. */
  public Settings settings(Path file, Map<String, String> env) {
    if (!Files.isRegularFile(file)) {
      if (file.equals(folder.resolve("porchlight.yaml"))) return settings(env);
      throw new ConfigException("There is no configuration file at " + file + ".");
    }
    return SettingsReader.read(Optional.of(file), env);
  }

  /** The settings without the environment: the defaults, then {@code folder/porchlight.yaml}. */
  public Settings settings() {
    return settings(Map.of());
  }

  /** The settings without the environment: the defaults, then {@code file}. */
  public Settings settings(Path file) {
    return settings(file, Map.of());
  }

  /** Everything hosts can change without code: texts, steps, crisis lines, the group. */
  public Content content(Settings settings) {
    Settings.Group group = settings.group();
    Group meeting =
        new Group(group.name(), optional(group.meetingUrl()), optional(group.schedule()));
    return new Content(messages(), settings.locale(), steps(), crisisLines(), meeting);
  }

  /** The conversation's options from the settings. */
  public static ConversationOptions options(Settings settings) {
    return new ConversationOptions(
        settings.checkin().morning(),
        settings.checkin().midday(),
        settings.checkin().evening(),
        settings.crisis().repeatWindow(),
        settings.checkin().reminderAfter(),
        settings.outreach().roughDaysInARow(),
        settings.outreach().silentDays());
  }

  Map<String, Messages> messages() {
    Map<String, Messages> byLocale = new LinkedHashMap<>();
    Path dir = folder.resolve("messages");
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
        for (Path file : files) {
          String locale = file.getFileName().toString().replaceFirst("\\.yaml$", "");
          byLocale.put(
              locale, messages(locale, file.toString(), content.read(file, JsonNode.class)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!byLocale.containsKey("en")) {
      byLocale.put(
          "en", messages("en", "built-in messages/en.yaml", content.builtIn("messages/en.yaml")));
    }
    return byLocale;
  }

  private static Messages messages(String locale, String name, JsonNode tree) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    flatten("", tree, texts, name);
    try {
      return new Messages(locale, texts);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + ": " + e.getMessage() + ".");
    }
  }

  private static void flatten(
      String prefix, JsonNode node, Map<String, List<String>> into, String name) {
    if (node == null || node.isNull()) return;
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        flatten(key, field.getValue(), into, name);
      }
    } else if (node.isArray()) {
      List<String> variants = new ArrayList<>();
      node.forEach(item -> variants.add(item.asText()));
      into.put(prefix, variants);
    } else {
      into.put(prefix, List.of(node.asText()));
    }
  }

  /** The entries of steps.yaml; each has one mood tag and one company tag. */
  record StepsFile(List<StepEntry> steps) {}

  record StepEntry(String id, String text, List<String> tags) {}

  Steps steps() {
    ContentFiles.Located<StepsFile> file = content.readContent("steps.yaml", StepsFile.class);
    if (file.value() == null || file.value().steps() == null || file.value().steps().isEmpty()) {
      throw new ConfigException(file.name() + ": there are no steps under 'steps'.");
    }
    List<Step> steps = new ArrayList<>();
    for (StepEntry entry : file.value().steps()) {
      String where = file.name() + ", step '" + entry.id() + "'";
      List<String> tags =
          entry.tags() == null
              ? List.of()
              : entry.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
      List<String> moods = tags.stream().filter(List.of("rough", "fine", "any")::contains).toList();
      List<String> company =
          tags.stream().filter(List.of("alone", "with-others")::contains).toList();
      if (moods.size() != 1 || company.size() != 1) {
        throw new ConfigException(
            where
                + ": tags must hold one of rough, fine or any and one of alone or with-others"
                + " (found "
                + tags
                + ").");
      }
      try {
        steps.add(
            new Step(
                entry.id() == null ? "" : entry.id(),
                entry.text() == null ? "" : entry.text(),
                Step.Fits.fromTag(moods.get(0)),
                Step.Company.fromTag(company.get(0))));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(where + ": " + e.getMessage() + ".");
      }
    }
    try {
      return new Steps(steps);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file.name() + ": " + e.getMessage() + ".");
    }
  }

  record CrisisFile(Map<String, CountryEntry> countries, CountryEntry international) {}

  record CountryEntry(String name, String emergency, List<LineEntry> lines) {}

  record LineEntry(
      String name, String contact, String how, String url, String source, String checked) {}

  CrisisLines crisisLines() {
    ContentFiles.Located<CrisisFile> file =
        content.readContent("crisis-lines.yaml", CrisisFile.class);
    CrisisFile lines = file.value();
    if (lines == null || lines.international() == null) {
      throw new ConfigException(file.name() + ": 'international' is missing; it is the fallback.");
    }
    Map<String, CrisisLines.Country> countries = new LinkedHashMap<>();
    if (lines.countries() != null) {
      lines
          .countries()
          .forEach(
              (code, entry) ->
                  countries.put(
                      code.toUpperCase(Locale.ROOT),
                      country(file.name() + ", countries." + code, entry)));
    }
    return new CrisisLines(
        countries, country(file.name() + ", international", lines.international()));
  }

  private static CrisisLines.Country country(String where, CountryEntry entry) {
    if (entry.lines() == null || entry.lines().isEmpty()) {
      throw new ConfigException(where + ": there are no lines.");
    }
    List<CrisisLines.Line> lines = new ArrayList<>();
    for (LineEntry line : entry.lines()) {
      List<String> missing = new ArrayList<>();
      if (line.name() == null) missing.add("name");
      if (line.contact() == null) missing.add("contact");
      if (line.source() == null) missing.add("source");
      if (line.checked() == null) missing.add("checked");
      if (!missing.isEmpty()) {
        throw new ConfigException(
            where + ", line '" + line.name() + "': missing " + String.join(", ", missing) + ".");
      }
      lines.add(
          new CrisisLines.Line(
              line.name(),
              line.contact(),
              line.how() == null ? "" : line.how(),
              line.url() == null ? "" : line.url(),
              line.source(),
              line.checked()));
    }
    if (entry.name() == null || entry.emergency() == null) {
      throw new ConfigException(where + ": needs a name and an emergency number.");
    }
    return new CrisisLines.Country(entry.name(), entry.emergency(), lines);
  }

  /** The sentence model's examples, from {@code understanding/}. */
  public Examples examples() {
    return new UnderstandingFiles(content).examples();
  }

  /** Where the sentence model's scores become answers: {@code understanding/thresholds.yaml}. */
  public Thresholds thresholds() {
    return new UnderstandingFiles(content).thresholds();
  }

  /** Names the file, the line and the key, and says what is wrong in a sentence. */
  static String describe(String file, JsonProcessingException e) {
    StringBuilder where = new StringBuilder(file);
    JsonLocation location = e.getLocation();
    int line = location == null ? -1 : location.getLineNr();
    String key = "";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      List<String> names =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .toList();
      key = String.join(".", names).replace(".[", "[");
      // Jackson's location is where it stopped reading, often a line later: find the key's own.
      line = lineOfKey(Path.of(file), names).orElse(line);
    }
    if (line > 0) where.append(", line ").append(line);
    if (!key.isEmpty()) where.append(", key '").append(key).append("'");
    return where + ": " + problem(e);
  }

  /** The line on which a path of keys stands, following the keys down the file in order. */
  static Optional<Integer> lineOfKey(Path file, List<String> keys) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    int from = 0;
    Optional<Integer> found = Optional.empty();
    for (String key : keys) {
      if (key.startsWith("[")) continue;
      Pattern pattern = Pattern.compile("\\s*(- )?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:.*");
      found = Optional.empty();
      for (int i = from; i < lines.size(); i++) {
        if (pattern.matcher(lines.get(i)).matches()) {
          found = Optional.of(i + 1);
          from = i + 1;
          break;
        }
      }
      if (found.isEmpty()) return found;
    }
    return found;
  }

  static String problem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds() == null
              ? ""
              : unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
      return "there is no such setting"
          + (known.isEmpty() ? "" : " (known here: " + known + ")")
          + ".";
    }
    if (e instanceof InvalidFormatException format) {
      return "'" + format.getValue() + "' is not a valid " + typeName(format.getTargetType()) + ".";
    }
    if (e instanceof ValueInstantiationException instantiation
        && instantiation.getCause() != null) {
      return instantiation.getCause().getMessage() + ".";
    }
    String message = Optional.ofNullable(e.getOriginalMessage()).orElse("unreadable");
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)) + ".";
  }

  private static String typeName(Class<?> type) {
    if (type == null) return "value";
    return switch (type.getSimpleName()) {
      case "LocalTime" -> "time (like 08:30)";
      case "int", "Integer" -> "whole number";
      case "boolean", "Boolean" -> "true or false";
      default -> type.getSimpleName();
    };
  }

  private static Optional<String> optional(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
