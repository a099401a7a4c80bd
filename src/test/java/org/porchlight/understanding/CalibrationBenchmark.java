package org.porchlight.understanding;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.porchlight.config.ConfigLoader;
import org.porchlight.core.reading.Examples;
import org.porchlight.core.reading.Reading;
import org.porchlight.core.reading.Sense;
import org.porchlight.core.reading.Thresholds;

/**
 * How the thresholds in {@code config/understanding/thresholds.yaml} are chosen, and how well the
 * classifier does. Not a test: {@code ./mvnw -Pbench verify -Dit.test=CalibrationBenchmark} (or
 * {@code ./mvnw test -Dtest=CalibrationBenchmark}) prints the figures and writes them to {@code
 * target/understanding/calibration.txt}.
 *
 * <ol>
 *   <li>Cross-validation on the training examples alone: each kind's examples are dealt into five
 *       folds; each fold is scored by a classifier trained on the other four. The penalty with the
 *       lowest log-loss is taken, and the thresholds are read off the out-of-fold scores.
 *   <li>The held-out examples, never trained on, are then read by a classifier trained on all the
 *       training examples, with the thresholds of the shipped file: the figures to report.
 * </ol>
 */
class CalibrationBenchmark {
  private static final int FOLDS = 5;
  private static final double[] PENALTIES = {1, 3, 10, 30, 100, 300};
  // What the thresholds aim for on the out-of-fold scores: issue 13's aims. Asking catches 90 %
  // of the crisis examples; the crisis reply goes to at most 2 % of the hard negatives; at most
  // 2 % of the moods given are the wrong way round.
  private static final double CRISIS_CAUGHT = 0.90;
  private static final double HARD_NEGATIVES_ANSWERED_YES = 0.02;
  private static final double MOOD_WRONG_WAY = 0.02;

  private record Row(String kind, SenseClassifier.Group group, float[] embedding, int fold) {
    SenseClassifier.Labelled labelled() {
      return new SenseClassifier.Labelled(kind, group, embedding);
    }
  }

  private record Scored(Row row, SenseClassifier.Scores scores) {}

  private final StringBuilder out = new StringBuilder();

  @Test
  void chooseTheThresholdsAndMeasure() throws Exception {
    ConfigLoader config = new ConfigLoader(Path.of("config"));
    Examples examples = config.examples();
    Thresholds shipped = config.thresholds();
    OnnxEmbedder embedder;
    try (InputStream tokenizer = getClass().getResourceAsStream(SentenceMeaning.TOKENIZER);
        InputStream model = getClass().getResourceAsStream(SentenceMeaning.MODEL)) {
      embedder =
          OnnxEmbedder.load(model.readAllBytes(), WordPieceTokenizer.fromTokenizerJson(tokenizer));
    }
    List<Row> training = rows(embedder, examples, false);
    List<Row> heldOut = rows(embedder, examples, true);
    print("training examples %d, held out %d", training.size(), heldOut.size());

    double bestPenalty = 0;
    double bestLoss = Double.MAX_VALUE;
    for (double penalty : PENALTIES) {
      List<Scored> scored = crossValidate(training, penalty);
      double loss = logLoss(scored);
      print("penalty %6.1f  out-of-fold crisis log-loss %.4f", penalty, loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestPenalty = penalty;
      }
    }
    print(
        "penalty chosen: %.1f (the code's SenseClassifier.PENALTY is %.1f)",
        bestPenalty, SenseClassifier.PENALTY);

    List<Scored> oof = crossValidate(training, SenseClassifier.PENALTY);
    double ask = largestCatching(oof, CRISIS_CAUGHT);
    double yes = smallestWithFewNegatives(oof, HARD_NEGATIVES_ANSWERED_YES);
    double sure = moodThreshold(oof, MOOD_WRONG_WAY);
    print(
        "suggested thresholds: crisis.reply %.2f, crisis.ask %.2f, mood.sure %.2f", yes, ask, sure);
    print(
        "shipped thresholds:   crisis.reply %s, crisis.ask %s, mood.sure %.2f",
        shipped.reply(), shipped.ask(), shipped.moodSure());

    print("%n== cross-validated, training examples, shipped thresholds ==");
    figures(oof, shipped);
    print("%n== held out (trained on all training examples), shipped thresholds ==");
    SenseClassifier all = SenseClassifier.train(training.stream().map(Row::labelled).toList());
    List<Scored> held =
        heldOut.stream().map(r -> new Scored(r, all.scores(r.embedding()))).toList();
    figures(held, shipped);
    perKind(held, shipped);

    Path file = Path.of("target", "understanding", "calibration.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out);
    System.out.print(out);
    embedder.close();
  }

  private static List<Row> rows(OnnxEmbedder embedder, Examples examples, boolean heldOut)
      throws Exception {
    List<Row> rows = new ArrayList<>();
    Random random = new Random(13);
    add(rows, embedder, examples.crisis(), SenseClassifier.Group.CRISIS, heldOut, random);
    add(rows, embedder, examples.notCrisis(), SenseClassifier.Group.NOT_CRISIS, heldOut, random);
    add(rows, embedder, examples.moodFine(), SenseClassifier.Group.FINE, heldOut, random);
    add(rows, embedder, examples.moodRough(), SenseClassifier.Group.ROUGH, heldOut, random);
    return rows;
  }

  private static void add(
      List<Row> rows,
      OnnxEmbedder embedder,
      List<Examples.Kind> kinds,
      SenseClassifier.Group group,
      boolean heldOut,
      Random random)
      throws Exception {
    for (Examples.Kind kind : kinds) {
      List<String> texts = new ArrayList<>(heldOut ? kind.heldOut() : kind.examples());
      Collections.shuffle(texts, random);
      for (int i = 0; i < texts.size(); i++) {
        rows.add(new Row(kind.id(), group, embedder.embed(texts.get(i)), i % FOLDS));
      }
    }
  }

  private static List<Scored> crossValidate(List<Row> rows, double penalty) {
    List<Scored> scored = new ArrayList<>();
    for (int fold = 0; fold < FOLDS; fold++) {
      int f = fold;
      SenseClassifier classifier =
          SenseClassifier.train(
              rows.stream().filter(r -> r.fold() != f).map(Row::labelled).toList(), penalty);
      rows.stream()
          .filter(r -> r.fold() == f)
          .forEach(r -> scored.add(new Scored(r, classifier.scores(r.embedding()))));
    }
    return scored;
  }

  private static boolean crisis(Scored s) {
    return s.row().group() == SenseClassifier.Group.CRISIS;
  }

  private static double logLoss(List<Scored> scored) {
    double sum = 0;
    for (Scored s : scored) {
      double p = Math.min(Math.max(s.scores().crisis(), 1e-7), 1 - 1e-7);
      sum -= crisis(s) ? Math.log(p) : Math.log(1 - p);
    }
    return sum / scored.size();
  }

  /** The largest threshold at which {@code share} of the crisis examples score at or above. */
  private static double largestCatching(List<Scored> scored, double share) {
    List<Double> crisis =
        scored.stream()
            .filter(CalibrationBenchmark::crisis)
            .map(s -> s.scores().crisis())
            .sorted()
            .toList();
    int missedAtMost = (int) Math.floor((1 - share) * crisis.size());
    return Math.floor(crisis.get(missedAtMost) * 100) / 100;
  }

  /** The smallest threshold that at most {@code share} of the hard negatives reach. */
  private static double smallestWithFewNegatives(List<Scored> scored, double share) {
    List<Double> others =
        scored.stream()
            .filter(s -> s.row().group() == SenseClassifier.Group.NOT_CRISIS)
            .map(s -> s.scores().crisis())
            .sorted()
            .toList();
    int above = (int) Math.floor(share * others.size());
    return Math.ceil(others.get(others.size() - 1 - above) * 100) / 100 + 0.01;
  }

  private static double moodThreshold(List<Scored> scored, double share) {
    for (double sure = 0.5; sure < 0.99; sure += 0.01) {
      Thresholds t =
          new Thresholds(new Thresholds.Band(0.9, -1, 0), new Thresholds.Band(0.5, -1, 0), sure);
      long given = 0;
      long wrong = 0;
      for (Scored s : scored) {
        Optional<Reading> mood = SenseClassifier.sense(s.scores(), t).mood();
        if (!isMood(s) || mood.isEmpty()) continue;
        given++;
        if (wrongWay(s, mood.get())) wrong++;
      }
      if (wrong <= share * given) return Math.round(sure * 100) / 100.0;
    }
    return 0.99;
  }

  private static boolean isMood(Scored s) {
    return s.row().group() == SenseClassifier.Group.FINE
        || s.row().group() == SenseClassifier.Group.ROUGH;
  }

  private static boolean wrongWay(Scored s, Reading mood) {
    return (s.row().group() == SenseClassifier.Group.FINE) != (mood == Reading.FINE);
  }

  private void figures(List<Scored> scored, Thresholds thresholds) {
    count(
        "crisis examples: crisis reply (YES)",
        scored,
        CalibrationBenchmark::crisis,
        thresholds,
        Sense.Crisis.YES);
    count(
        "crisis examples: reply or asked", scored, CalibrationBenchmark::crisis, thresholds, null);
    Predicate<Scored> hard = s -> s.row().group() == SenseClassifier.Group.NOT_CRISIS;
    count("hard negatives: crisis reply (YES)", scored, hard, thresholds, Sense.Crisis.YES);
    count("hard negatives: reply or asked", scored, hard, thresholds, null);
    count("mood examples: reply or asked", scored, CalibrationBenchmark::isMood, thresholds, null);
    long given = 0;
    long wrong = 0;
    long moods = 0;
    for (Scored s : scored) {
      if (!isMood(s)) continue;
      moods++;
      Optional<Reading> mood = SenseClassifier.sense(s.scores(), thresholds).mood();
      if (mood.isEmpty()) continue;
      given++;
      if (wrongWay(s, mood.get())) wrong++;
    }
    print(
        "mood given %d of %d (%.1f %%), wrong way round %d (%.1f %% of all mood examples)",
        given,
        moods,
        100.0 * given / Math.max(moods, 1),
        wrong,
        100.0 * wrong / Math.max(moods, 1));
  }

  private void count(
      String what, List<Scored> scored, Predicate<Scored> which, Thresholds t, Sense.Crisis only) {
    long all = 0;
    long hit = 0;
    for (Scored s : scored) {
      if (!which.test(s)) continue;
      all++;
      Sense.Crisis c = SenseClassifier.sense(s.scores(), t).crisis();
      if (only == null ? c != Sense.Crisis.NO : c == only) hit++;
    }
    print("%-40s %4d of %4d  %5.1f %%", what, hit, all, 100.0 * hit / Math.max(all, 1));
  }

  private void perKind(List<Scored> scored, Thresholds t) {
    print("%nper kind, held out: YES / ASK / NO");
    scored.stream()
        .map(s -> s.row().kind())
        .distinct()
        .forEach(
            kind -> {
              int[] n = new int[3];
              for (Scored s : scored) {
                if (s.row().kind().equals(kind))
                  n[SenseClassifier.sense(s.scores(), t).crisis().ordinal()]++;
              }
              print("  %-28s %3d / %3d / %3d", kind, n[0], n[1], n[2]);
            });
  }

  private void print(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
