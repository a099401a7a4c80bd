package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a reminder before a member's home group meets is sent. The sweep looks at a member with
 * reminders on at {@code nextLookAt}, and this class says what to do then and when to look next.
 *
 * <p>A reminder goes {@link MeetingReminder#before} ahead of the meeting's start, an exact span of
 * time: the meeting's time is in the community's zone, where a change of the clocks moves it as it
 * moves everyone there; a member in another zone gets it at the same moment, whatever their clocks
 * did. Each occurrence of a meeting is decided once, sent or not: a reminder whose moment falls in
 * the member's quiet hours (unless they allowed that), while they are paused or can't be reached is
 * skipped, not put off until later. A cancelled date has no meeting, so no reminder; nor has a
 * meeting that already began. After downtime, a reminder still goes if its meeting has not begun.
 */
public final class DueMeetingReminders {
  /**
   * The longest the sweep waits before looking again, so that a host's change to the meetings or a
   * new home group is seen within the hour.
   */
  public static final Duration LOOK_AGAIN_WITHIN = Duration.ofHours(1);

  private DueMeetingReminders() {}

  /** What to do for one member at one look. */
  public sealed interface Decision permits Remind, Skip, Wait {}

  /** Send the reminder of {@code meeting}, {@code community}'s. */
  public record Remind(Community.Id community, Meeting.Next meeting) implements Decision {
    public Remind {
      requireNonNull(community, "community == null");
      requireNonNull(meeting, "meeting == null");
    }

    /** The meeting's day in the member's zone: the day the outbox files the reminder under. */
    public LocalDate dateFor(Member member) {
      return meeting.at().withZoneSameInstant(member.zoneOrUtc()).toLocalDate();
    }
  }

  /** This occurrence gets no reminder. */
  public record Skip(Why why) implements Decision {
    public Skip {
      requireNonNull(why, "why == null");
    }
  }

  /** Why a reminder was skipped. */
  public enum Why {
    PAUSED,
    QUIET_HOURS,
    UNREACHABLE
  }

  /** Nothing to do yet. */
  public record Wait() implements Decision {}

  /** A decision, and when to look again: empty when reminders are off. */
  public record Outcome(Decision decision, Optional<Instant> nextLookAt) {
    public Outcome {
      requireNonNull(decision, "decision == null");
      requireNonNull(nextLookAt, "nextLookAt == null");
    }
  }

  /**
   * What happens at {@code now} for {@code member}, whose reminder choices are {@code reminder} and
   * whose home group is {@code home}.
   */
  public static Outcome due(
      Member member,
      boolean reachable,
      MeetingReminder reminder,
      Optional<Community> home,
      Instant now) {
    if (!reminder.on()) return new Outcome(new Wait(), Optional.empty());
    Optional<Meeting.Next> next = home.flatMap(c -> c.nextMeeting(now));
    Instant lookAgain = now.plus(LOOK_AGAIN_WITHIN);
    if (next.isEmpty()) return new Outcome(new Wait(), Optional.of(lookAgain));
    Instant remindAt = next.get().at().toInstant().minus(reminder.before());
    if (remindAt.isAfter(now)) {
      return new Outcome(
          new Wait(), Optional.of(remindAt.isBefore(lookAgain) ? remindAt : lookAgain));
    }
    // Between the reminder's moment and the meeting's start: decided now, and not again before
    // the meeting begins.
    Optional<Instant> afterThisOne = Optional.of(next.get().at().toInstant());
    ZonedDateTime local = now.atZone(member.zoneOrUtc());
    if (!reachable) return new Outcome(new Skip(Why.UNREACHABLE), afterThisOne);
    if (member.isPausedOn(local.toLocalDate())) {
      return new Outcome(new Skip(Why.PAUSED), afterThisOne);
    }
    if (!reminder.inQuietHours() && member.quietHours().contains(local.toLocalTime())) {
      return new Outcome(new Skip(Why.QUIET_HOURS), afterThisOne);
    }
    // Reminded: looked at again within the hour all the same, so that a meeting a host adds
    // before this one, or a new home group, is seen; this one is noted once, and not sent twice.
    Instant meetingStarts = next.get().at().toInstant();
    return new Outcome(
        new Remind(home.get().id(), next.get()),
        Optional.of(meetingStarts.isBefore(lookAgain) ? meetingStarts : lookAgain));
  }
}
