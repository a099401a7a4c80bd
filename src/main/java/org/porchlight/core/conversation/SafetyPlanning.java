package org.porchlight.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.porchlight.core.Action.PlanDelete;
import org.porchlight.core.Action.PlanDeleteConfirm;
import org.porchlight.core.Action.PlanLater;
import org.porchlight.core.Action.PlanMoveOn;
import org.porchlight.core.Action.PlanStart;
import org.porchlight.core.CrisisLines;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.Pod;
import org.porchlight.core.Reply;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.SafetyPlan.Section;
import org.porchlight.core.Text;

/**
 * {@code /plan}: a safety plan in the member's own words, the steps of a standard one asked one at
 * a time, each skippable and changeable later. Shown first in every crisis reply.
 */
final class SafetyPlanning {
  private final Context ctx;

  SafetyPlanning(Context ctx) {
    this.ctx = ctx;
  }

  SafetyPlan of(Turn t) {
    return t.stored ? ctx.stores.support().plan(t.id) : SafetyPlan.EMPTY;
  }

  /** {@code /plan}: the plan with Change and Delete, or what a plan is and Start. */
  void command(Turn t) {
    SafetyPlan plan = of(t);
    if (plan.isEmpty()) {
      t.reply(
          Reply.withButtons(
              t.texts.get(Text.PLAN_INTRO),
              List.of(button(t, Text.BUTTON_PLAN_START, new PlanStart().encode()))));
      return;
    }
    t.reply(
        Reply.withButtons(
            t.texts.get(Text.PLAN_SHOW, "plan", text(t, plan, true)),
            List.of(
                button(t, Text.BUTTON_PLAN_CHANGE, new PlanStart().encode()),
                button(t, Text.BUTTON_PLAN_DELETE, new PlanDelete().encode()))));
  }

  /** Starts at the first question, or goes through the plan again to change it. */
  void start(Turn t) {
    ask(t, Section.values()[0]);
  }

  private void ask(Turn t, Section section) {
    t.ensureStored();
    t.member = t.member.awaitingWords(Awaiting.PLAN_ANSWER, section.key(), t.now);
    t.changed = true;
    StringBuilder text = new StringBuilder(t.texts.get(question(section)));
    if (section == Section.PEOPLE_TO_ASK) {
      Pod pod = ctx.stores.support().pod(t.id);
      List<String> close = new ArrayList<>();
      pod.in(Pod.Ring.CORE).forEach(entry -> close.add(entry.name()));
      pod.in(Pod.Ring.MOVABLE).forEach(entry -> close.add(entry.name()));
      if (!close.isEmpty()) {
        text.append("\n")
            .append(t.texts.get(Text.PLAN_FROM_POD, "names", String.join(", ", close)));
      }
    }
    Optional<String> current = of(t).answer(section);
    current.ifPresent(
        answer -> text.append("\n\n").append(t.texts.get(Text.PLAN_CURRENT, "answer", answer)));
    t.reply(
        Reply.withButtons(
            text.toString(),
            List.of(
                button(
                    t,
                    current.isPresent() ? Text.BUTTON_PLAN_KEEP : Text.BUTTON_PLAN_SKIP,
                    new PlanMoveOn(section).encode()),
                button(t, Text.BUTTON_PLAN_LATER, new PlanLater().encode()))));
  }

  /** The member's words for the section awaited: kept, then the next question. */
  void answerGiven(Turn t, String words) {
    Optional<Section> section = Section.fromKey(t.member.awaitingFor());
    if (section.isEmpty()) {
      PodCommands.stopAwaiting(t);
      command(t);
      return;
    }
    String answer = words.strip();
    if (answer.length() > SafetyPlan.MAX_ANSWER) {
      t.say(t.texts.get(Text.PLAN_ANSWER_TOO_LONG, "most", SafetyPlan.MAX_ANSWER));
      return;
    }
    if (!answer.isEmpty()) {
      ctx.stores.support().savePlan(t.id, of(t).with(section.get(), Optional.of(answer)));
    }
    next(t, section.get());
  }

  /**
   * Sections of the plan from a form, each field as the member left it: changed, emptied (the
   * answer is removed) or as it was. Sections not in the form stay as they are.
   */
  void fromForm(Turn t, Map<String, String> fields, boolean showIt) {
    SafetyPlan plan = of(t);
    for (Section section : Section.values()) {
      String field = fields.get(section.formField());
      if (field == null) continue;
      String answer = field.strip();
      if (answer.length() > SafetyPlan.MAX_ANSWER) {
        t.say(t.texts.get(Text.PLAN_ANSWER_TOO_LONG, "most", SafetyPlan.MAX_ANSWER));
        return;
      }
      plan = plan.with(section, answer.isEmpty() ? Optional.empty() : Optional.of(answer));
    }
    t.ensureStored();
    ctx.stores.support().savePlan(t.id, plan);
    PodCommands.stopAwaiting(t);
    if (!showIt) return;
    t.say(
        plan.isEmpty()
            ? t.texts.get(Text.PLAN_DELETED)
            : t.texts.get(Text.PLAN_SHOW, "plan", text(t, plan, true)));
  }

  /**
   * Words for the plan that were crisis words: kept as written (warning signs are said in such
   * words), and the plan paused rather than asked on straight after the crisis lines.
   */
  void keepAnswerAndPause(Turn t, String words) {
    Optional<Section> section = Section.fromKey(t.member.awaitingFor());
    String answer = words.strip();
    if (section.isPresent() && !answer.isEmpty() && answer.length() <= SafetyPlan.MAX_ANSWER) {
      ctx.stores.support().savePlan(t.id, of(t).with(section.get(), Optional.of(answer)));
    }
    PodCommands.stopAwaiting(t);
  }

  /** Leaves {@code section} as it is and asks the one after it. */
  void moveOn(Turn t, Section section) {
    next(t, section);
  }

  private void next(Turn t, Section section) {
    Optional<Section> next = section.next();
    if (next.isPresent()) {
      ask(t, next.get());
      return;
    }
    PodCommands.stopAwaiting(t);
    SafetyPlan plan = of(t);
    t.say(
        t.texts.get(Text.PLAN_DONE)
            + (plan.isEmpty()
                ? ""
                : "\n\n" + t.texts.get(Text.PLAN_SHOW, "plan", text(t, plan, true))));
  }

  void later(Turn t) {
    PodCommands.stopAwaiting(t);
    t.say(t.texts.get(Text.PLAN_PAUSED));
  }

  void askToDelete(Turn t) {
    t.reply(
        Reply.withButtons(
            t.texts.get(Text.PLAN_ASK_DELETE),
            List.of(
                button(t, Text.BUTTON_PLAN_DELETE_YES, new PlanDeleteConfirm(true).encode()),
                button(t, Text.BUTTON_PLAN_DELETE_NO, new PlanDeleteConfirm(false).encode()))));
  }

  void delete(Turn t, boolean confirmed) {
    if (confirmed && t.stored) {
      ctx.stores.support().savePlan(t.id, SafetyPlan.EMPTY);
      PodCommands.stopAwaiting(t);
      t.say(t.texts.get(Text.PLAN_DELETED));
    } else {
      t.say(t.texts.get(Text.PLAN_KEPT));
    }
  }

  /**
   * The plan as the member reads it: each answered section under its title; with {@code lines}, the
   * crisis lines of the member's country under the professionals.
   */
  String text(Turn t, SafetyPlan plan, boolean lines) {
    List<String> parts = new ArrayList<>();
    for (Section section : Section.values()) {
      StringBuilder part = new StringBuilder();
      plan.answer(section).ifPresent(answer -> part.append(answer));
      if (lines && section == Section.PROFESSIONALS) {
        CrisisLines.Country country =
            ctx.content.crisisLines().forCountry(t.flows.crisis().country(t));
        String crisisLines =
            country.lines().stream()
                .map(line -> line.name() + " " + line.contact())
                .collect(Collectors.joining("; "));
        if (part.length() > 0) part.append("\n");
        part.append(t.texts.get(Text.PLAN_CRISIS_LINES, "lines", crisisLines));
      }
      if (part.length() > 0) parts.add(t.texts.get(Text.titleOf(section)) + ":\n" + part);
    }
    return String.join("\n\n", parts);
  }

  private static Text question(Section section) {
    return switch (section) {
      case WARNING_SIGNS -> Text.PLAN_Q_WARNING_SIGNS;
      case ON_MY_OWN -> Text.PLAN_Q_ON_MY_OWN;
      case TAKE_MY_MIND_OFF -> Text.PLAN_Q_TAKE_MY_MIND_OFF;
      case PEOPLE_TO_ASK -> Text.PLAN_Q_PEOPLE_TO_ASK;
      case PROFESSIONALS -> Text.PLAN_Q_PROFESSIONALS;
      case SAFER_SURROUNDINGS -> Text.PLAN_Q_SAFER_SURROUNDINGS;
    };
  }

  private static Reply.Button button(Turn t, Text label, String data) {
    return new Reply.Button(t.texts.get(label), data);
  }
}
