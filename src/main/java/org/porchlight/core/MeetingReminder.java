package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's reminder before their home group meets, which they asked for: a message a chosen time
 * before each of its weekly meetings. Off until the member turns it on.
 *
 * @param on whether reminders are sent
 * @param before how long before a meeting starts the reminder comes
 * @param inQuietHours whether a reminder may come in the member's quiet hours (not by default)
 * @param offered whether the button after a rough day was shown: it is offered once
 */
public record MeetingReminder(boolean on, Duration before, boolean inQuietHours, boolean offered) {
  public static final Duration SHORTEST = Duration.ofMinutes(10);
  public static final Duration LONGEST = Duration.ofHours(24);
  public static final MeetingReminder DEFAULT =
      new MeetingReminder(false, Duration.ofMinutes(60), false, false);

  // "30", "30m", "30 min", "45 minutes", "2h", "2 hours", "1h30", "1h 30m".
  private static final Pattern MINUTES = Pattern.compile("(\\d{1,4})\\s*(m|min|mins|minutes?)?");
  private static final Pattern HOURS =
      Pattern.compile(
          "(\\d{1,2})\\s*(h|hr|hrs|hours?)(?:\\s*(\\d{1,2})\\s*(m|min|mins|minutes?)?)?");

  /** A reminder sent: for which community's meeting, starting when, and when it went. */
  public record Sent(Community.Id community, Instant meetingAt, Instant sentAt) {
    public Sent {
      requireNonNull(community, "community == null");
      requireNonNull(meetingAt, "meetingAt == null");
      requireNonNull(sentAt, "sentAt == null");
    }
  }

  public MeetingReminder {
    requireNonNull(before, "before == null");
    if (before.compareTo(SHORTEST) < 0 || before.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("before " + before + " is outside 10 minutes to 24 hours");
    }
  }

  public MeetingReminder withOn(boolean turnedOn) {
    return new MeetingReminder(turnedOn, before, inQuietHours, offered);
  }

  public MeetingReminder withBefore(Duration newBefore) {
    return new MeetingReminder(on, newBefore, inQuietHours, offered);
  }

  public MeetingReminder withInQuietHours(boolean allowed) {
    return new MeetingReminder(on, before, allowed, offered);
  }

  /** The same, noting that the button after a rough day was shown. */
  public MeetingReminder offeredNow() {
    return new MeetingReminder(on, before, inQuietHours, true);
  }

  /** True when {@code duration} may be chosen: from {@link #SHORTEST} to {@link #LONGEST}. */
  public static boolean allowed(Duration duration) {
    return duration.compareTo(SHORTEST) >= 0 && duration.compareTo(LONGEST) <= 0;
  }

  /**
   * Reads how long before: minutes ({@code 30}, {@code 45 minutes}) or hours ({@code 2h}, {@code
   * 1h30}); empty when it is neither. The bounds are the caller's to check.
   */
  public static Optional<Duration> parseBefore(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher minutes = MINUTES.matcher(t);
    if (minutes.matches()) return Optional.of(Duration.ofMinutes(Long.parseLong(minutes.group(1))));
    Matcher hours = HOURS.matcher(t);
    if (hours.matches()) {
      Duration duration = Duration.ofHours(Long.parseLong(hours.group(1)));
      if (hours.group(3) != null) duration = duration.plusMinutes(Long.parseLong(hours.group(3)));
      return Optional.of(duration);
    }
    return Optional.empty();
  }
}
