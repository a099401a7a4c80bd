package org.porchlight.core;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a time of day the way people write it: 20:00, 8:30, 8pm, 20.15, 7 am, noon. */
public final class TimeInput {
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");

  private TimeInput() {}

  public static Optional<LocalTime> parse(String text) {
    String input = text.strip().toLowerCase(Locale.ROOT);
    if (input.equals("noon") || input.equals("midday")) return Optional.of(LocalTime.NOON);
    if (input.equals("midnight")) return Optional.of(LocalTime.MIDNIGHT);
    Matcher m = TIME.matcher(input);
    if (!m.matches()) return Optional.empty();
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    String half = m.group(3);
    if (half == null && m.group(2) == null && m.group(1).length() == 1 && hour == 0) {
      return Optional.empty();
    }
    if (half != null) {
      if (hour < 1 || hour > 12) return Optional.empty();
      hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
    }
    if (hour > 23 || minute > 59) return Optional.empty();
    return Optional.of(LocalTime.of(hour, minute));
  }
}
