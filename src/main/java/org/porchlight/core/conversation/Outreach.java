package org.porchlight.core.conversation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Mood;
import org.porchlight.core.Reply;
import org.porchlight.core.Step;
import org.porchlight.core.Text;

/**
 * Reaching out after several rough answers in a row: once a run, a gentle word, the group, and a
 * step that involves someone else.
 */
final class Outreach {
  // A rough run is looked for among the answers of this many local days.
  private static final int ROUGH_RUN_DAYS = 14;

  private final Context ctx;

  Outreach(Context ctx) {
    this.ctx = ctx;
  }

  /** After a rough answer: reaches out if it makes a run long enough, and not yet this run. */
  void afterRoughAnswer(Turn t) {
    LocalDate today = t.today();
    List<CheckIn> days =
        ctx.stores.checkIns().between(t.id, today.minusDays(ROUGH_RUN_DAYS - 1L), today);
    Optional<LocalDate> runStart = roughRunStart(days, ctx.options.roughDaysInARow());
    if (runStart.isEmpty()) return;
    boolean reachedOutThisRun =
        t.member.contact().reachedOutOn().filter(on -> !on.isBefore(runStart.get())).isPresent();
    if (reachedOutThisRun) return;

    StepOffers steps = t.flows.steps();
    Step step = steps.next(t, Optional.of(Mood.ROUGH), Optional.of(Step.Company.WITH_OTHERS), true);
    StringBuilder text = new StringBuilder(t.texts.any(Text.OUTREACH, ctx.random));
    t.flows
        .phrasing()
        .groupText(t)
        .ifPresent(
            group ->
                text.append("\n\n").append(t.texts.get(Text.OUTREACH_MEETING, "meeting", group)));
    text.append("\n\n").append(t.texts.get(Text.OUTREACH_STEP, "step", steps.text(t, step)));
    t.reply(Reply.withButtons(text.toString(), steps.buttons(t, step)));
    t.member = t.member.withContact(t.member.contact().reachedOut(today));
    ctx.tally.reachedOut(t.id.platform());
    t.flows.buddy().afterRoughRun(t);
    t.changed = true;
  }

  /**
   * The first day of the rough run the latest answers end with, when it is at least {@code
   * longEnough} answers long. Skipped and unanswered days neither count nor break a run; a fine day
   * ends it. {@code days} are in date order.
   */
  static Optional<LocalDate> roughRunStart(List<CheckIn> days, int longEnough) {
    List<CheckIn> answered =
        days.stream()
            .filter(c -> c.mood().filter(mood -> mood != Mood.SKIPPED).isPresent())
            .toList();
    int run = 0;
    while (run < answered.size()
        && answered.get(answered.size() - 1 - run).mood().get() == Mood.ROUGH) {
      run++;
    }
    if (run < longEnough) return Optional.empty();
    return Optional.of(answered.get(answered.size() - run).date());
  }
}
