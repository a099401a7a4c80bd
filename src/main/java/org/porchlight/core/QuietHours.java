package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The hours in which nothing is sent to a member; they may wrap past midnight. */
public record QuietHours(LocalTime start, LocalTime end) {
  public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

  public QuietHours {
    requireNonNull(start, "start == null");
    requireNonNull(end, "end == null");
  }

  /** True when {@code time} falls inside the quiet hours (start inclusive, end exclusive). */
  public boolean contains(LocalTime time) {
    if (start.equals(end)) return false;
    if (start.isBefore(end)) return !time.isBefore(start) && time.isBefore(end);
    return !time.isBefore(start) || time.isBefore(end);
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
