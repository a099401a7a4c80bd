package org.porchlight.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.porchlight.core.reading.Examples;
import org.porchlight.core.reading.Thresholds;

/** The sentence model's files in {@code understanding/}: its examples and its thresholds. */
final class UnderstandingFiles {
  private final ContentFiles content;

  UnderstandingFiles(ContentFiles content) {
    this.content = content;
  }

  private static final String UNDERSTANDING = "understanding/";
  // The built-in example files, listed because a folder inside a jar cannot simply be listed.
  private static final String BUILT_IN_INDEX = UNDERSTANDING + "index.txt";

  record ExampleFile(String kind, List<String> examples, List<String> heldOut) {}

  /**
   * The sentence model's examples: every {@code .yaml} file under {@code understanding/crisis/},
   * {@code understanding/not-crisis/} and {@code understanding/mood/}, one kind a file. A group's
   * folder that is missing is taken whole from the built-in copy. In {@code mood/}, kinds named
   * {@code fine} or {@code fine-...} are fine days, {@code rough} or {@code rough-...} rough ones.
   */
  Examples examples() {
    List<Examples.Kind> moods = kinds("mood");
    try {
      return new Examples(
          kinds("crisis"),
          kinds("not-crisis"),
          moods.stream().filter(kind -> isMood("fine", kind.id())).toList(),
          moods.stream().filter(kind -> isMood("rough", kind.id())).toList());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          content.folder().resolve("understanding") + ": " + e.getMessage() + ".");
    }
  }

  private static boolean isMood(String mood, String kind) {
    return kind.equals(mood) || kind.startsWith(mood + "-");
  }

  private List<Examples.Kind> kinds(String group) {
    Path dir = content.folder().resolve(UNDERSTANDING + group);
    List<ContentFiles.Located<ExampleFile>> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> yamls = Files.newDirectoryStream(dir, "*.yaml")) {
        for (Path file : yamls)
          files.add(
              new ContentFiles.Located<>(file.toString(), content.read(file, ExampleFile.class)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      for (String fileName : builtInIndex()) {
        if (fileName.startsWith(group + "/")) {
          files.add(content.readBuiltIn(UNDERSTANDING + fileName, ExampleFile.class));
        }
      }
    }
    files.sort((a, b) -> a.name().compareTo(b.name()));
    return files.stream().map(file -> kind(group, file)).toList();
  }

  private static Examples.Kind kind(String group, ContentFiles.Located<ExampleFile> file) {
    ExampleFile value = file.value();
    String name = file.name();
    String expected = Path.of(name).getFileName().toString().replaceFirst("\\.yaml$", "");
    if (value == null || value.kind() == null) {
      throw new ConfigException(name + ", key 'kind': it is missing; it names the kind.");
    }
    if (!value.kind().equals(expected)) {
      throw new ConfigException(
          name
              + ", key 'kind': '"
              + value.kind()
              + "' is not the file's name, '"
              + expected
              + "'.");
    }
    if (value.examples() == null || value.examples().isEmpty()) {
      throw new ConfigException(name + ", key 'examples': there are no examples.");
    }
    if (group.equals("mood") && !isMood("fine", expected) && !isMood("rough", expected)) {
      throw new ConfigException(
          name + ", key 'kind': a mood kind is named fine, fine-..., rough or rough-....");
    }
    List<String> heldOut = value.heldOut() == null ? List.of() : value.heldOut();
    blank(name, "examples", value.examples());
    blank(name, "heldOut", heldOut);
    try {
      return new Examples.Kind(value.kind(), value.examples(), heldOut);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + ": " + e.getMessage() + ".");
    }
  }

  private static void blank(String name, String key, List<String> texts) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null || texts.get(i).isBlank()) {
        throw new ConfigException(name + ", key '" + key + "[" + i + "]': it is blank.");
      }
    }
  }

  private List<String> builtInIndex() {
    try (InputStream in = ContentFiles.resource(BUILT_IN_INDEX)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record ThresholdsFile(CrisisThresholds crisis, MoodThresholds mood) {}

  record CrisisThresholds(BandEntry reply, BandEntry ask) {}

  record BandEntry(Double score, Double nearest, Integer neighbours) {}

  record MoodThresholds(Double sure) {}

  /**
   * Where the sentence model's scores become yes, ask or no, and a mood: {@code thresholds.yaml}.
   */
  Thresholds thresholds() {
    ContentFiles.Located<ThresholdsFile> file =
        content.readContent(UNDERSTANDING + "thresholds.yaml", ThresholdsFile.class);
    ThresholdsFile value = file.value();
    List<String> missing = new ArrayList<>();
    CrisisThresholds crisis = value == null ? null : value.crisis();
    band("crisis.reply", crisis == null ? null : crisis.reply(), missing);
    band("crisis.ask", crisis == null ? null : crisis.ask(), missing);
    if (value == null || value.mood() == null || value.mood().sure() == null) {
      missing.add("mood.sure");
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(file.name() + ": missing " + String.join(", ", missing) + ".");
    }
    try {
      return new Thresholds(band(crisis.reply()), band(crisis.ask()), value.mood().sure());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file.name() + ": " + e.getMessage() + ".");
    }
  }

  private static void band(String key, BandEntry entry, List<String> missing) {
    if (entry == null) {
      missing.add(key);
      return;
    }
    if (entry.score() == null) missing.add(key + ".score");
    if (entry.nearest() == null) missing.add(key + ".nearest");
    if (entry.neighbours() == null) missing.add(key + ".neighbours");
  }

  private static Thresholds.Band band(BandEntry entry) {
    return new Thresholds.Band(entry.score(), entry.nearest(), entry.neighbours());
  }
}
