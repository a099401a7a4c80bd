package org.porchlight.core.conversation;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.porchlight.core.Action.Answer;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Echo;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.Messages;
import org.porchlight.core.Mood;
import org.porchlight.core.Reply;
import org.porchlight.core.Step;
import org.porchlight.core.Text;
import org.porchlight.core.Via;

/**
 * The check-in itself: the question, the answer (by button or read from words) and the reply to it,
 * a fine day's light touch or a rough day's thanks, step and meeting; and {@code /history}.
 */
final class CheckInAnswers {
  // Button answers for the last few days are kept; older buttons ask about today instead.
  static final int ANSWERABLE_DAYS = 7;

  private final Context ctx;

  CheckInAnswers(Context ctx) {
    this.ctx = ctx;
  }

  static List<Reply.Button> answerButtons(Messages texts, LocalDate date) {
    return List.of(
        new Reply.Button(texts.get(Text.BUTTON_FINE), new Answer(Mood.FINE, date).encode()),
        new Reply.Button(texts.get(Text.BUTTON_ROUGH), new Answer(Mood.ROUGH, date).encode()),
        new Reply.Button(texts.get(Text.BUTTON_SKIP), new Answer(Mood.SKIPPED, date).encode()));
  }

  /** {@code /checkin}: today's question, or what today's answer was, to change it. */
  void ask(Turn t) {
    LocalDate today = t.today();
    t.ensureStored();
    Optional<CheckIn> existing = ctx.stores.checkIns().find(t.id, today);
    if (existing.isEmpty()) ctx.stores.checkIns().save(CheckIn.prompted(t.id, today, t.now));
    Optional<Mood> answered = existing.flatMap(CheckIn::mood);
    if (answered.isPresent()) {
      t.reply(
          Reply.withButtons(
              t.texts.get(
                  Text.CHECK_IN_ALREADY, "mood", t.flows.phrasing().moodName(t, answered.get())),
              answerButtons(t.texts, today)));
    } else {
      t.reply(
          Reply.withButtons(
              t.texts.any(Text.CHECK_IN_QUESTION, ctx.random), answerButtons(t.texts, today)));
    }
  }

  /** An answer by button, for the day the button asked about. */
  void answer(Turn t, Mood mood, LocalDate date, Via via) {
    Phrasing phrasing = t.flows.phrasing();
    LocalDate today = t.today();
    LocalDate day = date.isAfter(today) ? today : date;
    if (day.isBefore(today.minusDays(ANSWERABLE_DAYS - 1L))) {
      t.reply(
          Reply.withButtons(
              t.texts.get(Text.ANSWER_TOO_OLD, "day", phrasing.dayName(t, day)),
              answerButtons(t.texts, today)));
      return;
    }
    Optional<Mood> before = record(t, mood, day, via);
    String prefix = "";
    if (!day.equals(today)) {
      prefix =
          t.texts.get(
              Text.ANSWER_EARLIER_DAY,
              "day",
              phrasing.dayName(t, day),
              "mood",
              phrasing.moodName(t, mood));
    } else if (before.isPresent() && before.get() != mood) {
      prefix = t.texts.get(Text.ANSWER_CHANGED, "mood", phrasing.moodName(t, mood));
    }
    replyTo(t, mood, prefix);
    if (mood == Mood.ROUGH) t.flows.outreach().afterRoughAnswer(t);
  }

  /** Says back the mood read from words, with a button to put it right, then answers it. */
  void readMood(Turn t, Mood mood) {
    LocalDate today = t.today();
    record(t, mood, today, Via.TEXT);
    Mood other = mood == Mood.FINE ? Mood.ROUGH : Mood.FINE;
    Text label = mood == Mood.FINE ? Text.BUTTON_ACTUALLY_ROUGH : Text.BUTTON_ACTUALLY_FINE;
    t.reply(
        Reply.withButtons(
            t.texts.get(mood == Mood.FINE ? Text.READ_FINE : Text.READ_ROUGH),
            List.of(new Reply.Button(t.texts.get(label), new Answer(other, today).encode()))));
    replyTo(t, mood, "");
    if (mood == Mood.ROUGH) t.flows.outreach().afterRoughAnswer(t);
  }

  /** Words that say neither fine nor rough: asked with the buttons, never guessed. */
  void unclear(Turn t, String text) {
    if (t.member.awaiting() == Awaiting.TIME) {
      t.say(t.texts.get(Text.TIME_INVALID, "input", Echo.of(text)));
    } else if (t.member.awaiting() == Awaiting.ZONE) {
      t.say(t.texts.get(Text.ZONE_NOT_FOUND, "input", Echo.of(text)));
    } else {
      t.reply(Reply.withButtons(t.texts.get(Text.READ_UNCLEAR), answerButtons(t.texts, t.today())));
    }
  }

  Optional<Mood> todaysMood(Turn t) {
    return ctx.stores.checkIns().find(t.id, t.today()).flatMap(CheckIn::mood);
  }

  /** {@code /history}: the days checked in this month, and the last week's answers. */
  void history(Turn t) {
    Phrasing phrasing = t.flows.phrasing();
    LocalDate today = t.today();
    List<CheckIn> month = ctx.stores.checkIns().between(t.id, today.withDayOfMonth(1), today);
    List<CheckIn> answered = month.stream().filter(CheckIn::isAnswered).toList();
    if (answered.isEmpty()) {
      t.say(t.texts.get(Text.HISTORY_NONE));
      return;
    }
    long fine = answered.stream().filter(c -> c.mood().get() == Mood.FINE).count();
    long rough = answered.stream().filter(c -> c.mood().get() == Mood.ROUGH).count();
    StringBuilder text =
        new StringBuilder(
            t.texts.get(
                Text.HISTORY,
                "month",
                today.getMonth().getDisplayName(TextStyle.FULL, t.locale()),
                "days",
                answered.size(),
                "fine",
                fine,
                "rough",
                rough));
    answered.stream()
        .filter(c -> c.date().isAfter(today.minusDays(ANSWERABLE_DAYS)))
        .forEach(
            c ->
                text.append('\n')
                    .append(
                        t.texts.get(
                            Text.HISTORY_DAY,
                            "day",
                            phrasing.dayName(t, c.date()),
                            "mood",
                            phrasing.moodName(t, c.mood().get()))));
    t.say(text.toString());
  }

  /** Stores the answer for {@code day}, replacing an earlier one; returns the earlier mood. */
  private Optional<Mood> record(Turn t, Mood mood, LocalDate day, Via via) {
    t.ensureStored();
    Optional<CheckIn> existing = ctx.stores.checkIns().find(t.id, day);
    CheckIn checkIn = existing.orElseGet(() -> CheckIn.unasked(t.id, day));
    ctx.stores.checkIns().save(checkIn.answered(mood, via, t.now));
    ctx.tally.answered(t.id.platform(), mood);
    return existing.flatMap(CheckIn::mood);
  }

  private void replyTo(Turn t, Mood mood, String prefix) {
    String lead = prefix.isEmpty() ? "" : prefix + "\n\n";
    switch (mood) {
      case FINE -> fine(t, lead);
      case ROUGH -> rough(t, lead);
      case SKIPPED -> t.say(lead + t.texts.any(Text.SKIP_REPLY, ctx.random));
    }
  }

  private void fine(Turn t, String lead) {
    StepOffers steps = t.flows.steps();
    String text = lead + t.texts.any(Text.FINE_REPLY, ctx.random);
    // Now and then, a fine day is a chance to offer connection to someone else.
    if (ctx.random.nextInt(3) == 0) {
      Step step = steps.next(t, Optional.of(Mood.FINE), false);
      text += "\n\n" + t.texts.get(Text.FINE_OFFER, "step", steps.text(t, step));
      t.reply(Reply.withButtons(text, List.of(steps.tryButton(t, step))));
    } else {
      t.say(text);
    }
  }

  private void rough(Turn t, String lead) {
    StepOffers steps = t.flows.steps();
    Step step = steps.next(t, Optional.of(Mood.ROUGH), false);
    StringBuilder text =
        new StringBuilder(lead)
            .append(t.texts.any(Text.ROUGH_THANKS, ctx.random))
            .append("\n\n")
            .append(t.texts.get(Text.ROUGH_STEP, "step", steps.text(t, step)));
    t.flows
        .phrasing()
        .groupText(t)
        .ifPresent(
            group -> text.append("\n\n").append(t.texts.get(Text.ROUGH_MEETING, "meeting", group)));
    List<Reply.Button> buttons = new ArrayList<>(steps.buttons(t, step));
    if (t.flows.buddy().has(t)) buttons.add(t.flows.buddy().tellButton(t));
    t.flows.meetingReminders().offer(t).ifPresent(buttons::add);
    t.reply(Reply.withButtons(text.toString(), buttons));
  }
}
