package org.porchlight.core.reading;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a member's free text: crisis first, then a request for a step, then fine or rough;
 * otherwise unclear. The patterns come first and a plain crisis they find stays a crisis whatever
 * else is said; a sentence model ({@link Meaning}), when there is one and it is ready, adds what
 * patterns miss: a crisis said another way, a crisis it is unsure of (then Porchlight asks), a mood
 * the patterns could not tell.
 */
public final class TextReader {
  private final CrisisDetector crisis;
  private final List<Pattern> stepRequests;
  private final MoodReader mood;
  private final Meaning meaning;

  /** A reader with patterns alone. */
  public TextReader() {
    this(Meaning.NONE);
  }

  /** A reader with patterns and {@code meaning} beside them. */
  public TextReader(Meaning meaning) {
    this.meaning = requireNonNull(meaning, "meaning == null");
    this.crisis = new CrisisDetector();
    PatternFile patterns = Patterns.READING;
    this.stepRequests = patterns.section("step");
    this.mood = new MoodReader(patterns);
  }

  /**
   * What {@code text} was understood to say by the patterns alone: for words in commands and forms,
   * which the model is never asked about. {@link Reading#UNCLEAR} for null or blank text.
   */
  public Reading read(String text) {
    String normalized = Normalizer.normalize(text);
    if (normalized.isEmpty()) return Reading.UNCLEAR;
    if (crisis.isCrisisNormalized(normalized)) return Reading.CRISIS;
    if (isStepRequest(normalized)) return Reading.STEP_REQUEST;
    return mood.read(normalized);
  }

  /** What words a member wrote were understood to say, by the patterns and the model together. */
  public Reading understand(String text) {
    return explain(text).reading();
  }

  /**
   * The whole reading of words a member wrote, with the reasons: what {@link #understand} answers,
   * and what {@code porchlight read} prints for the people who tune the patterns and examples.
   */
  public Explanation explain(String text) {
    String normalized = Normalizer.normalize(text);
    if (normalized.isEmpty()) {
      return new Explanation(Reading.UNCLEAR, Sense.Crisis.NO, Optional.empty(), false, "no words");
    }
    boolean step = isStepRequest(normalized);
    Reading patternMood = mood.read(normalized);
    Optional<Reading> moodOfPatterns =
        patternMood == Reading.UNCLEAR ? Optional.empty() : Optional.of(patternMood);
    if (crisis.isCrisisNormalized(normalized)) {
      // A plain statement stays a crisis whatever the model says.
      return new Explanation(Reading.CRISIS, Sense.Crisis.YES, moodOfPatterns, step, "pattern");
    }
    Optional<Sense> sense = meaning.sense(text);
    String why = sense.map(s -> "model: " + s.why()).orElse("patterns alone");
    Sense.Crisis modelCrisis = sense.map(Sense::crisis).orElse(Sense.Crisis.NO);
    Optional<Reading> mood = moodOf(moodOfPatterns, sense.flatMap(Sense::mood));
    if (modelCrisis == Sense.Crisis.YES) {
      return new Explanation(Reading.CRISIS, modelCrisis, mood, step, why);
    }
    if (modelCrisis == Sense.Crisis.ASK) {
      return new Explanation(Reading.MAYBE_CRISIS, modelCrisis, mood, step, why);
    }
    Reading reading = step ? Reading.STEP_REQUEST : mood.orElse(Reading.UNCLEAR);
    return new Explanation(reading, modelCrisis, mood, step, why);
  }

  /**
   * Fine or rough: what the patterns found, or else the model's, when it is sure; when the two
   * disagree, neither: the member is asked rather than told the wrong way round.
   */
  private static Optional<Reading> moodOf(Optional<Reading> patterns, Optional<Reading> model) {
    if (patterns.isEmpty()) return model;
    if (model.isPresent() && !model.equals(patterns)) return Optional.empty();
    return patterns;
  }

  private boolean isStepRequest(String normalized) {
    return stepRequests.stream().anyMatch(p -> p.matcher(normalized).find());
  }

  /** Read once per class loader; the patterns never change at run time. */
  private static final class Patterns {
    static final PatternFile READING = PatternFile.load("reading-patterns.txt");
  }
}
