package org.porchlight.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The range of every number and duration in the settings. A value outside it stops the start and is
 * named, never quietly replaced by the default: "0 senders" is a mistake to show, not a wish to
 * guess. Only a key that is left out takes its default.
 */
final class Limits {
  enum Kind {
    WHOLE,
    DECIMAL,
    /** Written like 3h, 90m or 45s; its ends are in seconds. */
    DURATION
  }

  /** One key's range, both ends included. */
  record Range(String key, Kind kind, double least, double most) {
    /**
     * Why {@code value} is not allowed, or empty when it is; {@code example} is the default. A
     * value of the wrong type is left to the binding, which knows the type it wanted.
     */
    Optional<String> problemWith(JsonNode value, String example) {
      double number;
      String written;
      if (kind == Kind.DURATION) {
        if (!value.isTextual()) return Optional.empty();
        Optional<Duration> duration = Durations.parse(value.asText());
        if (duration.isEmpty()) return Optional.empty();
        number = duration.get().toSeconds();
        written = value.asText().strip();
      } else {
        if (!value.isNumber()) return Optional.empty();
        number = value.asDouble();
        written = number(number);
      }
      if (kind == Kind.WHOLE && number != Math.rint(number)) {
        return Optional.of(written + " is not a whole number, like " + example);
      }
      if (number >= least && number <= most) return Optional.empty();
      return Optional.of(
          written
              + " is out of range: it must be "
              + (kind == Kind.WHOLE ? "a whole number " : "")
              + "from "
              + written()
              + ", like "
              + example
              + " (the default, when the key is left out)");
    }

    /** The range as docs/configuration.md writes it: {@code 1 to 1000}, {@code 1s to 1h}. */
    String written() {
      return kind == Kind.DURATION
          ? Durations.write(Duration.ofSeconds((long) least))
              + " to "
              + Durations.write(Duration.ofSeconds((long) most))
          : number(least) + " to " + number(most);
    }

    private static String number(double value) {
      return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
  }

  static final List<Range> RANGES =
      List.of(
          new Range("store.poolSize", Kind.WHOLE, 1, 1_000),
          new Range("telegram.workers", Kind.WHOLE, 1, 1_000),
          new Range("telegram.messagesPerSecond", Kind.DECIMAL, 0.01, 10_000),
          new Range("telegram.messagesPerSecondPerChat", Kind.DECIMAL, 0.01, 100),
          new Range("discord.messagesPerSecond", Kind.DECIMAL, 0.01, 1_000),
          new Range("checkin.reminderAfter", Kind.DURATION, 60, 24 * 3_600),
          new Range("outreach.roughDaysInARow", Kind.WHOLE, 1, 365),
          new Range("outreach.silentDays", Kind.WHOLE, 1, 365),
          new Range("schedule.sweepEvery", Kind.DURATION, 1, 3_600),
          new Range("schedule.batchSize", Kind.WHOLE, 1, 100_000),
          new Range("schedule.senders", Kind.WHOLE, 1, 1_000),
          new Range("server.port", Kind.WHOLE, 1, 65_535),
          new Range("shutdown.deadline", Kind.DURATION, 1, 3_600),
          new Range("crisis.repeatWindow", Kind.DURATION, 60, 24 * 3_600));

  private Limits() {}

  /** The range of {@code key}, such as {@code schedule.batchSize}, if it has one. */
  static Optional<Range> of(String key) {
    return RANGES.stream().filter(range -> range.key().equals(key)).findFirst();
  }

  /** The first value in {@code settings} out of its range: its key and why. */
  static Optional<Problem> firstProblem(JsonNode settings, JsonNode defaults) {
    for (Range range : RANGES) {
      JsonNode value = settings.at(pointer(range.key()));
      Optional<String> problem =
          range.problemWith(value, defaults.at(pointer(range.key())).asText());
      if (problem.isPresent()) return Optional.of(new Problem(range.key(), problem.get()));
    }
    return Optional.empty();
  }

  record Problem(String key, String message) {}

  /** {@code schedule.batchSize} as a JSON pointer: {@code /schedule/batchSize}. */
  static String pointer(String key) {
    return "/" + key.replace('.', '/');
  }
}
