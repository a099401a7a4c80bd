package org.porchlight.core.conversation;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.porchlight.core.Action;
import org.porchlight.core.Action.AnotherStep;
import org.porchlight.core.Action.Answer;
import org.porchlight.core.Action.BuddyAnswer;
import org.porchlight.core.Action.BuddyAuto;
import org.porchlight.core.Action.BuddyEnd;
import org.porchlight.core.Action.BuddyTell;
import org.porchlight.core.Action.CrisisCheck;
import org.porchlight.core.Action.FollowUp;
import org.porchlight.core.Action.Forget;
import org.porchlight.core.Action.GroupHome;
import org.porchlight.core.Action.MeetingRemindersOff;
import org.porchlight.core.Action.MeetingRemindersOn;
import org.porchlight.core.Action.PlanDelete;
import org.porchlight.core.Action.PlanDeleteConfirm;
import org.porchlight.core.Action.PlanLater;
import org.porchlight.core.Action.PlanMoveOn;
import org.porchlight.core.Action.PlanStart;
import org.porchlight.core.Action.PodAdd;
import org.porchlight.core.Action.PodChoose;
import org.porchlight.core.Action.PodEntry;
import org.porchlight.core.Action.PodRemove;
import org.porchlight.core.Action.PodRename;
import org.porchlight.core.Action.PostedAnswer;
import org.porchlight.core.Action.ReachOutNew;
import org.porchlight.core.Action.ReachOutOff;
import org.porchlight.core.Action.ReachOutPick;
import org.porchlight.core.Action.ReachOutSkip;
import org.porchlight.core.Action.SetTime;
import org.porchlight.core.Action.TryStep;
import org.porchlight.core.Community;
import org.porchlight.core.Echo;
import org.porchlight.core.Incoming;
import org.porchlight.core.Incoming.ButtonPress;
import org.porchlight.core.Incoming.Command;
import org.porchlight.core.Incoming.Form;
import org.porchlight.core.Incoming.FreeText;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.Mood;
import org.porchlight.core.Pod;
import org.porchlight.core.Reply;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.Text;
import org.porchlight.core.TimeInput;
import org.porchlight.core.Via;
import org.porchlight.core.reading.Reading;

/**
 * Which flow answers what: a command by its name, a button by its action, words by their reading.
 */
final class Router {
  private final Context ctx;
  private final Flows flows;

  Router(Context ctx, Flows flows) {
    this.ctx = ctx;
    this.flows = flows;
  }

  /** Hears one message: crisis language first, then the flow it belongs to. */
  List<Reply> handle(Turn t, Incoming incoming) {
    if (awaitsWords(t) && isStale(t)) {
      // A name or an answer asked for long ago: these words are about something else now.
      PodCommands.stopAwaiting(t);
    }
    if (t.stored) t.heard();
    Optional<Reading> reading = readingOf(incoming);
    boolean writingThePlan = t.member.awaiting() == Awaiting.PLAN_ANSWER;
    if (reading.equals(Optional.of(Reading.CRISIS))) {
      flows.crisis().reply(t);
      // Words written for the safety plan are kept even when they are crisis words; a name
      // waited for is not: the member is asked again another time.
      if (writingThePlan && incoming instanceof FreeText text) {
        flows.plan().keepAnswerAndPause(t, text.text());
      } else if (incoming instanceof Form form && isPlanForm(form)) {
        flows.plan().fromForm(t, form.fields(), false);
      }
      PodCommands.stopAwaiting(t);
      return t.finish();
    }
    if (reading.equals(Optional.of(Reading.MAYBE_CRISIS)) && writingThePlan) {
      // Warning signs are written about, not felt right now: the plan is the place for them.
      reading = Optional.of(Reading.UNCLEAR);
    } else if (reading.equals(Optional.of(Reading.MAYBE_CRISIS))) {
      // The answer to the question is a button: a name or an answer is no longer awaited.
      PodCommands.stopAwaiting(t);
      if (flows.crisis().ask(t)) return t.finish();
      // Asked a moment ago, and told it is not that: heard as a hard day.
      reading = Optional.of(Reading.ROUGH);
    }
    if (!(incoming instanceof FreeText) && awaitsWords(t)) {
      // Anything but words ends a wait for a name or an answer; a button may start it again.
      PodCommands.stopAwaiting(t);
    }
    // Someone opening a buddy invitation is not signing up for check-ins: no onboarding for them.
    boolean arriving = !t.stored && !opensAnInvitation(incoming);
    // A join link makes its community home first, so the welcome starts someone new with its time.
    Optional<Community> joining = flows.joining().arrive(t, incoming);
    boolean startedWithDefaults = arriving && flows.onboarding().welcome(t);
    if (Joining.isJoinLink(incoming)) {
      flows.joining().joined(t, joining, arriving);
    } else if (incoming instanceof Command command) {
      command(t, command);
    } else if (incoming instanceof ButtonPress press) {
      button(t, press.data());
    } else if (incoming instanceof FreeText text) {
      freeText(t, text.text(), reading.orElseThrow());
    } else if (incoming instanceof Form form) {
      form(t, form);
    } else {
      t.say(t.texts.get(Text.NO_TEXT));
    }
    if (arriving) flows.onboarding().afterFirstMessage(t, startedWithDefaults);
    return t.finish();
  }

  // How long a name or an answer is waited for: past it, words are read as anything else.
  private static final Duration WAIT_FOR_WORDS = Duration.ofMinutes(30);

  private static boolean isStale(Turn t) {
    return t.member
        .awaitingSince()
        .map(since -> since.plus(WAIT_FOR_WORDS).isBefore(t.now))
        .orElse(true);
  }

  private static boolean opensAnInvitation(Incoming incoming) {
    return incoming instanceof Command command
        && (command.name().equals("start")
                && command.args().toLowerCase(Locale.ROOT).startsWith(BuddyLinks.START_PREFIX)
            || command.name().equals("buddy")
                && command.args().toLowerCase(Locale.ROOT).startsWith("accept"));
  }

  private static boolean isPlanForm(Form form) {
    return Arrays.stream(SafetyPlan.Section.values())
        .anyMatch(s -> form.fields().containsKey(s.formField()));
  }

  private static boolean awaitsWords(Turn t) {
    Awaiting awaiting = t.member.awaiting();
    return awaiting == Awaiting.POD_NAME
        || awaiting == Awaiting.POD_RENAME
        || awaiting == Awaiting.PLAN_ANSWER
        || awaiting == Awaiting.BUDDY_NAME;
  }

  /**
   * What the words in a message say: free text by the patterns and the model together; words in a
   * command or a form by the patterns alone, so crisis language is caught wherever it is typed.
   */
  private Optional<Reading> readingOf(Incoming incoming) {
    if (incoming instanceof FreeText text) return Optional.of(ctx.reader.understand(text.text()));
    return wordsOf(incoming).map(ctx.reader::read);
  }

  private static Optional<String> wordsOf(Incoming incoming) {
    if (incoming instanceof FreeText text) return Optional.of(text.text());
    if (incoming instanceof Command command && !command.args().isEmpty()) {
      return Optional.of(command.args());
    }
    if (incoming instanceof Form form && !form.fields().isEmpty()) {
      // Whatever box words are written in, crisis language gets the crisis lines.
      return Optional.of(String.join("\n", form.fields().values()));
    }
    return Optional.empty();
  }

  private void command(Turn t, Command command) {
    String args = command.args();
    SettingsCommands settings = flows.settings();
    switch (command.name()) {
      case "start" -> {
        if (args.toLowerCase(Locale.ROOT).startsWith(BuddyLinks.START_PREFIX)) {
          // t.me/<bot>?start=b_CODE: someone invited to be a buddy.
          flows.buddy().invited(t, args);
        } else {
          flows.onboarding().start(t);
        }
      }
      case "buddy" -> flows.buddy().command(t, args);
      case "checkin" -> flows.answers().ask(t);
      case "step" -> flows.steps().offer(t, flows.answers().todaysMood(t), false);
      case "group" -> {
        String[] words = args.strip().split("\\s+", 2);
        if (words[0].equalsIgnoreCase("remind") || words[0].equalsIgnoreCase("reminders")) {
          flows.meetingReminders().command(t, words.length > 1 ? words[1] : "");
        } else if (MeetingReminders.isReminderWord(args)) {
          // Discord's /group has one option, "remind": its value arrives alone.
          flows.meetingReminders().command(t, args);
        } else {
          flows.phrasing().group(t);
        }
      }
      case "history" -> flows.answers().history(t);
      case "time" -> settings.time(t, args);
      case "timezone", "zone", "tz" -> settings.timezone(t, args);
      case "country" -> settings.country(t, args);
      case "days" -> settings.days(t, args);
      case "quiet" -> settings.quiet(t, args);
      case "pause" -> settings.pause(t, args);
      case "resume" -> settings.resume(t);
      case "pod" -> flows.pod().command(t, args);
      case "plan" -> flows.plan().command(t);
      case "mydata" -> flows.data().myData(t);
      case "forget" -> flows.data().askToForget(t);
      case "help" -> t.say(t.texts.get(Text.HELP));
      case "about" -> t.say(t.texts.get(Text.ABOUT));
      case "setup", "summary", "post" ->
          t.say(t.texts.get(Text.HOST_COMMAND, "command", "/" + command.name()));
      // Discord's command names reach here as sent, not parsed from words: said back as echoes.
      default -> t.say(t.texts.get(Text.UNKNOWN_COMMAND, "command", "/" + Echo.of(command.name())));
    }
  }

  private void button(Turn t, String data) {
    Optional<Action> action = Action.decode(data);
    if (action.isEmpty()) {
      t.say(t.texts.get(Text.STALE_BUTTON));
    } else if (action.get() instanceof Answer answer) {
      flows.answers().answer(t, answer.mood(), answer.date(), Via.BUTTON);
    } else if (action.get() instanceof PostedAnswer answer) {
      flows.answers().answer(t, answer.mood(), t.today(), Via.BUTTON);
    } else if (action.get() instanceof SetTime setTime) {
      flows.settings().setTime(t, setTime.time());
    } else if (action.get() instanceof AnotherStep) {
      flows.steps().offer(t, flows.answers().todaysMood(t), true);
    } else if (action.get() instanceof TryStep) {
      flows.steps().tried(t);
    } else if (action.get() instanceof Forget forget) {
      flows.data().forget(t, forget.confirmed());
    } else if (action.get() instanceof PodAdd add) {
      flows.pod().askName(t, add.ring());
    } else if (action.get() instanceof PodChoose) {
      flows.pod().choose(t);
    } else if (action.get() instanceof PodEntry entry) {
      flows.pod().entry(t, entry.index(), entry.check());
    } else if (action.get() instanceof PodRename rename) {
      flows.pod().askRename(t, rename.index(), rename.check());
    } else if (action.get() instanceof PodRemove remove) {
      flows.pod().remove(t, remove.index(), remove.check());
    } else if (action.get() instanceof GroupHome home) {
      flows.phrasing().makeHome(t, home.index(), home.check());
    } else if (action.get() instanceof MeetingRemindersOn) {
      flows.meetingReminders().on(t);
    } else if (action.get() instanceof MeetingRemindersOff) {
      flows.meetingReminders().off(t);
    } else if (action.get() instanceof BuddyTell) {
      flows.buddy().tellBuddy(t);
    } else if (action.get() instanceof BuddyAnswer answer) {
      flows.buddy().answered(t, answer.code(), answer.yes());
    } else if (action.get() instanceof BuddyAuto auto) {
      flows.buddy().auto(t, auto.on());
    } else if (action.get() instanceof BuddyEnd) {
      flows.buddy().end(t);
    } else if (action.get() instanceof ReachOutPick pick) {
      flows.reachOut().picked(t, pick.index(), pick.check());
    } else if (action.get() instanceof ReachOutNew) {
      flows.reachOut().someoneNew(t);
    } else if (action.get() instanceof ReachOutSkip) {
      flows.reachOut().notThisWeek(t);
    } else if (action.get() instanceof ReachOutOff) {
      flows.reachOut().off(t);
    } else if (action.get() instanceof FollowUp followUp) {
      flows.reachOut().followedUp(t, followUp.answer());
    } else if (action.get() instanceof PlanStart) {
      flows.plan().start(t);
    } else if (action.get() instanceof PlanMoveOn moveOn) {
      flows.plan().moveOn(t, moveOn.section());
    } else if (action.get() instanceof PlanLater) {
      flows.plan().later(t);
    } else if (action.get() instanceof PlanDelete) {
      flows.plan().askToDelete(t);
    } else if (action.get() instanceof PlanDeleteConfirm confirm) {
      flows.plan().delete(t, confirm.yes());
    } else if (action.get() instanceof CrisisCheck check) {
      if (check.yes()) {
        flows.crisis().reply(t);
      } else {
        flows.answers().answer(t, Mood.ROUGH, t.today(), Via.BUTTON);
      }
    }
  }

  private void freeText(Turn t, String text, Reading reading) {
    switch (t.member.awaiting()) {
      case POD_NAME -> {
        flows.pod().nameGiven(t, text);
        return;
      }
      case POD_RENAME -> {
        flows.pod().newNameGiven(t, text);
        return;
      }
      case PLAN_ANSWER -> {
        flows.plan().answerGiven(t, text);
        return;
      }
      case BUDDY_NAME -> {
        flows.buddy().nameGiven(t, text);
        return;
      }
      default -> {}
    }
    if (t.member.awaiting() == Awaiting.TIME) {
      Optional<LocalTime> time = TimeInput.parse(text);
      if (time.isPresent()) {
        flows.settings().setTime(t, time.get());
        return;
      }
    } else if (t.member.awaiting() == Awaiting.ZONE && flows.settings().zoneFromWords(t, text)) {
      return;
    }
    switch (reading) {
      case CRISIS -> flows.crisis().reply(t);
      case MAYBE_CRISIS -> flows.answers().readMood(t, Mood.ROUGH);
      case STEP_REQUEST -> flows.steps().offer(t, flows.answers().todaysMood(t), false);
      case FINE -> flows.answers().readMood(t, Mood.FINE);
      case ROUGH -> flows.answers().readMood(t, Mood.ROUGH);
      case UNCLEAR -> flows.answers().unclear(t, text);
    }
  }

  /**
   * A form's settings, each checked as its command, the zone first so the time is read in it;
   * onboarding asks for what is still missing only once all of them are in.
   */
  private void form(Turn t, Form form) {
    if (Arrays.stream(Pod.Ring.values()).anyMatch(r -> form.fields().containsKey(r.formField()))) {
      flows.pod().fromForm(t, form.fields());
      return;
    }
    if (isPlanForm(form)) {
      flows.plan().fromForm(t, form.fields(), true);
      return;
    }
    t.formInProgress = true;
    try {
      for (String name : List.of("timezone", "time", "days", "quiet")) {
        String value = form.fields().getOrDefault(name, "").strip();
        if (!value.isEmpty()) command(t, new Command(name, value));
      }
    } finally {
      t.formInProgress = false;
    }
    if (!t.member.isSetUp()) flows.onboarding().askNextSetting(t);
  }
}
