package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a button does. Encoded into at most 64 bytes (Telegram's limit for callback data), with a
 * version prefix so that buttons sent by an older release are still understood, or politely
 * declined.
 */
public sealed interface Action {
  String VERSION = "1";
  DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HHmm");

  String encode();

  /** Reads button data; empty when it comes from an unknown version or is not ours. */
  static Optional<Action> decode(String data) {
    String[] part = data.split(":", -1);
    if (part.length < 2 || !part[0].equals(VERSION)) return Optional.empty();
    try {
      return Optional.ofNullable(
          switch (part[1]) {
            case "a" ->
                part.length == 4 ? new Answer(mood(part[2]), LocalDate.parse(part[3], DAY)) : null;
            case "t" ->
                part.length == 3 ? new SetTime(LocalTime.parse(part[2], HOUR_MINUTE)) : null;
            case "p" -> part.length == 3 ? new PostedAnswer(mood(part[2])) : null;
            case "s" -> part.length == 2 ? new AnotherStep() : null;
            case "y" -> part.length == 3 ? new TryStep(part[2]) : null;
            case "f" -> part.length == 3 ? new Forget(part[2].equals("yes")) : null;
            case "c" -> part.length == 3 ? new CrisisCheck(part[2].equals("yes")) : null;
            case "pa" ->
                part.length == 3 ? Pod.Ring.fromKey(part[2]).map(PodAdd::new).orElse(null) : null;
            case "pc" -> part.length == 2 ? new PodChoose() : null;
            case "pe" -> part.length == 4 ? new PodEntry(index(part[2]), part[3]) : null;
            case "pn" -> part.length == 4 ? new PodRename(index(part[2]), part[3]) : null;
            case "pr" -> part.length == 4 ? new PodRemove(index(part[2]), part[3]) : null;
            case "rp" -> part.length == 4 ? new ReachOutPick(index(part[2]), part[3]) : null;
            case "rn" -> part.length == 2 ? new ReachOutNew() : null;
            case "rs" -> part.length == 2 ? new ReachOutSkip() : null;
            case "ro" -> part.length == 2 ? new ReachOutOff() : null;
            case "rf" ->
                part.length == 3
                    ? FollowUp.Answer.fromKey(part[2]).map(FollowUp::new).orElse(null)
                    : null;
            case "gh" ->
                part.length == 4 ? new GroupHome(Integer.parseInt(part[2]), part[3]) : null;
            case "bt" -> part.length == 2 ? new BuddyTell() : null;
            case "ba" -> part.length == 4 ? new BuddyAnswer(part[2], part[3].equals("yes")) : null;
            case "bo" -> part.length == 3 ? new BuddyAuto(part[2].equals("on")) : null;
            case "be" -> part.length == 2 ? new BuddyEnd() : null;
            case "mr" -> part.length == 2 ? new MeetingRemindersOn() : null;
            case "mo" -> part.length == 2 ? new MeetingRemindersOff() : null;
            case "ls" -> part.length == 2 ? new PlanStart() : null;
            case "lk" ->
                part.length == 3
                    ? SafetyPlan.Section.fromKey(part[2]).map(PlanMoveOn::new).orElse(null)
                    : null;
            case "ll" -> part.length == 2 ? new PlanLater() : null;
            case "ld" -> part.length == 2 ? new PlanDelete() : null;
            case "lx" -> part.length == 3 ? new PlanDeleteConfirm(part[2].equals("yes")) : null;
            default -> null;
          });
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static int index(String text) {
    int index = Integer.parseInt(text);
    if (index < 0 || index >= Pod.MAX_ENTRIES)
      throw new IllegalArgumentException("no entry " + text);
    return index;
  }

  private static Mood mood(String code) {
    return switch (code) {
      case "f" -> Mood.FINE;
      case "r" -> Mood.ROUGH;
      case "s" -> Mood.SKIPPED;
      default -> throw new IllegalArgumentException("unknown mood code " + code);
    };
  }

  /** Answers the check-in of {@code date} (the day it was asked for, not the day it is pressed). */
  record Answer(Mood mood, LocalDate date) implements Action {
    public Answer {
      requireNonNull(mood, "mood == null");
      requireNonNull(date, "date == null");
    }

    @Override
    public String encode() {
      return VERSION + ":a:" + mood.key().charAt(0) + ":" + DAY.format(date);
    }
  }

  /**
   * Answers today's check-in, today being wherever the member is: the buttons of a check-in a host
   * posted for everyone, which can't carry a day that is the same for all.
   */
  record PostedAnswer(Mood mood) implements Action {
    public PostedAnswer {
      requireNonNull(mood, "mood == null");
    }

    @Override
    public String encode() {
      return VERSION + ":p:" + mood.key().charAt(0);
    }
  }

  /** Chooses a check-in time during onboarding. */
  record SetTime(LocalTime time) implements Action {
    public SetTime {
      requireNonNull(time, "time == null");
    }

    @Override
    public String encode() {
      return VERSION + ":t:" + HOUR_MINUTE.format(time);
    }
  }

  /** Asks for a different small step. */
  record AnotherStep() implements Action {
    @Override
    public String encode() {
      return VERSION + ":s";
    }
  }

  /** Says the member will try a step. */
  record TryStep(String stepId) implements Action {
    public TryStep {
      requireNonNull(stepId, "stepId == null");
    }

    @Override
    public String encode() {
      return VERSION + ":y:" + stepId;
    }
  }

  /** Confirms or cancels /forget. */
  record Forget(boolean confirmed) implements Action {
    @Override
    public String encode() {
      return VERSION + ":f:" + (confirmed ? "yes" : "no");
    }
  }

  /**
   * Answers "are you thinking about ending your life, or hurting yourself?": yes gets the crisis
   * lines, no carries on as a rough day.
   */
  record CrisisCheck(boolean yes) implements Action {
    @Override
    public String encode() {
      return VERSION + ":c:" + (yes ? "yes" : "no");
    }
  }

  /** Asks for a name to add to the pod, in {@code ring}. */
  record PodAdd(Pod.Ring ring) implements Action {
    public PodAdd {
      requireNonNull(ring, "ring == null");
    }

    @Override
    public String encode() {
      return VERSION + ":pa:" + ring.key();
    }
  }

  /** Lists the pod's names, to change one. */
  record PodChoose() implements Action {
    @Override
    public String encode() {
      return VERSION + ":pc";
    }
  }

  /**
   * A pod entry by its position, with a short check of its name ({@link Pod#check}), so a button
   * pressed after the pod changed does not touch someone else.
   */
  record PodEntry(int index, String check) implements Action {
    public PodEntry {
      requireNonNull(check, "check == null");
    }

    @Override
    public String encode() {
      return VERSION + ":pe:" + index + ":" + check;
    }
  }

  /** Asks for a new name for the pod entry at {@code index}. */
  record PodRename(int index, String check) implements Action {
    public PodRename {
      requireNonNull(check, "check == null");
    }

    @Override
    public String encode() {
      return VERSION + ":pn:" + index + ":" + check;
    }
  }

  /** Removes the pod entry at {@code index}. */
  record PodRemove(int index, String check) implements Action {
    public PodRemove {
      requireNonNull(check, "check == null");
    }

    @Override
    public String encode() {
      return VERSION + ":pr:" + index + ":" + check;
    }
  }

  /** Starts the safety plan, or goes through it again to change it. */
  record PlanStart() implements Action {
    @Override
    public String encode() {
      return VERSION + ":ls";
    }
  }

  /** Leaves a section of the plan as it is (skipped, or kept) and asks the next one. */
  record PlanMoveOn(SafetyPlan.Section section) implements Action {
    public PlanMoveOn {
      requireNonNull(section, "section == null");
    }

    @Override
    public String encode() {
      return VERSION + ":lk:" + section.key();
    }
  }

  /** Stops going through the plan for now; what is written stays. */
  record PlanLater() implements Action {
    @Override
    public String encode() {
      return VERSION + ":ll";
    }
  }

  /** Asks whether to delete the plan. */
  record PlanDelete() implements Action {
    @Override
    public String encode() {
      return VERSION + ":ld";
    }
  }

  /** Deletes the plan, or keeps it. */
  record PlanDeleteConfirm(boolean yes) implements Action {
    @Override
    public String encode() {
      return VERSION + ":lx:" + (yes ? "yes" : "no");
    }
  }

  /** Picks the pod entry at {@code index} for this week's reach-out. */
  record ReachOutPick(int index, String check) implements Action {
    public ReachOutPick {
      requireNonNull(check, "check == null");
    }

    @Override
    public String encode() {
      return VERSION + ":rp:" + index + ":" + check;
    }
  }

  /** Someone new, not yet in the pod, for this week's reach-out. */
  record ReachOutNew() implements Action {
    @Override
    public String encode() {
      return VERSION + ":rn";
    }
  }

  /** Not this week. */
  record ReachOutSkip() implements Action {
    @Override
    public String encode() {
      return VERSION + ":rs";
    }
  }

  /** Turns the weekly reach-out off. */
  record ReachOutOff() implements Action {
    @Override
    public String encode() {
      return VERSION + ":ro";
    }
  }

  /** Answers "did you get to reach them?". */
  record FollowUp(Answer answer) implements Action {
    /** Yes, not yet, or stop asking. */
    public enum Answer {
      YES("yes"),
      NOT_YET("not-yet"),
      STOP("stop");

      private final String key;

      Answer(String key) {
        this.key = key;
      }

      static Optional<Answer> fromKey(String key) {
        for (Answer answer : values()) {
          if (answer.key.equals(key)) return Optional.of(answer);
        }
        return Optional.empty();
      }
    }

    public FollowUp {
      requireNonNull(answer, "answer == null");
    }

    @Override
    public String encode() {
      return VERSION + ":rf:" + answer.key;
    }
  }

  /** Lets the member's buddy know they could use a kind message today. */
  record BuddyTell() implements Action {
    @Override
    public String encode() {
      return VERSION + ":bt";
    }
  }

  /** Says yes or no to the invitation {@code code}. */
  record BuddyAnswer(String code, boolean yes) implements Action {
    public BuddyAnswer {
      requireNonNull(code, "code == null");
    }

    @Override
    public String encode() {
      return VERSION + ":ba:" + code + ":" + (yes ? "yes" : "no");
    }
  }

  /** Whether the buddy is told after a run of rough days without a press. */
  record BuddyAuto(boolean on) implements Action {
    @Override
    public String encode() {
      return VERSION + ":bo:" + (on ? "on" : "off");
    }
  }

  /** Ends the buddy link. */
  record BuddyEnd() implements Action {
    @Override
    public String encode() {
      return VERSION + ":be";
    }
  }

  /**
   * Makes one of the member's communities their home, by its place in the list /group showed and a
   * short check of its id, so a stale button does not pick another.
   */
  record GroupHome(int index, String check) implements Action {
    public GroupHome {
      requireNonNull(check, "check == null");
    }

    @Override
    public String encode() {
      return VERSION + ":gh:" + index + ":" + check;
    }
  }

  /** Turns on the reminders before the member's group meets. */
  record MeetingRemindersOn() implements Action {
    @Override
    public String encode() {
      return VERSION + ":mr";
    }
  }

  /** Stops the reminders before the member's group meets. */
  record MeetingRemindersOff() implements Action {
    @Override
    public String encode() {
      return VERSION + ":mo";
    }
  }
}
