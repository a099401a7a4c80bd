package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The hours in which nothing is sent to a member; they may wrap past midnight. */
public record QuietHours(LocalTime start, LocalTime end) {
  public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

  /** None: what {@code /quiet off} sets. */
  public static final QuietHours OFF = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  public QuietHours {
    requireNonNull(start, "start == null");
    requireNonNull(end, "end == null");
  }

  /** True for {@link #OFF}. */
  public boolean isOff() {
    return equals(OFF);
  }

  /** True when {@code time} falls inside the quiet hours (start inclusive, end exclusive). */
  public boolean contains(LocalTime time) {
    if (start.equals(end)) return false;
    if (start.isBefore(end)) return !time.isBefore(start) && time.isBefore(end);
    return !time.isBefore(start) || time.isBefore(end);
  }

  /**
   * These quiet hours, shortened so that {@code time} falls outside them: a time in the early part
   * of the night moves the start after it; one in the late part ends them at it.
   */
  public QuietHours makingRoomFor(LocalTime time) {
    if (!contains(time)) return this;
    Duration sinceStart = Duration.between(start, time);
    if (sinceStart.isNegative()) sinceStart = sinceStart.plusDays(1);
    Duration untilEnd = Duration.between(time, end);
    if (untilEnd.isNegative()) untilEnd = untilEnd.plusDays(1);
    return sinceStart.compareTo(untilEnd) < 0
        ? new QuietHours(time.plusHours(1).withMinute(0), end)
        : new QuietHours(start, time);
  }

  /** Reads {@code 22:00-08:00}. */
  public static Optional<QuietHours> parse(String text) {
    String[] parts = text.trim().split("\\s*[-–—]\\s*");
    if (parts.length != 2) return Optional.empty();
    try {
      return Optional.of(
          new QuietHours(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1]))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String pad(String time) {
    return time.length() == 4 && time.charAt(1) == ':' ? "0" + time : time;
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
