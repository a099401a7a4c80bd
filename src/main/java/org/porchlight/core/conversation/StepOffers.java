package org.porchlight.core.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.porchlight.core.Action.AnotherStep;
import org.porchlight.core.Action.TryStep;
import org.porchlight.core.Mood;
import org.porchlight.core.Reply;
import org.porchlight.core.Step;
import org.porchlight.core.StepGiven;
import org.porchlight.core.Text;

/** Small steps: the one the member has seen least recently, with "another" and "I'll try it". */
final class StepOffers {
  private final Context ctx;

  StepOffers(Context ctx) {
    this.ctx = ctx;
  }

  /** Offers the next step; {@code another} when the member asked for a different one. */
  void offer(Turn t, Optional<Mood> mood, boolean another) {
    Step step = next(t, mood, another);
    t.reply(Reply.withButtons(t.texts.get(Text.STEP, "step", text(t, step)), buttons(t, step)));
  }

  Step next(Turn t, Optional<Mood> mood, boolean notTheLastOne) {
    return next(t, mood, Optional.empty(), notTheLastOne);
  }

  /** The step to give now, recorded as given. */
  Step next(Turn t, Optional<Mood> mood, Optional<Step.Company> company, boolean notTheLastOne) {
    t.ensureStored();
    Map<String, Instant> lastSeen = ctx.stores.stepsGiven().lastSeen(t.id);
    Optional<String> last =
        notTheLastOne
            ? lastSeen.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
            : Optional.empty();
    Step step = ctx.content.steps().next(mood, company, lastSeen, last);
    ctx.stores.stepsGiven().record(new StepGiven(t.id, step.id(), t.now));
    return step;
  }

  String text(Turn t, Step step) {
    return step.textFor(t.texts.get(Text.SOMEONE));
  }

  List<Reply.Button> buttons(Turn t, Step step) {
    return List.of(
        new Reply.Button(t.texts.get(Text.BUTTON_ANOTHER_STEP), new AnotherStep().encode()),
        tryButton(t, step));
  }

  Reply.Button tryButton(Turn t, Step step) {
    return new Reply.Button(t.texts.get(Text.BUTTON_TRY_IT), new TryStep(step.id()).encode());
  }

  void tried(Turn t) {
    t.say(t.texts.any(Text.STEP_TRIED, ctx.random));
  }
}
