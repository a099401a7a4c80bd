package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The weekly reach-out: once a week, on a check-in day, "who is one person you could reach out to
 * this week?" with the pod's names; three days after a name is chosen, once, "did you get to reach
 * them?". On for every member with a pod until they turn it off.
 *
 * @param weekly whether the weekly question is asked
 * @param day the day it is asked on; empty for the first of the member's check-in days
 * @param followUps whether "did you get to reach them?" is asked
 * @param askedOn the last day the question was sent, so it goes once that day
 * @param picked the pod entry chosen last, by position and name check ({@link Pod#check})
 * @param followUpOn the first day the follow-up may go; empty when none is owed
 */
public record ReachOut(
    boolean weekly,
    Optional<DayOfWeek> day,
    boolean followUps,
    Optional<LocalDate> askedOn,
    Optional<Pick> picked,
    Optional<LocalDate> followUpOn) {
  /** How many days after a choice "did you get to reach them?" is asked. */
  public static final int FOLLOW_UP_AFTER_DAYS = 3;

  public static final ReachOut DEFAULT =
      new ReachOut(
          true, Optional.empty(), true, Optional.empty(), Optional.empty(), Optional.empty());

  /** The pod entry a member chose. */
  public record Pick(int index, String check) {
    public Pick {
      requireNonNull(check, "check == null");
    }
  }

  /** What a member answered, counted in /mydata like check-ins; never a name. */
  public enum Answer {
    PICKED("picked"),
    SOMEONE_NEW("someone-new"),
    NOT_THIS_WEEK("not-this-week"),
    REACHED("reached"),
    NOT_YET("not-yet");

    private final String key;

    Answer(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<Answer> fromKey(String key) {
      return Arrays.stream(values()).filter(answer -> answer.key.equals(key)).findFirst();
    }
  }

  /** One answer, on the member's day. */
  public record Answered(LocalDate date, Answer answer) {
    public Answered {
      requireNonNull(date, "date == null");
      requireNonNull(answer, "answer == null");
    }
  }

  public ReachOut {
    requireNonNull(day, "day == null");
    requireNonNull(askedOn, "askedOn == null");
    requireNonNull(picked, "picked == null");
    requireNonNull(followUpOn, "followUpOn == null");
  }

  /** The day the question is asked: the one chosen, else the first of the check-in days. */
  public DayOfWeek dayFor(Member member) {
    return day.filter(member.days()::contains)
        .orElseGet(
            () ->
                Arrays.stream(DayOfWeek.values())
                    .filter(member.days()::contains)
                    .findFirst()
                    .orElse(DayOfWeek.MONDAY));
  }

  /** Whether the weekly question goes with the check-in of {@code date}. */
  public boolean askOn(Member member, boolean hasPod, LocalDate date) {
    return weekly
        && hasPod
        && date.getDayOfWeek() == dayFor(member)
        && !askedOn.equals(Optional.of(date));
  }

  /** Whether the follow-up goes with the check-in of {@code date}. */
  public boolean followUpOn(LocalDate date) {
    return followUps && followUpOn.isPresent() && !date.isBefore(followUpOn.get());
  }

  public ReachOut asked(LocalDate date) {
    return new ReachOut(weekly, day, followUps, Optional.of(date), picked, followUpOn);
  }

  public ReachOut followedUp() {
    return new ReachOut(weekly, day, followUps, askedOn, picked, Optional.empty());
  }

  /** {@code pick} chosen on {@code date}: the follow-up is owed a few days later. */
  public ReachOut picking(Pick pick, LocalDate date) {
    return new ReachOut(
        weekly,
        day,
        followUps,
        askedOn,
        Optional.of(pick),
        followUps ? Optional.of(date.plusDays(FOLLOW_UP_AFTER_DAYS)) : Optional.empty());
  }

  public ReachOut withWeekly(boolean on) {
    return new ReachOut(on, day, followUps, askedOn, picked, followUpOn);
  }

  public ReachOut withDay(DayOfWeek newDay) {
    return new ReachOut(weekly, Optional.of(newDay), followUps, askedOn, picked, followUpOn);
  }

  public ReachOut withFollowUps(boolean on) {
    return new ReachOut(
        weekly, day, on, askedOn, picked, on ? followUpOn : Optional.<LocalDate>empty());
  }
}
