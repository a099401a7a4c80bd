package org.porchlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.core.reading.Examples;
import org.porchlight.core.reading.Thresholds;

/** The sentence model's examples and thresholds, from {@code config/understanding/}. */
class UnderstandingConfigTest {
  @TempDir Path dir;

  private final ConfigLoader shipped = new ConfigLoader(Path.of("config"));

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<String> ids(List<Examples.Kind> kinds) {
    return kinds.stream().map(Examples.Kind::id).toList();
  }

  @Test
  void theShippedExamplesHaveEveryGroup() {
    Examples examples = shipped.examples();

    assertThat(ids(examples.crisis())).contains("wish-to-be-dead", "preparations-and-goodbyes");
    assertThat(ids(examples.notCrisis())).contains("idioms-and-hyperbole");
    assertThat(ids(examples.moodFine())).contains("fine");
    assertThat(ids(examples.moodRough())).contains("rough");
  }

  @Test
  void theBuiltInIndexListsEveryExampleFile() throws IOException {
    Path folder = Path.of("config", "understanding");
    List<String> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(path -> path.toString().endsWith(".yaml"))
              .map(path -> folder.relativize(path).toString().replace('\\', '/'))
              .filter(name -> name.contains("/"))
              .sorted()
              .toList();
    }
    List<String> indexed =
        Files.readAllLines(folder.resolve("index.txt")).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .sorted()
            .toList();

    assertThat(indexed).isEqualTo(files);
  }

  @Test
  void aMissingFolderIsTakenFromTheBuiltInCopy() {
    Examples builtIn = new ConfigLoader(dir).examples();

    assertThat(builtIn).isEqualTo(shipped.examples());
    assertThat(new ConfigLoader(dir).thresholds()).isEqualTo(shipped.thresholds());
  }

  @Test
  void aFolderOnDiskReplacesItsGroupWhole() throws IOException {
    write(
        "understanding/crisis/wish-to-be-dead.yaml",
        "kind: wish-to-be-dead\nexamples:\n  - \"I wish I was dead\"\nheldOut: []\n");

    Examples examples = new ConfigLoader(dir).examples();

    assertThat(ids(examples.crisis())).containsExactly("wish-to-be-dead");
    assertThat(examples.crisis().get(0).examples()).containsExactly("I wish I was dead");
    assertThat(examples.notCrisis()).isEqualTo(shipped.examples().notCrisis());
  }

  @Test
  void aKindNamedOtherwiseThanItsFileIsReportedWithFileAndKey() throws IOException {
    write("understanding/crisis/places.yaml", "kind: bridges\nexamples:\n  - \"the bridge\"\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).examples())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("places.yaml, key 'kind'")
        .hasMessageContaining("'bridges' is not the file's name, 'places'");
  }

  @Test
  void aBlankExampleIsReportedWithItsPlace() throws IOException {
    write(
        "understanding/crisis/places.yaml",
        "kind: places\nexamples:\n  - \"the bridge\"\n  - \" \"\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).examples())
        .hasMessageContaining("places.yaml, key 'examples[1]': it is blank");
  }

  @Test
  void anUnknownKeyIsReportedWithItsLine() throws IOException {
    write(
        "understanding/not-crisis/idioms.yaml",
        "kind: idioms\nexamples:\n  - \"killing it\"\nheld_out:\n  - \"dying of laughter\"\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).examples())
        .hasMessageContaining("idioms.yaml, line 4, key 'held_out'")
        .hasMessageContaining("no such setting")
        .hasMessageContaining("heldOut");
  }

  @Test
  void aMoodKindIsFineOrRough() throws IOException {
    write("understanding/mood/meh.yaml", "kind: meh\nexamples:\n  - \"meh\"\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).examples())
        .hasMessageContaining("mood/meh.yaml")
        .hasMessageContaining("fine, fine-..., rough or rough-...");
  }

  @Test
  void theShippedThresholdsAskBelowYes() {
    Thresholds thresholds = shipped.thresholds();

    assertThat(thresholds.ask().score()).isLessThan(thresholds.reply().score());
    assertThat(thresholds.ask().nearest()).isGreaterThan(0);
  }

  @Test
  void thresholdsOutOfOrderAreReportedWithTheFile() throws IOException {
    write(
        "understanding/thresholds.yaml",
        "crisis:\n"
            + "  reply: {score: 0.3, nearest: 0.5, neighbours: 6}\n"
            + "  ask: {score: 0.6, nearest: 0.6, neighbours: 3}\n"
            + "mood:\n  sure: 0.8\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).thresholds())
        .hasMessageContaining("thresholds.yaml: the crisis thresholds must be ask <= reply");
  }

  @Test
  void aMissingThresholdIsNamed() throws IOException {
    write(
        "understanding/thresholds.yaml",
        "crisis:\n  reply: {score: 0.8, nearest: 0.5}\nmood:\n  sure: 0.8\n");

    assertThatThrownBy(() -> new ConfigLoader(dir).thresholds())
        .hasMessageContaining("thresholds.yaml: missing crisis.reply.neighbours, crisis.ask");
  }
}
