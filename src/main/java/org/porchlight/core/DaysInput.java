package org.porchlight.core;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads which weekdays a member wants check-ins: "every day", "weekdays", "mon,wed,fri", "mon-fri".
 */
public final class DaysInput {
  private DaysInput() {}

  public static Optional<Set<DayOfWeek>> parse(String text) {
    String input = text.strip().toLowerCase(Locale.ROOT);
    switch (input) {
      case "every day", "everyday", "daily", "all", "all days" -> {
        return Optional.of(EnumSet.allOf(DayOfWeek.class));
      }
      case "weekdays", "work days", "workdays" -> {
        return Optional.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
      }
      case "weekends", "weekend" -> {
        return Optional.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
      }
      default -> {}
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : input.split("[,\\s]+(?:and\\s+)?")) {
      if (part.isEmpty() || part.equals("and")) continue;
      String[] range = part.split("[-–]");
      if (range.length == 2) {
        Optional<DayOfWeek> from = day(range[0]);
        Optional<DayOfWeek> to = day(range[1]);
        if (from.isEmpty() || to.isEmpty()) return Optional.empty();
        for (DayOfWeek d = from.get(); ; d = d.plus(1)) {
          days.add(d);
          if (d == to.get()) break;
        }
      } else {
        Optional<DayOfWeek> one = day(part);
        if (one.isEmpty()) return Optional.empty();
        days.add(one.get());
      }
    }
    return days.isEmpty() ? Optional.empty() : Optional.of(days);
  }

  /** The days as {@link #parse} reads them back: "every day", "weekdays", or "mon,wed,fri". */
  public static String format(Set<DayOfWeek> days) {
    if (days.size() == 7) return "every day";
    if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) return "weekdays";
    if (days.equals(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))) return "weekends";
    return days.stream()
        .sorted()
        .map(day -> day.name().substring(0, 3).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(","));
  }

  /**
   * One weekday, by its English name or the start of it: two letters tell every weekday apart (mo,
   * tu, we, th, fr, sa, su). Many of it ("Tuesdays") and a trailing stop or colon read the same.
   */
  public static Optional<DayOfWeek> day(String word) {
    String w = word.strip().toLowerCase(Locale.ROOT).replaceAll("[.,:]$", "");
    Optional<DayOfWeek> day = startOf(w);
    return day.isPresent() || !w.endsWith("s") ? day : startOf(w.substring(0, w.length() - 1));
  }

  private static Optional<DayOfWeek> startOf(String w) {
    if (w.length() < 2) return Optional.empty();
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().toLowerCase(Locale.ROOT).startsWith(w)) return Optional.of(day);
    }
    return Optional.empty();
  }
}
