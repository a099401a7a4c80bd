package org.porchlight.core.conversation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.porchlight.core.Action.AnotherStep;
import org.porchlight.core.Action.TryStep;
import org.porchlight.core.Mood;
import org.porchlight.core.Pod;
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
    Pod pod = ctx.stores.support().pod(t.id);
    Step step =
        ctx.content
            .steps()
            .next(
                mood,
                company,
                lastSeen,
                last,
                candidate ->
                    (!candidate.names(MOVABLE) || !pod.in(Pod.Ring.MOVABLE).isEmpty())
                        && (!candidate.names(OUTER) || !pod.in(Pod.Ring.OUTER).isEmpty()));
    ctx.stores.stepsGiven().record(new StepGiven(t.id, step.id(), t.now));
    return step;
  }

  private static final String SOMEONE = "someone";
  private static final String MOVABLE = "movable";
  private static final String OUTER = "outer";

  /**
   * The step's words for this member: {@code {someone}} is a name from their core circle, a
   * different one each time a step is given, or "someone you trust" without one; {@code {movable}}
   * and {@code {outer}} are names from those rings.
   */
  String text(Turn t, Step step) {
    Pod pod = t.stored ? ctx.stores.support().pod(t.id) : Pod.EMPTY;
    if (pod.isEmpty()) return step.textFor(t.texts.get(Text.SOMEONE));
    // Turn by turn through each ring, by how many steps the member has been given so far.
    int turn = ctx.stores.stepsGiven().givenTo(t.id).size();
    Map<String, String> words = new HashMap<>();
    words.put(SOMEONE, nameIn(pod, Pod.Ring.CORE, turn).orElse(t.texts.get(Text.SOMEONE)));
    nameIn(pod, Pod.Ring.MOVABLE, turn).ifPresent(name -> words.put(MOVABLE, name));
    nameIn(pod, Pod.Ring.OUTER, turn).ifPresent(name -> words.put(OUTER, name));
    return step.textFor(words);
  }

  private static Optional<String> nameIn(Pod pod, Pod.Ring ring, int turn) {
    List<Pod.Entry> entries = pod.in(ring);
    if (entries.isEmpty()) return Optional.empty();
    return Optional.of(entries.get(Math.floorMod(turn, entries.size())).name());
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
