package org.porchlight.core.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.porchlight.config.ConfigLoader;
import org.porchlight.testing.Corpus;
import org.porchlight.understanding.SentenceMeaning;

/**
 * The reader with the sentence model beside the patterns, against the patterns alone, on the
 * corpus's public sets and on the examples kept apart from tuning ({@code heldOut}). Writes {@code
 * target/understanding-quality.md}; docs/quality.md quotes it.
 */
@Tag(Corpus.TAG)
class UnderstandingQualityTest {
  // Death or violence words: the non-crisis messages most at risk of a false alarm.
  private static final Pattern DEATH_OR_VIOLENCE =
      Pattern.compile(
          "(?i)\\b(kill|killing|killed|die|dying|died|dead|death|suicid\\w*|murder\\w*|shoot\\w*"
              + "|stab\\w*|hang\\w*|jump\\w*|cut\\w*|overdos\\w*|bleed\\w*|blood\\w*|knife"
              + "|gun\\w*|slit|drown\\w*|poison\\w*|strangl\\w*|choke\\w*|end it|bridge)\\b");

  private static TextReader patterns;
  private static TextReader withModel;
  private static final QualityReport report =
      new QualityReport(
          "understanding-quality.md", "Understanding quality", UnderstandingQualityTest.class);

  @BeforeAll
  static void load() throws InterruptedException {
    ConfigLoader loader = new ConfigLoader(Path.of("config"));
    SentenceMeaning meaning = new SentenceMeaning(loader.examples(), loader.thresholds()).start();
    assertThat(meaning.awaitReady(Duration.ofMinutes(2))).as("the model loaded").isTrue();
    patterns = new TextReader();
    withModel = new TextReader(meaning);
  }

  /** How one reader answered a set: crisis yes, ask, no. */
  private record Tally(int yes, int ask, int no) {
    int total() {
      return yes + ask + no;
    }

    int either() {
      return yes + ask;
    }

    static Tally of(TextReader reader, List<String> texts) {
      int yes = 0;
      int ask = 0;
      for (String text : texts) {
        switch (reader.explain(text).crisis()) {
          case YES -> yes++;
          case ASK -> ask++;
          default -> {}
        }
      }
      return new Tally(yes, ask, texts.size() - yes - ask);
    }

    String row(String name, String reader) {
      return "| %s | %s | %d | %d (%s) | %d (%s) | %d (%s) |"
          .formatted(
              name,
              reader,
              total(),
              yes,
              QualityReport.percent(yes, total()),
              ask,
              QualityReport.percent(ask, total()),
              either(),
              QualityReport.percent(either(), total()));
    }
  }

  @Test
  void crisisSaidPlainlyAndIndirectly() throws IOException {
    Map<String, Set<String>> lexicon = TextUnderstandingQualityTest.lexiconPhrases();
    List<String> plain = new ArrayList<>();
    List<String> fragments = new ArrayList<>();
    for (Set<String> phrases : lexicon.values()) {
      for (String phrase : phrases) {
        (TextUnderstandingQualityTest.isPlainStatement(phrase) ? plain : fragments).add(phrase);
      }
    }
    List<String> rows = new ArrayList<>();
    Map<String, List<String>> sets = new LinkedHashMap<>();
    sets.put("Suicide Risk Lexicon, plain first-person statements", plain);
    sets.put("Suicide Risk Lexicon, fragments and tokens", fragments);
    sets.put("Held-out crisis examples (config/understanding/crisis)", heldOut("crisis"));
    for (Map.Entry<String, List<String>> set : sets.entrySet()) {
      rows.add(Tally.of(patterns, set.getValue()).row(set.getKey(), "patterns"));
      rows.add(Tally.of(withModel, set.getValue()).row(set.getKey(), "patterns + model"));
    }
    report.section(
        "Crisis caught",
        "| Set | Reader | Messages | Crisis reply | Asked | Either |",
        "|---|---|---|---|---|---|",
        String.join("\n", rows));
    List<String> missedPlain =
        plain.stream().filter(p -> withModel.explain(p).crisis() == Sense.Crisis.NO).toList();
    assertThat(missedPlain).as("plain statements missed").isEmpty();
  }

  @Test
  void falseAlarmsOnMessagesThatAreNotACrisis() throws IOException {
    List<List<String>> xstest =
        TextUnderstandingQualityTest.csv(Corpus.path("safety/xstest_prompts.csv"));
    int prompt = xstest.get(0).indexOf("prompt");
    int label = xstest.get(0).indexOf("label");
    List<String> safe = new ArrayList<>();
    for (List<String> row : xstest.subList(1, xstest.size())) {
      if (row.get(label).equals("safe")) safe.add(row.get(prompt));
    }
    List<String> goEmotions = goEmotions(row -> true);
    List<String> withWords =
        goEmotions.stream().filter(t -> DEATH_OR_VIOLENCE.matcher(t).find()).toList();
    Map<String, List<String>> sets = new LinkedHashMap<>();
    sets.put("XSTest safe prompts", safe);
    sets.put("GoEmotions dev, every row", goEmotions);
    sets.put("GoEmotions dev rows with death or violence words", withWords);
    sets.put("Held-out hard negatives (config/understanding/not-crisis)", heldOut("not-crisis"));
    sets.put("Held-out moods (config/understanding/mood)", heldOut("mood"));
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, List<String>> set : sets.entrySet()) {
      rows.add(Tally.of(patterns, set.getValue()).row(set.getKey(), "patterns"));
      rows.add(Tally.of(withModel, set.getValue()).row(set.getKey(), "patterns + model"));
    }
    List<String> flagged =
        safe.stream().filter(t -> withModel.explain(t).crisis() != Sense.Crisis.NO).toList();
    report.section(
        "False alarms",
        "| Set | Reader | Messages | Crisis reply | Asked | Either |",
        "|---|---|---|---|---|---|",
        String.join("\n", rows),
        "",
        "XSTest safe prompts flagged with the model: " + String.join(" / ", flagged));
    // Measured on 2026-12-07: 0 of 250, and 42 of 5,426 (0.8 %). Guards, not issue 13's aims.
    assertThat(Tally.of(withModel, safe).either())
        .as("XSTest safe prompts answered or asked")
        .isLessThanOrEqualTo(safe.size() / 50);
    Tally everyday = Tally.of(withModel, goEmotions);
    assertThat((double) everyday.either() / everyday.total())
        .as("everyday comments answered or asked")
        .isLessThan(0.015);
  }

  @Test
  void theModelNeverReadsMoreMoodsTheWrongWayRound() throws IOException {
    List<String> rows = new ArrayList<>();
    Map<TextReader, Integer> wrongWay = new LinkedHashMap<>();
    for (TextReader reader : List.of(patterns, withModel)) {
      int right = 0;
      int wrong = 0;
      int asked = 0;
      int crisis = 0;
      for (String line : goEmotionsLabelled()) {
        String[] parts = line.split("\t", 2);
        Reading expected = parts[0].equals("fine") ? Reading.FINE : Reading.ROUGH;
        Reading read = reader.understand(parts[1]);
        if (read == Reading.FINE || read == Reading.ROUGH) {
          if (read == expected) {
            right++;
          } else {
            wrong++;
          }
        } else if (read == Reading.UNCLEAR) {
          asked++;
        } else if (read == Reading.CRISIS || read == Reading.MAYBE_CRISIS) {
          crisis++;
        }
      }
      int read = right + wrong + asked;
      wrongWay.put(reader, wrong);
      rows.add(
          "| %s | %d | %d (%s) | %d (%s) | %d (%s) | %d |"
              .formatted(
                  reader == patterns ? "patterns" : "patterns + model",
                  read,
                  right,
                  QualityReport.percent(right, read),
                  wrong,
                  QualityReport.percent(wrong, read),
                  asked,
                  QualityReport.percent(asked, read),
                  crisis));
    }
    report.section(
        "Mood on first-person GoEmotions rows labelled fine or rough",
        "| Reader | Rows | Right | Wrong way round | Asked | Crisis reply or question |",
        "|---|---|---|---|---|---|",
        String.join("\n", rows));
    // Issue 13: fewer questions, never more wrong. Measured on 2026-12-07: 51 and 51.
    assertThat(wrongWay.get(withModel)).isLessThanOrEqualTo(wrongWay.get(patterns));
  }

  private static List<String> heldOut(String group) {
    ConfigLoader loader = new ConfigLoader(Path.of("config"));
    Examples examples = loader.examples();
    List<Examples.Kind> kinds =
        switch (group) {
          case "crisis" -> examples.crisis();
          case "not-crisis" -> examples.notCrisis();
          default -> {
            List<Examples.Kind> moods = new ArrayList<>(examples.moodFine());
            moods.addAll(examples.moodRough());
            yield moods;
          }
        };
    return kinds.stream().flatMap(kind -> kind.heldOut().stream()).toList();
  }

  private static List<String> goEmotions(java.util.function.Predicate<String[]> which)
      throws IOException {
    List<String> lines =
        Files.readAllLines(
            Corpus.path("datasets/goemotions/dev_checkin_mapped.tsv"), StandardCharsets.UTF_8);
    int text = List.of(lines.get(0).split("\t", -1)).indexOf("text");
    List<String> texts = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split("\t", -1);
      if (which.test(row)) texts.add(row[text]);
    }
    return texts;
  }

  /** "label\ttext" for the first-person rows labelled fine or rough. */
  private static List<String> goEmotionsLabelled() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Corpus.path("datasets/goemotions/dev_checkin_mapped.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int text = header.indexOf("text");
    int label = header.indexOf("checkin_label");
    int firstPerson = header.indexOf("first_person");
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split("\t", -1);
      if (row[firstPerson].equals("1")
          && (row[label].equals("fine") || row[label].equals("rough"))) {
        out.add(row[label] + "\t" + row[text]);
      }
    }
    return out;
  }
}
