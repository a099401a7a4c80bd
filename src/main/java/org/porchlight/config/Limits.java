package org.porchlight.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The range of every number in the settings. A value outside it stops the start and is named, never
 * quietly replaced by the default: "0 senders" is a mistake to show, not a wish to guess. Only a
 * key that is left out takes its default.
 */
final class Limits {
  /** One number's range, both ends included, and its default, given as the example. */
  record Range(String key, double least, double most, String fallback, boolean whole) {
    /** Why {@code value} is not allowed, or empty when it is. */
    Optional<String> problemWith(double value) {
      if (whole && value != Math.rint(value)) {
        return Optional.of(number(value) + " is not a whole number, like " + fallback);
      }
      if (value >= least && value <= most) return Optional.empty();
      return Optional.of(
          number(value)
              + " is out of range: it must be "
              + (whole ? "a whole number " : "")
              + "from "
              + number(least)
              + " to "
              + number(most)
              + ", like "
              + fallback
              + " (the default, when the key is left out)");
    }

    private static String number(double value) {
      return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
  }

  static final List<Range> RANGES =
      List.of(
          whole("store.poolSize", 1, 1_000, "10"),
          whole("telegram.workers", 1, 1_000, "8"),
          decimal("telegram.messagesPerSecond", 0.01, 10_000, "30"),
          decimal("telegram.messagesPerSecondPerChat", 0.01, 100, "1"),
          decimal("discord.messagesPerSecond", 0.01, 1_000, "20"),
          whole("outreach.roughDaysInARow", 1, 365, "3"),
          whole("outreach.silentDays", 1, 365, "7"),
          whole("schedule.sweepSeconds", 1, 3_600, "5"),
          whole("schedule.batchSize", 1, 100_000, "500"),
          whole("schedule.senders", 1, 1_000, "8"),
          whole("server.port", 1, 65_535, "8080"),
          whole("shutdown.deadlineSeconds", 1, 3_600, "20"),
          whole("crisis.repeatWindowMinutes", 1, 1_440, "30"));

  private Limits() {}

  /** The range of {@code key}, such as {@code schedule.batchSize}. */
  static Range of(String key) {
    return RANGES.stream()
        .filter(range -> range.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no range for " + key));
  }

  /** The first number in a settings file's tree that is out of its range: its key and why. */
  static Optional<Problem> firstProblem(JsonNode settings) {
    for (Range range : RANGES) {
      JsonNode value = settings.at("/" + range.key().replace('.', '/'));
      // Left out, or not a number: the first takes the default, the second is named by the
      // binding, which knows the type it wanted.
      if (!value.isNumber()) continue;
      Optional<String> problem = range.problemWith(value.asDouble());
      if (problem.isPresent()) return Optional.of(new Problem(range.key(), problem.get()));
    }
    return Optional.empty();
  }

  record Problem(String key, String message) {}

  private static Range whole(String key, double least, double most, String fallback) {
    return new Range(key, least, most, fallback, true);
  }

  private static Range decimal(String key, double least, double most, String fallback) {
    return new Range(key, least, most, fallback, false);
  }
}
