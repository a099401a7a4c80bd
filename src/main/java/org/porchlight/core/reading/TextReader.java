package org.porchlight.core.reading;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a member's free text: crisis first, then a request for a step, then fine or rough;
 * otherwise unclear.
 */
public final class TextReader {
  private final CrisisDetector crisis;
  private final List<Pattern> stepRequests;
  private final MoodReader mood;

  /** A reader with its own {@link CrisisDetector}. */
  public TextReader() {
    this(new CrisisDetector());
  }

  public TextReader(CrisisDetector crisis) {
    this.crisis = requireNonNull(crisis, "crisis == null");
    PatternFile patterns = Patterns.READING;
    this.stepRequests = patterns.section("step");
    this.mood = new MoodReader(patterns);
  }

  /** What {@code text} was understood to say; {@link Reading#UNCLEAR} for null or blank text. */
  public Reading read(String text) {
    String normalized = Normalizer.normalize(text);
    if (normalized.isEmpty()) {
      return Reading.UNCLEAR;
    }
    if (crisis.isCrisisNormalized(normalized)) {
      return Reading.CRISIS;
    }
    if (stepRequests.stream().anyMatch(p -> p.matcher(normalized).find())) {
      return Reading.STEP_REQUEST;
    }
    return mood.read(normalized);
  }

  /** Read once per class loader; the patterns never change at run time. */
  private static final class Patterns {
    static final PatternFile READING = PatternFile.load("reading-patterns.txt");
  }
}
