package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.porchlight.config.ConfigLoader;
import org.porchlight.core.Text;
import org.porchlight.core.reading.Examples;
import org.porchlight.core.reading.FakeMeaning;
import org.porchlight.core.reading.Sense;
import org.porchlight.core.reading.TextReader;

/**
 * Each crisis kind and each hard-negative kind of {@code config/understanding/}, through the whole
 * conversation, with a fake model saying what the real one is meant to: a held-out message of each
 * crisis kind gets the crisis lines when the model is sure and the question when it is unsure; one
 * of each hard-negative kind gets neither when the model says no. Whether the real model says so is
 * measured in SentenceMeaningTest and the quality checks; this is what the conversation does with
 * it.
 */
class EveryKindThroughTheConversationTest extends ConversationDriver {
  private static final Examples EXAMPLES = new ConfigLoader(Path.of("config")).examples();

  private void aMemberInLondonHeard(FakeMeaning meaning) {
    conversation = conversation();
    conversation.understanding(meaning);
    setUp("20:00", "Europe/London");
  }

  @TestFactory
  Stream<DynamicTest> aCrisisOfEveryKindGetsTheLinesWhenSureAndTheQuestionWhenUnsure() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Examples.Kind kind : EXAMPLES.crisis()) {
      String words = kind.heldOut().get(0);
      tests.add(
          DynamicTest.dynamicTest(
              kind.id() + ", sure",
              () -> {
                aMemberInLondonHeard(new FakeMeaning().saying(words, Sense.Crisis.YES));
                assertThat(text(say(words))).contains("116 123").contains("999");
                assertThat(today()).as("nothing recorded").isEmpty();
              }));
      tests.add(
          DynamicTest.dynamicTest(
              kind.id() + ", unsure",
              () -> {
                aMemberInLondonHeard(new FakeMeaning().saying(words, Sense.Crisis.ASK));
                String said = text(say(words));
                // A plain statement the patterns find is the crisis reply whatever the model says.
                boolean plain = new TextReader().explain(words).crisis() == Sense.Crisis.YES;
                assertThat(said)
                    .contains(plain ? "116 123" : texts.get(Text.CRISIS_QUESTION).strip());
              }));
    }
    assertThat(tests).hasSize(2 * EXAMPLES.crisis().size());
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> aHardNegativeOfEveryKindGetsNeitherWhenTheModelSaysNo() {
    List<DynamicTest> tests = new ArrayList<>();
    TextReader patterns = new TextReader();
    for (Examples.Kind kind : EXAMPLES.notCrisis()) {
      // The first held-out message of the kind that the patterns leave alone: the model decides.
      String words =
          kind.heldOut().stream()
              .filter(w -> patterns.explain(w).crisis() == Sense.Crisis.NO)
              .findFirst()
              .orElseThrow(() -> new AssertionError(kind.id() + ": every message is a pattern"));
      tests.add(
          DynamicTest.dynamicTest(
              kind.id(),
              () -> {
                aMemberInLondonHeard(new FakeMeaning().saying(words, Sense.Crisis.NO));
                String said = text(say(words));
                assertThat(said)
                    .doesNotContain("116 123")
                    .doesNotContain(texts.get(Text.CRISIS_QUESTION).strip());
              }));
    }
    assertThat(tests).hasSize(EXAMPLES.notCrisis().size());
    return tests.stream();
  }
}
