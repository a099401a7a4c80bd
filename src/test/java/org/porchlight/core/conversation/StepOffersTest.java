package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Step;
import org.porchlight.core.TestContent;

/** Small steps: which one comes next. */
class StepOffersTest extends ConversationDriver {
  // ---- Steps ----

  @Test
  void theNextStepIsTheOneSeenLeastRecently() {
    content =
        TestContent.withSteps(
            List.of(
                new Step("a", "Step A.", Step.Fits.ANY, Step.Company.ALONE),
                new Step("b", "Step B.", Step.Fits.ANY, Step.Company.ALONE),
                new Step("c", "Step C.", Step.Fits.ANY, Step.Company.ALONE)));
    conversation = conversation();
    setUp("20:00", "Europe/London");

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      say("/step");
      seen.add(text(last));
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(seen)
        .extracting(s -> s.substring(s.indexOf("Step ")))
        .containsExactly("Step A.", "Step B.", "Step C.", "Step A.", "Step B.");
  }

  @Test
  void anotherStepIsNeverTheSameOneAgain() {
    setUp("20:00", "Europe/London");
    say("/step");
    String first = text(last);
    press("Another step");

    assertThat(text(last)).isNotEqualTo(first);
  }

  @Test
  void roughDayStepsFitARoughDay() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Rough day");

    Step step = content.steps().byId(store.givenTo(ALEX).get(0).stepId()).orElseThrow();
    assertThat(step.fits()).isNotEqualTo(Step.Fits.FINE);
  }
}
