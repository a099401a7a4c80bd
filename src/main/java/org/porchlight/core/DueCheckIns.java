package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * What Porchlight does when a member's check-in time has come, and when their reminder is due. The
 * sweep asks; the rules are here, so they can be read and tested without a database or a clock.
 *
 * <p>The rules: at most one check-in a day, and only on the day it was meant for (after downtime a
 * missed day is let go); nothing in quiet hours; after {@code silentDays} without a word, one "the
 * light's on" instead, and then no check-ins until the member writes again; one reminder, on the
 * same day and outside quiet hours, for a check-in still unanswered.
 */
public final class DueCheckIns {
  private final Duration reminderAfter;
  private final Duration silence;

  public DueCheckIns(ConversationOptions options) {
    requireNonNull(options, "options == null");
    this.reminderAfter = options.reminderAfter();
    this.silence = Duration.ofDays(options.silentDays());
  }

  /** What to do with one member whose check-in is due. */
  public sealed interface Decision {
    /** Ask today's question; remind at {@code remindAt} if it is still unanswered then. */
    record Ask(LocalDate date, Optional<Instant> remindAt) implements Decision {}

    /** Say "the light's on" and stop asking until the member writes. */
    record LightsOn(LocalDate date) implements Decision {}

    /** Let this one pass: {@code why} is for logs and tests, never for members. */
    record Pass(String why) implements Decision {}
  }

  /** A decision and the member as they are afterwards: the next check-in moved on. */
  public record Outcome(Decision decision, Member member) {}

  /**
   * Decides for a member whose {@code nextCheckInAt} is at or before {@code now}.
   *
   * @param reachable false once the member blocked Porchlight or closed their messages
   */
  public Outcome due(Member member, boolean reachable, Instant now) {
    Decision decision = decide(member, reachable, now);
    Member after =
        decision instanceof Decision.LightsOn
            ? member.withContact(member.contact().lightsOn(now)).withNextCheckInAt(Optional.empty())
            : member.withNextCheckInAt(CheckInSchedule.next(member, now));
    return new Outcome(decision, after);
  }

  private Decision decide(Member member, boolean reachable, Instant now) {
    if (!member.isSetUp()) return new Decision.Pass("not set up");
    if (member.contact().isResting()) return new Decision.Pass("resting until they write");
    if (!reachable) return new Decision.Pass("unreachable");
    ZonedDateTime local = now.atZone(member.zoneOrUtc());
    LocalDate today = local.toLocalDate();
    // After downtime the check-in that was due may be days old: only today's is asked, and only
    // once its time has come.
    Instant startOfToday = today.atStartOfDay(member.zoneOrUtc()).toInstant();
    Optional<Instant> todays = CheckInSchedule.next(member, startOfToday.minusNanos(1));
    if (todays.isEmpty()
        || todays.get().isAfter(now)
        || !LocalDate.ofInstant(todays.get(), member.zoneOrUtc()).equals(today)) {
      return new Decision.Pass("nothing due today");
    }
    if (member.quietHours().contains(local.toLocalTime())) {
      return new Decision.Pass("quiet hours");
    }
    if (!now.isBefore(member.contact().lastHeardAt().plus(silence))) {
      return new Decision.LightsOn(today);
    }
    return new Decision.Ask(today, reminderTime(member, today, now));
  }

  private Optional<Instant> reminderTime(Member member, LocalDate date, Instant asked) {
    ZonedDateTime at = asked.plus(reminderAfter).atZone(member.zoneOrUtc());
    if (!at.toLocalDate().equals(date) || member.quietHours().contains(at.toLocalTime())) {
      return Optional.empty();
    }
    return Optional.of(at.toInstant());
  }

  /**
   * Whether the reminder for {@code date}'s check-in should go now: it is still unanswered, it is
   * still that day, it is not quiet hours, and the member has neither paused, nor taken that day
   * out of their days, nor gone quiet.
   */
  public boolean remindNow(
      Member member, boolean reachable, LocalDate date, boolean answered, Instant now) {
    ZonedDateTime local = now.atZone(member.zoneOrUtc());
    return reachable
        && !answered
        && date.equals(local.toLocalDate())
        && !member.quietHours().contains(local.toLocalTime())
        && !member.isPausedOn(date)
        && member.days().contains(date.getDayOfWeek())
        && !member.contact().isResting();
  }

  /**
   * Whether a prompt waiting in the outbox is still worth sending: a check-in or reminder only on
   * its own day, outside quiet hours (a long backlog must not wake anyone) and, for a check-in or
   * its reminder, on a day the member still chooses and has not paused; "the light's on" while the
   * member is still silent.
   */
  public boolean stillTimely(Member member, Prompt prompt, LocalDate date, Instant now) {
    ZonedDateTime local = now.atZone(member.zoneOrUtc());
    // A meeting's reminder had quiet hours weighed when it was written: the member may allow them.
    boolean weighedWhenWritten = prompt.fromABuddy() || prompt == Prompt.MEETING_REMINDER;
    if (member.quietHours().contains(local.toLocalTime()) && !weighedWhenWritten) return false;
    return switch (prompt) {
      case CHECK_IN, REMINDER ->
          date.equals(local.toLocalDate())
              && !member.isPausedOn(date)
              && member.days().contains(date.getDayOfWeek());
      case REACH_OUT, REACH_OUT_FOLLOW_UP ->
          date.equals(local.toLocalDate()) && !member.isPausedOn(date);
      case LIGHTS_ON -> member.contact().isResting();
      // Filed under the meeting's day: not after it, nor once the member paused.
      case MEETING_REMINDER ->
          !date.isBefore(local.toLocalDate()) && !member.isPausedOn(local.toLocalDate());
      // Owed because of someone else, and timed past quiet hours when written: they keep.
      case BUDDY_NUDGE, BUDDY_ACCEPTED, BUDDY_ENDED, BUDDY_UNREACHABLE -> true;
    };
  }
}
