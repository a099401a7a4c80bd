package org.porchlight.core.conversation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.porchlight.core.Action.FollowUp;
import org.porchlight.core.Action.ReachOutNew;
import org.porchlight.core.Action.ReachOutOff;
import org.porchlight.core.Action.ReachOutPick;
import org.porchlight.core.Action.ReachOutSkip;
import org.porchlight.core.DaysInput;
import org.porchlight.core.Member;
import org.porchlight.core.Messages;
import org.porchlight.core.Pod;
import org.porchlight.core.ReachOut;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;

/**
 * The weekly reach-out: with the check-in on its day, "who's one person you could reach out to this
 * week?" with the pod's names as buttons; a name gets a small message the member could send, and a
 * few days later, once, "did you get to?". On for members with a pod, off with one tap.
 */
final class WeeklyReachOut {
  private final Context ctx;

  WeeklyReachOut(Context ctx) {
    this.ctx = ctx;
  }

  /** The weekly question, as the sweep sends it. */
  Reply question(Member member, LocalDate date) {
    Messages texts = ctx.content.messagesFor(member.locale());
    Pod pod = ctx.stores.support().pod(member.id());
    List<Reply.Button> buttons = new ArrayList<>();
    for (int i = 0; i < pod.entries().size(); i++) {
      String name = pod.entries().get(i).name();
      buttons.add(new Reply.Button(name, new ReachOutPick(i, Pod.check(name)).encode()));
    }
    buttons.add(new Reply.Button(texts.get(Text.BUTTON_REACH_OUT_NEW), new ReachOutNew().encode()));
    buttons.add(
        new Reply.Button(texts.get(Text.BUTTON_REACH_OUT_SKIP), new ReachOutSkip().encode()));
    buttons.add(new Reply.Button(texts.get(Text.BUTTON_REACH_OUT_OFF), new ReachOutOff().encode()));
    return Reply.withButtons(texts.any(Text.REACH_OUT_QUESTION, ctx.random), buttons);
  }

  /** "Did you get to reach them?", a few days after a name was chosen. */
  Reply followUp(Member member, LocalDate date) {
    Messages texts = ctx.content.messagesFor(member.locale());
    Optional<String> name =
        ctx.stores
            .reachOuts()
            .reachOut(member.id())
            .picked()
            .flatMap(pick -> ctx.stores.support().pod(member.id()).at(pick.index(), pick.check()))
            .map(Pod.Entry::name);
    String text =
        name.map(n -> texts.get(Text.REACH_OUT_FOLLOW_UP, "name", n))
            .orElseGet(() -> texts.get(Text.REACH_OUT_FOLLOW_UP_SOMEONE));
    return Reply.withButtons(
        text,
        List.of(
            new Reply.Button(
                texts.get(Text.BUTTON_FOLLOW_UP_YES), new FollowUp(FollowUp.Answer.YES).encode()),
            new Reply.Button(
                texts.get(Text.BUTTON_FOLLOW_UP_NOT_YET),
                new FollowUp(FollowUp.Answer.NOT_YET).encode()),
            new Reply.Button(
                texts.get(Text.BUTTON_FOLLOW_UP_STOP),
                new FollowUp(FollowUp.Answer.STOP).encode())));
  }

  void picked(Turn t, int index, String check) {
    Optional<Pod.Entry> entry = t.flows.pod().of(t).at(index, check);
    if (entry.isEmpty()) {
      t.say(t.texts.get(Text.STALE_BUTTON));
      return;
    }
    t.ensureStored();
    record(t, ReachOut.Answer.PICKED);
    ReachOut reachOut = ctx.stores.reachOuts().reachOut(t.id);
    ctx.stores
        .reachOuts()
        .saveReachOut(t.id, reachOut.picking(new ReachOut.Pick(index, check), t.today()));
    t.say(t.texts.any(Text.REACH_OUT_SUGGESTION, ctx.random, "name", entry.get().name()));
  }

  void someoneNew(Turn t) {
    t.ensureStored();
    record(t, ReachOut.Answer.SOMEONE_NEW);
    t.say(t.texts.get(Text.REACH_OUT_SOMEONE_NEW));
  }

  void notThisWeek(Turn t) {
    t.ensureStored();
    record(t, ReachOut.Answer.NOT_THIS_WEEK);
    t.say(t.texts.get(Text.REACH_OUT_NOT_THIS_WEEK));
  }

  void followedUp(Turn t, FollowUp.Answer answer) {
    t.ensureStored();
    switch (answer) {
      case YES -> {
        record(t, ReachOut.Answer.REACHED);
        t.say(t.texts.get(Text.REACH_OUT_REACHED));
      }
      case NOT_YET -> {
        record(t, ReachOut.Answer.NOT_YET);
        t.say(t.texts.get(Text.REACH_OUT_NOT_YET));
      }
      case STOP -> {
        save(t, ctx.stores.reachOuts().reachOut(t.id).withFollowUps(false));
        t.say(t.texts.get(Text.REACH_OUT_STOP_ASKING));
      }
    }
  }

  /** {@code /pod weekly}, {@code /pod weekly on|off}, {@code /pod weekly friday}. */
  void command(Turn t, String args) {
    ReachOut reachOut = t.stored ? ctx.stores.reachOuts().reachOut(t.id) : ReachOut.DEFAULT;
    String word = args.strip().toLowerCase(Locale.ROOT);
    if (word.isEmpty()) {
      t.say(status(t));
      return;
    }
    switch (word) {
      case "off" -> {
        save(t, reachOut.withWeekly(false));
        t.say(t.texts.get(Text.REACH_OUT_OFF));
      }
      case "on" -> {
        save(t, reachOut.withWeekly(true));
        t.say(t.texts.get(Text.REACH_OUT_ON, "day", dayName(t, reachOut.dayFor(t.member))));
      }
      default -> {
        Optional<DayOfWeek> day = DaysInput.day(word);
        if (day.isEmpty()) {
          t.say(t.texts.get(Text.REACH_OUT_DAY_INVALID, "input", args.strip()));
        } else if (!t.member.days().contains(day.get())) {
          t.say(
              t.texts.get(
                  Text.REACH_OUT_NOT_A_CHECK_IN_DAY,
                  "day",
                  dayName(t, day.get()),
                  "days",
                  t.member.days().stream()
                      .sorted()
                      .map(d -> dayName(t, d))
                      .collect(Collectors.joining(", "))));
        } else {
          ReachOut moved = reachOut.withDay(day.get()).withWeekly(true);
          save(t, moved);
          t.say(t.texts.get(Text.REACH_OUT_ON, "day", dayName(t, day.get())));
        }
      }
    }
  }

  /** What the weekly question does for this member now, in a sentence. */
  String status(Turn t) {
    ReachOut reachOut = t.stored ? ctx.stores.reachOuts().reachOut(t.id) : ReachOut.DEFAULT;
    return reachOut.weekly()
        ? t.texts.get(Text.REACH_OUT_STATUS, "day", dayName(t, reachOut.dayFor(t.member)))
        : t.texts.get(Text.REACH_OUT_STATUS_OFF);
  }

  void off(Turn t) {
    command(t, "off");
  }

  private void save(Turn t, ReachOut reachOut) {
    t.ensureStored();
    ctx.stores.reachOuts().saveReachOut(t.id, reachOut);
  }

  private void record(Turn t, ReachOut.Answer answer) {
    ctx.stores.reachOuts().recordReachOut(t.id, new ReachOut.Answered(t.today(), answer));
  }

  private static String dayName(Turn t, DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, t.locale());
  }
}
