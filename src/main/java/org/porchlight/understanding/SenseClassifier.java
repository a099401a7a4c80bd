package org.porchlight.understanding;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.porchlight.core.reading.Reading;
import org.porchlight.core.reading.Sense;
import org.porchlight.core.reading.Thresholds;

/**
 * Two logistic regressions over the embeddings of the examples: crisis kinds against everything
 * else (the hard negatives and the moods), and fine against rough. Every kind weighs the same
 * within its side, and both sides weigh the same, so a kind with many examples does not drown a
 * kind with few. The nearest example's kind is kept for {@code why}.
 */
final class SenseClassifier {
  /**
   * How hard the weights are pulled towards 0: the lowest out-of-fold log-loss among 1 to 300
   * (CalibrationBenchmark).
   */
  static final double PENALTY = 100;

  /** What an example is read as. */
  enum Group {
    CRISIS,
    NOT_CRISIS,
    FINE,
    ROUGH
  }

  /** One example's embedding, its kind and its group. */
  record Labelled(String kind, Group group, float[] embedding) {
    Labelled {
      requireNonNull(kind, "kind == null");
      requireNonNull(group, "group == null");
      requireNonNull(embedding, "embedding == null");
    }
  }

  /** The model's scores for one message, before the thresholds. */
  record Scores(
      double crisis,
      OptionalDouble fine,
      String nearest,
      double similarity,
      int crisisNeighbours) {}

  private final LogisticRegression crisis;
  private final Optional<LogisticRegression> fine;
  private final List<Labelled> examples;

  private SenseClassifier(
      LogisticRegression crisis, Optional<LogisticRegression> fine, List<Labelled> examples) {
    this.crisis = crisis;
    this.fine = fine;
    this.examples = examples;
  }

  static SenseClassifier train(List<Labelled> examples) {
    return train(examples, PENALTY);
  }

  static SenseClassifier train(List<Labelled> examples, double penalty) {
    List<Labelled> all = List.copyOf(examples);
    if (all.stream().noneMatch(e -> e.group() == Group.CRISIS)
        || all.stream().allMatch(e -> e.group() == Group.CRISIS)) {
      throw new IllegalArgumentException("crisis and other examples are both needed");
    }
    LogisticRegression crisis = fit(all, e -> e.group() == Group.CRISIS, penalty);
    List<Labelled> moods =
        all.stream().filter(e -> e.group() == Group.FINE || e.group() == Group.ROUGH).toList();
    Optional<LogisticRegression> fine =
        moods.stream().anyMatch(e -> e.group() == Group.FINE)
                && moods.stream().anyMatch(e -> e.group() == Group.ROUGH)
            ? Optional.of(fit(moods, e -> e.group() == Group.FINE, penalty))
            : Optional.empty();
    return new SenseClassifier(crisis, fine, all);
  }

  private interface Side {
    boolean positive(Labelled example);
  }

  /** Each kind weighs the same within its side, both sides the same, in all as many as the rows. */
  private static LogisticRegression fit(List<Labelled> rows, Side side, double penalty) {
    Map<String, Integer> perKind = new HashMap<>();
    Map<Boolean, Integer> kindsPerSide = new HashMap<>();
    for (Labelled row : rows) {
      if (perKind.merge(row.kind(), 1, Integer::sum) == 1) {
        kindsPerSide.merge(side.positive(row), 1, Integer::sum);
      }
    }
    float[][] x = new float[rows.size()][];
    double[] y = new double[rows.size()];
    double[] weight = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Labelled row = rows.get(i);
      boolean positive = side.positive(row);
      x[i] = row.embedding();
      y[i] = positive ? 1 : 0;
      weight[i] = rows.size() / 2.0 / kindsPerSide.get(positive) / perKind.get(row.kind());
    }
    return LogisticRegression.fit(x, y, weight, penalty);
  }

  Scores scores(float[] embedding) {
    // The nearest few, kept in order as the examples go by: no sort of them all per message.
    int near = Math.min(Thresholds.NEIGHBOURS, examples.size());
    int[] nearestIndex = new int[near];
    double[] nearestSimilarity = new double[near];
    Arrays.fill(nearestSimilarity, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < examples.size(); i++) {
      double similarity = 0;
      float[] other = examples.get(i).embedding();
      for (int d = 0; d < other.length; d++) similarity += other[d] * embedding[d];
      int at = near;
      while (at > 0 && similarity > nearestSimilarity[at - 1]) at--;
      if (at == near) continue;
      System.arraycopy(nearestSimilarity, at, nearestSimilarity, at + 1, near - at - 1);
      System.arraycopy(nearestIndex, at, nearestIndex, at + 1, near - at - 1);
      nearestSimilarity[at] = similarity;
      nearestIndex[at] = i;
    }
    int crisisNear = 0;
    for (int i : nearestIndex) {
      if (examples.get(i).group() == Group.CRISIS) crisisNear++;
    }
    int best = nearestIndex[0];
    String nearest = examples.get(best).kind();
    OptionalDouble fineScore =
        fine.isPresent()
            ? OptionalDouble.of(fine.get().probability(embedding))
            : OptionalDouble.empty();
    return new Scores(
        crisis.probability(embedding), fineScore, nearest, nearestSimilarity[0], crisisNear);
  }

  static Sense sense(Scores scores, Thresholds thresholds) {
    Sense.Crisis crisis = Sense.Crisis.NO;
    if (thresholds.reply().holds(scores.crisis(), scores.similarity(), scores.crisisNeighbours())) {
      crisis = Sense.Crisis.YES;
    } else if (thresholds
        .ask()
        .holds(scores.crisis(), scores.similarity(), scores.crisisNeighbours())) {
      crisis = Sense.Crisis.ASK;
    }
    Optional<Reading> mood = Optional.empty();
    List<String> why = new ArrayList<>();
    why.add(String.format(Locale.ROOT, "crisis %.2f", scores.crisis()));
    why.add("nearest " + scores.nearest());
    why.add(String.format(Locale.ROOT, "similarity %.2f", scores.similarity()));
    why.add("crisis neighbours " + scores.crisisNeighbours() + "/" + Thresholds.NEIGHBOURS);
    if (scores.fine().isPresent() && thresholds.readsMood()) {
      double fine = scores.fine().getAsDouble();
      if (fine >= thresholds.moodSure()) mood = Optional.of(Reading.FINE);
      if (1 - fine >= thresholds.moodSure()) mood = Optional.of(Reading.ROUGH);
      why.add(String.format(Locale.ROOT, "fine %.2f", fine));
    }
    return new Sense(crisis, mood, String.join(", ", why));
  }
}
