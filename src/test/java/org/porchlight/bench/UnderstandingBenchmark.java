package org.porchlight.bench;

import static org.porchlight.bench.Report.below;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.porchlight.config.ConfigLoader;
import org.porchlight.core.reading.Examples;
import org.porchlight.understanding.SentenceMeaning;

/**
 * The sentence model's costs: how long it takes to load and learn the examples in the background,
 * and how long one free-text message takes to read, p50 and p99, on one thread and with both cores
 * busy. The messages are the examples' held-out ones and a few long ones. Not a test: {@code ./mvnw
 * -Pbench verify -Dit.test=UnderstandingBenchmark} prints a table and writes {@code
 * target/understanding/bench.json}.
 */
class UnderstandingBenchmark {
  private static final int WARM_UP_ROUNDS = 3;
  private static final int ROUNDS = 10;

  @Test
  void readingAMessage() throws Exception {
    ConfigLoader config = new ConfigLoader(Path.of("config"));
    Examples examples = config.examples();
    Report report = new Report();

    long began = System.nanoTime();
    SentenceMeaning meaning = new SentenceMeaning(examples, config.thresholds()).start();
    if (!meaning.awaitReady(Duration.ofMinutes(2))) throw new IllegalStateException("no model");
    report.put("understanding.loadSeconds", round((System.nanoTime() - began) / 1e9, 2));
    report.put(
        "understanding.examplesLearnt",
        examples.all().stream().mapToInt(kind -> kind.examples().size()).sum());

    List<String> messages = messages(examples);
    for (int i = 0; i < WARM_UP_ROUNDS; i++) messages.forEach(meaning::sense);
    List<Double> millis = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (String message : messages) {
        long start = System.nanoTime();
        meaning.sense(message);
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    report.put("understanding.messages", millis.size());
    report.put("understanding.p50Ms", round(percentile(millis, 0.50), 2));
    report.put("understanding.p99Ms", round(percentile(millis, 0.99), 2), below(20));
    report.put("understanding.maxMs", round(percentile(millis, 1.0), 2));

    // Both cores reading at once, as when many members write together.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      long start = System.nanoTime();
      List<Future<?>> both = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        both.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 3; round++) messages.forEach(meaning::sense);
                }));
      }
      for (Future<?> f : both) f.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      report.put(
          "understanding.perSecondTwoThreads", round(2.0 * 3 * messages.size() / seconds, 0));
    } finally {
      pool.shutdownNow();
    }

    Path results = Path.of("target", "understanding", "bench.json");
    report.write(results, LocalDate.now(ZoneOffset.UTC), Machine.describe());
    System.out.println("Sentence model (" + Machine.describe() + ")");
    System.out.print(report.table());
    System.out.println("Written to " + results);
  }

  private static List<String> messages(Examples examples) {
    List<String> messages = new ArrayList<>();
    examples.all().forEach(kind -> messages.addAll(kind.heldOut()));
    // A few long ones: the model reads at most 256 tokens, and time grows with them.
    String day =
        "Today started badly, the bus was late and I missed the meeting, then my manager asked"
            + " for the report again and I had nothing to show. ";
    Stream.of(2, 5, 12).forEach(n -> messages.add(day.repeat(n)));
    return messages;
  }

  private static double percentile(List<Double> values, double fraction) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(fraction * sorted.size())));
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
