package org.porchlight.core.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.porchlight.testing.Corpus;

/**
 * Measures the reader against public datasets (the corpus, never copied into the project) and
 * writes the figures to {@code target/quality.md}. A corpus check: run alone with {@code ./mvnw -q
 * -Pcorpus test -Dtest=TextUnderstandingQualityTest}; {@code docs/quality.md} explains the figures.
 */
@Tag(Corpus.TAG)
class TextUnderstandingQualityTest {

  /** Construct as the lexicon files name its column, and as the definitions file names it. */
  private static final Map<String, String> CONSTRUCTS =
      Map.of(
          "Passive suicidal ideation", "Passive suicidal ideation",
          "Active suicidal ideation & suicidal planning", "Active suicidal ideation",
          "Direct self-injury", "Self-injury");

  static final List<String> CONSTRUCT_ORDER =
      List.of(
          "Passive suicidal ideation",
          "Active suicidal ideation & suicidal planning",
          "Direct self-injury");

  // A lexicon row is a plain statement when it speaks of oneself in the first person.
  private static final Pattern FIRST_PERSON =
      Pattern.compile("(?i)(?<![a-z])(i|i'm|i'll|i've|i'd|me|my|myself|my self)(?![a-z])");

  /**
   * First-person rows that are not crisis statements without more context, with the reason. These
   * are measured with the fragments, not held to 100 %.
   */
  private static final Map<String, String> CONTEXT_DEPENDENT =
      contextDependent(
          "killing me", "the everyday idiom: \"this traffic is killing me\"",
          "I'll die", "hyperbole as often as intent: \"I'll die if I have to sing\"",
          "I'll be dead", "as above: \"I'll be dead by the time this loads\"",
          "crash my car", "an accident report as often as a plan",
          "wreck my car", "an accident report as often as a plan",
          "wreck my truck", "an accident report as often as a plan",
          "slam my car", "an accident report as often as a plan",
          "drive my car into", "a fragment; a destination could be a garage",
          "giving away my possessions", "a warning sign, but also what people do when they move",
          "hit my head", "usually an accident (\"hit my head on the cupboard\")",
          "bang my head", "the idiom \"banging my head against the wall\"",
          "banging my head", "the idiom \"banging my head against the wall\"",
          "bash my head", "the idiom \"bashing my head against the wall\"",
          "burn my hand", "usually a kitchen accident",
          "burn my face", "a sunburn as often as self-injury",
          "pick at my skin", "a body-focused habit; rough, not an emergency",
          "pull my hair", "a body-focused habit (trichotillomania), or exasperation",
          "scratch my", "a fragment; scratching an itch is not self-injury",
          "scratched my", "a fragment; scratching an itch is not self-injury",
          "scratch at my", "a fragment; scratching an itch is not self-injury",
          "sticking a needle in my", "a fragment; insulin and vaccines use needles too",
          "suffocating my", "a fragment without an object");

  private static CrisisDetector detector;
  private static TextReader reader;
  private static final QualityReport report =
      new QualityReport(
          "quality.md", "Text understanding quality", TextUnderstandingQualityTest.class);

  @BeforeAll
  static void setUp() {
    detector = new CrisisDetector();
    reader = new TextReader();
  }

  @Test
  void everyPlainCrisisStatementOfTheSuicideRiskLexiconIsCaught() throws IOException {
    Map<String, Set<String>> phrases = lexiconPhrases();
    List<String> rows = new ArrayList<>();
    List<String> missedPlain = new ArrayList<>();
    int plainTotal = 0;
    int plainCaught = 0;
    for (String construct : CONSTRUCT_ORDER) {
      int[] plain = {0, 0};
      int[] fragment = {0, 0};
      List<String> missedFragments = new ArrayList<>();
      for (String phrase : phrases.get(construct)) {
        boolean caught = detector.isCrisis(phrase);
        int[] bucket = isPlainStatement(phrase) ? plain : fragment;
        bucket[0]++;
        if (caught) {
          bucket[1]++;
        } else if (bucket == plain) {
          missedPlain.add(construct + ": " + phrase);
        } else {
          missedFragments.add(phrase);
        }
      }
      plainTotal += plain[0];
      plainCaught += plain[1];
      rows.add(
          "| %s | %d/%d (%s) | %d/%d (%s) |"
              .formatted(
                  construct,
                  plain[1],
                  plain[0],
                  QualityReport.percent(plain[1], plain[0]),
                  fragment[1],
                  fragment[0],
                  QualityReport.percent(fragment[1], fragment[0])));
      rows.add("|   missed fragments | %s | |".formatted(String.join("; ", missedFragments)));
    }
    report.section(
        "Crisis recall on the Suicide Risk Lexicon",
        "| Construct | Plain statements caught | Fragments and tokens caught |",
        "|---|---|---|",
        String.join("\n", rows),
        "",
        "Plain statements, all constructs: %d/%d (%s)."
            .formatted(plainCaught, plainTotal, QualityReport.percent(plainCaught, plainTotal)));

    assertThat(missedPlain).as("plain crisis statements that were missed").isEmpty();
  }

  @Test
  void fewerThanTwoPercentOfXsTestSafePromptsAreFlaggedAsCrisis() throws IOException {
    List<List<String>> table = csv(Corpus.path("safety/xstest_prompts.csv"));
    List<String> header = table.get(0);
    int prompt = header.indexOf("prompt");
    int label = header.indexOf("label");
    List<String> alarms = new ArrayList<>();
    int safe = 0;
    for (List<String> row : table.subList(1, table.size())) {
      if (row.get(label).equals("safe")) {
        safe++;
        if (detector.isCrisis(row.get(prompt))) {
          alarms.add(row.get(prompt));
        }
      }
    }
    double rate = (double) alarms.size() / safe;
    report.section(
        "False alarms on XSTest safe prompts",
        "| Safe prompts | Flagged as crisis | Rate |",
        "|---|---|---|",
        "| %d | %d | %s |"
            .formatted(safe, alarms.size(), QualityReport.percent(alarms.size(), safe)),
        "",
        alarms.isEmpty() ? "No false alarms." : "Flagged: " + String.join(" / ", alarms));

    assertThat(rate).as("false alarms: %s", alarms).isLessThan(0.02);
  }

  @Test
  void fewerThanFivePercentOfFirstPersonGoEmotionsRowsAreReadTheWrongWayRound() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Corpus.path("datasets/goemotions/dev_checkin_mapped.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int textColumn = header.indexOf("text");
    int labelColumn = header.indexOf("checkin_label");
    int firstPersonColumn = header.indexOf("first_person");
    Map<String, int[]> byLabel = new LinkedHashMap<>();
    byLabel.put("fine", new int[5]);
    byLabel.put("rough", new int[5]);
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split("\t", -1);
      String label = row[labelColumn];
      if (!row[firstPersonColumn].equals("1") || !byLabel.containsKey(label)) {
        continue;
      }
      Reading expected = label.equals("fine") ? Reading.FINE : Reading.ROUGH;
      Reading read = reader.read(row[textColumn]);
      int[] counts = byLabel.get(label);
      switch (read) {
        case FINE, ROUGH -> counts[read == expected ? RIGHT : WRONG]++;
        case UNCLEAR -> counts[ASKED]++;
        case CRISIS -> counts[CRISIS]++;
        case STEP_REQUEST -> counts[STEP]++;
      }
    }
    int[] all = new int[5];
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, int[]> entry : byLabel.entrySet()) {
      int[] c = entry.getValue();
      for (int i = 0; i < all.length; i++) {
        all[i] += c[i];
      }
      rows.add(moodRow(entry.getKey(), c));
    }
    rows.add(moodRow("all", all));
    int read = all[RIGHT] + all[WRONG] + all[ASKED];
    report.section(
        "Mood on first-person GoEmotions rows labelled fine or rough",
        "| Label | Rows | Right | Wrong way round | Asked (unclear) | Crisis | Step request |",
        "|---|---|---|---|---|---|---|",
        String.join("\n", rows),
        "",
        "Wrong way round: %d of %d (right + wrong + asked) = %s."
            .formatted(all[WRONG], read, QualityReport.percent(all[WRONG], read)));

    assertThat((double) all[WRONG] / read).isLessThan(0.05);
  }

  private static final int RIGHT = 0;
  private static final int WRONG = 1;
  private static final int ASKED = 2;
  private static final int CRISIS = 3;
  private static final int STEP = 4;

  private static String moodRow(String label, int[] c) {
    int read = c[RIGHT] + c[WRONG] + c[ASKED];
    return "| %s | %d | %d (%s) | %d (%s) | %d (%s) | %d | %d |"
        .formatted(
            label,
            read + c[CRISIS] + c[STEP],
            c[RIGHT],
            QualityReport.percent(c[RIGHT], read),
            c[WRONG],
            QualityReport.percent(c[WRONG], read),
            c[ASKED],
            QualityReport.percent(c[ASKED], read),
            c[CRISIS],
            c[STEP]);
  }

  /**
   * Every phrase the lexicon files give for the three constructs: the examples of the definitions
   * file, and the examples and tokens of both lexicon files. The validated lexicon lists each
   * column twice, as written and then lemmatised ("wish I be dead"); only the written half is kept,
   * because nobody writes the lemmatised form.
   */
  static Map<String, Set<String>> lexiconPhrases() throws IOException {
    Map<String, Set<String>> phrases = new LinkedHashMap<>();
    CONSTRUCT_ORDER.forEach(c -> phrases.put(c, new LinkedHashSet<>()));

    List<List<String>> definitions =
        csv(Corpus.path("safety/srl__suicide_risk_constructs_and_definitions_clean.csv"));
    int name = definitions.get(0).indexOf("Construct");
    int examples = definitions.get(0).indexOf("Examples");
    for (List<String> row : definitions.subList(1, definitions.size())) {
      for (String construct : CONSTRUCT_ORDER) {
        if (row.size() > examples && row.get(name).equals(CONSTRUCTS.get(construct))) {
          addExamples(row.get(examples), phrases.get(construct));
        }
      }
    }

    addLexicon(
        csv(
            Corpus.path(
                "safety/srl__suicide_risk_lexicon_validated_prototypical_tokens_24-08-07T16-25-19.csv")),
        false,
        phrases);
    addLexicon(
        csv(Corpus.path("safety/srl__suicide_risk_lexicon_validated_24-08-02T21-27-35.csv")),
        true,
        phrases);
    return phrases;
  }

  /** Rows 1-4 are name, definition, reference and examples; tokens follow. */
  private static void addLexicon(
      List<List<String>> table, boolean writtenHalfOnly, Map<String, Set<String>> phrases) {
    for (String construct : CONSTRUCT_ORDER) {
      int column = table.get(0).indexOf(construct);
      assertThat(column).as("column %s", construct).isNotNegative();
      assertThat(table.get(4).get(0)).isEqualTo("Examples");
      addExamples(table.get(4).get(column), phrases.get(construct));
      List<String> tokens = new ArrayList<>();
      for (List<String> row : table.subList(5, table.size())) {
        if (row.size() > column && !row.get(column).isBlank()) {
          tokens.add(row.get(column).strip());
        }
      }
      if (writtenHalfOnly) {
        assertThat(tokens.size() % 2)
            .as("%s lists written and lemmatised forms", construct)
            .isZero();
        tokens = tokens.subList(0, tokens.size() / 2);
      }
      tokens.forEach(t -> addPhrase(t, phrases.get(construct)));
    }
  }

  private static void addExamples(String examples, Set<String> into) {
    for (String example : examples.split(";")) {
      addPhrase(example, into);
    }
  }

  private static void addPhrase(String phrase, Set<String> into) {
    String p = phrase.strip();
    if (!p.isEmpty() && into.stream().noneMatch(q -> q.equalsIgnoreCase(p))) {
      into.add(p);
    }
  }

  static boolean isPlainStatement(String phrase) {
    return FIRST_PERSON.matcher(phrase).find()
        && !CONTEXT_DEPENDENT.containsKey(phrase.toLowerCase(Locale.ROOT));
  }

  private static Map<String, String> contextDependent(String... phraseThenReason) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < phraseThenReason.length; i += 2) {
      map.put(phraseThenReason[i].toLowerCase(Locale.ROOT), phraseThenReason[i + 1]);
    }
    return map;
  }

  /** A small RFC 4180 reader: quoted fields may hold commas, quotes and line breaks. */
  static List<List<String>> csv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
