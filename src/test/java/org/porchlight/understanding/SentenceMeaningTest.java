package org.porchlight.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.porchlight.config.ConfigLoader;
import org.porchlight.core.reading.Examples;
import org.porchlight.core.reading.Reading;
import org.porchlight.core.reading.Sense;
import org.porchlight.core.reading.TextReader;
import org.porchlight.core.reading.Thresholds;
import org.porchlight.runtime.Ticker;

/** The real model, loaded once for the class (a few seconds), on the shipped examples. */
class SentenceMeaningTest {
  private static final ConfigLoader CONFIG = new ConfigLoader(Path.of("config"));
  private static Examples examples;
  private static Thresholds thresholds;
  private static SentenceMeaning meaning;

  @BeforeAll
  static void loadTheModel() throws InterruptedException {
    examples = CONFIG.examples();
    thresholds = CONFIG.thresholds();
    meaning = new SentenceMeaning(examples, thresholds).start();
    assertThat(meaning.awaitReady(Duration.ofMinutes(2))).as("the model loaded").isTrue();
  }

  private static Sense sense(String text) {
    return meaning.sense(text).orElseThrow();
  }

  @Test
  void givingBelongingsAwayBeforeADayIsACrisisOrAQuestion() {
    Sense sense =
        sense(
            "I've given my guitar and my records away this week, I won't be needing them after"
                + " Saturday");

    assertThat(sense.crisis()).isIn(Sense.Crisis.YES, Sense.Crisis.ASK);
  }

  @Test
  void bleedingCuticlesOnADeadlineAreNotACrisis() {
    Sense sense =
        sense("so stressed I picked at my cuticles till they bled, anyway the deadline's done");

    assertThat(sense.crisis()).isEqualTo(Sense.Crisis.NO);
  }

  // The held-out messages were never learnt from. These bounds guard against a change that makes
  // the model worse; the figures themselves are in docs/understanding.md (CalibrationBenchmark).
  @Test
  void heldOutCrisisMessagesAreAnsweredOrAskedMoreOftenThanNot() {
    // Measured on 2026-12-07: 121 of 210 (58 %). Issue 13 aims at 90 %: not there yet
    // (docs/quality.md). This keeps what the model adds from quietly slipping.
    long all = 0;
    long caught = 0;
    for (Examples.Kind kind : examples.crisis()) {
      all += kind.heldOut().size();
      caught += kind.heldOut().stream().filter(t -> sense(t).crisis() != Sense.Crisis.NO).count();
    }
    assertThat((double) caught / all).as("held-out crisis messages caught").isGreaterThan(0.5);
  }

  @Test
  void heldOutHardNegativesRarelyGetTheCrisisReply() {
    long all = 0;
    long answered = 0;
    for (Examples.Kind kind : examples.notCrisis()) {
      List<String> answeredHere =
          kind.heldOut().stream().filter(text -> sense(text).crisis() == Sense.Crisis.YES).toList();
      assertThat(answeredHere.size())
          .as("held-out %s messages read as a crisis: %s", kind.id(), answeredHere)
          .isLessThanOrEqualTo(kind.heldOut().size() / 4);
      all += kind.heldOut().size();
      answered += answeredHere.size();
    }
    assertThat((double) answered / all).as("held-out hard negatives answered").isLessThan(0.06);
  }

  @Test
  void heldOutMoodIsNeverReadTheWrongWayRoundOften() {
    long wrong =
        examples.moodFine().stream()
                .flatMap(kind -> kind.heldOut().stream())
                .filter(text -> sense(text).mood().equals(Optional.of(Reading.ROUGH)))
                .count()
            + examples.moodRough().stream()
                .flatMap(kind -> kind.heldOut().stream())
                .filter(text -> sense(text).mood().equals(Optional.of(Reading.FINE)))
                .count();

    assertThat(wrong).isLessThanOrEqualTo(2);
  }

  @Test
  void whySaysTheScoreAndTheNearestKindButNeverTheWords() {
    String text = "I wrote letters to my family and put them in the drawer";

    Sense sense = sense(text);

    assertThat(sense.why())
        .matches(
            "crisis \\d\\.\\d\\d, nearest [a-z-]+, similarity \\d\\.\\d\\d,"
                + " crisis neighbours \\d/7");
    assertThat(sense.why()).doesNotContain("letters");
  }

  /**
   * Every crisis kind, through the real model and the reader the bot uses: a quarter or more of its
   * held-out messages get the crisis reply or the question (measured on 2026-12-07: the weakest,
   * preparations and goodbyes, 8 of 28; most kinds 9 to 12 of 14).
   */
  @TestFactory
  Stream<DynamicTest> eachCrisisKindIsCaughtInAQuarterOfItsHeldOutMessagesOrMore() {
    TextReader reader = new TextReader(meaning);
    return examples.crisis().stream()
        .map(
            kind ->
                dynamicTest(
                    kind.id(),
                    () ->
                        assertThat(share(reader, kind, Sense.Crisis.NO, false))
                            .as("%s held out, answered or asked", kind.id())
                            .isGreaterThanOrEqualTo(0.25)));
  }

  /**
   * Every hard-negative kind, through the real model and the reader the bot uses: at most half of
   * its held-out messages get the crisis reply or the question (measured on 2026-12-07: recovery
   * and the past 6 of 14, someone else's crisis 4, the others 0 to 2).
   */
  @TestFactory
  Stream<DynamicTest> eachHardNegativeKindIsLeftAloneInHalfItsHeldOutMessagesOrMore() {
    TextReader reader = new TextReader(meaning);
    return examples.notCrisis().stream()
        .map(
            kind ->
                dynamicTest(
                    kind.id(),
                    () ->
                        assertThat(share(reader, kind, Sense.Crisis.NO, true))
                            .as("%s held out, left alone", kind.id())
                            .isGreaterThanOrEqualTo(0.5)));
  }

  /** The share of a kind's held-out messages whose crisis reading is (or is not) {@code which}. */
  private static double share(
      TextReader reader, Examples.Kind kind, Sense.Crisis which, boolean is) {
    long matching =
        kind.heldOut().stream().filter(t -> (reader.explain(t).crisis() == which) == is).count();
    return (double) matching / kind.heldOut().size();
  }

  @Test
  void closingWhileItLoadsStopsTheLoadAndWaitsForItSoNoNativeCodeRunsAtExit() {
    SentenceMeaning loading = new SentenceMeaning(examples, thresholds).start();
    long began = System.nanoTime();

    loading.close();

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(SentenceMeaning.CLOSE_WAIT);
    assertThat(loading.ready()).as("stopped before it learnt the examples").isFalse();
    assertThat(loading.sense("I want to die")).isEmpty();
  }

  @Test
  void beforeLoadingItIsNotReadyAndHasNothingToSay() {
    SentenceMeaning notStarted = new SentenceMeaning(examples, thresholds);

    assertThat(notStarted.ready()).isFalse();
    assertThat(notStarted.sense("I want to die")).isEmpty();
    assertThat(meaning.ready()).isTrue();
  }

  @Test
  void aMissingModelFileLeavesItNotReadyWithoutAnError() throws InterruptedException {
    SentenceMeaning missing =
        new SentenceMeaning(
                examples,
                thresholds,
                "/no-such-model.onnx",
                SentenceMeaning.TOKENIZER,
                Ticker.SYSTEM)
            .start();

    assertThat(missing.awaitReady(Duration.ofSeconds(30))).isFalse();
    assertThat(missing.ready()).isFalse();
    assertThat(missing.sense("I want to die")).isEmpty();
  }
}
