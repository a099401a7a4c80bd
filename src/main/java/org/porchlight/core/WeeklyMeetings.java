package org.porchlight.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A community's weekly meetings as a host writes them, one a line: "Tuesday 19:00 Evening circle
 * https://meet.example.org/circle", or a place after a bar ("Thursday 18:30 Walk | Town park
 * gates"); and the days it does not meet: "not on 2026-12-24", "not on 24 December".
 */
record WeeklyMeetings(List<Meeting> meetings, Set<LocalDate> cancelled) {
  public static final int MAX_MEETINGS = 7;
  private static final String NOT_ON = "not on ";

  public WeeklyMeetings {
    meetings = List.copyOf(meetings);
    cancelled = Set.copyOf(cancelled);
  }

  /**
   * Reads what a host wrote; each line that can't be read adds a problem, named with the line, and
   * is left out.
   */
  public static WeeklyMeetings read(
      String text, Messages texts, List<String> problems, LocalDate today) {
    List<Meeting> meetings = new ArrayList<>();
    Set<LocalDate> cancelled = new HashSet<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip().replaceAll("\\s+", " ");
      if (line.isEmpty()) continue;
      if (line.toLowerCase(Locale.ROOT).startsWith(NOT_ON)) {
        Optional<LocalDate> date = date(line.substring(NOT_ON.length()), today);
        if (date.isPresent()) {
          cancelled.add(date.get());
        } else {
          problems.add(texts.get(Text.SETUP_BAD_DATE, "input", Echo.of(line)));
        }
        continue;
      }
      Optional<Meeting> meeting = meeting(line);
      if (meeting.isPresent()) {
        meetings.add(meeting.get());
      } else {
        problems.add(texts.get(Text.SETUP_BAD_MEETING, "input", Echo.of(line)));
      }
    }
    if (meetings.size() > MAX_MEETINGS) {
      problems.add(texts.get(Text.SETUP_TOO_MANY_MEETINGS, "max", MAX_MEETINGS));
    }
    return new WeeklyMeetings(meetings, cancelled);
  }

  private static Optional<Meeting> meeting(String line) {
    String[] words = line.split(" ", 3);
    if (words.length < 2) return Optional.empty();
    Optional<DayOfWeek> day = DaysInput.day(words[0]);
    Optional<LocalTime> time = TimeInput.parse(words[1]);
    if (day.isEmpty() || time.isEmpty()) return Optional.empty();
    String rest = words.length > 2 ? words[2] : "";
    String name;
    String where;
    int bar = rest.indexOf('|');
    if (bar >= 0) {
      name = rest.substring(0, bar).strip();
      where = rest.substring(bar + 1).strip();
    } else {
      List<String> parts = new ArrayList<>(Arrays.asList(rest.split(" ")));
      String link = "";
      for (String part : parts) {
        if (part.startsWith("https://") || part.startsWith("http://")) link = part;
      }
      parts.remove(link);
      name = String.join(" ", parts).strip();
      where = link;
    }
    if (name.length() > Meeting.MAX_NAME || where.length() > Meeting.MAX_WHERE) {
      return Optional.empty();
    }
    return Optional.of(new Meeting(name, day.get(), time.get(), where));
  }

  /** 2026-12-24, or 24 December / December 24 (this year's, or next year's once it is past). */
  private static Optional<LocalDate> date(String text, LocalDate today) {
    String t = text.strip();
    try {
      return Optional.of(LocalDate.parse(t));
    } catch (DateTimeParseException e) {
      // Not ISO: a day and a month, in either order.
    }
    for (String pattern : List.of("d MMMM", "MMMM d", "d MMM", "MMM d")) {
      try {
        MonthDay day =
            MonthDay.parse(
                t, DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withLocale(Locale.ENGLISH));
        LocalDate thisYear = day.atYear(today.getYear());
        return Optional.of(thisYear.isBefore(today) ? thisYear.plusYears(1) : thisYear);
      } catch (DateTimeParseException e) {
        // Try the next way of writing it.
      }
    }
    return Optional.empty();
  }

  /** One meeting as a host would write it. */
  public static String line(Meeting meeting) {
    StringBuilder line =
        new StringBuilder(meeting.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
            .append(' ')
            .append(meeting.time());
    if (!meeting.name().isEmpty()) line.append(' ').append(meeting.name());
    if (!meeting.where().isEmpty()) {
      boolean link =
          meeting.where().startsWith("http://") || meeting.where().startsWith("https://");
      line.append(link ? " " : " | ").append(meeting.where());
    }
    return line.toString();
  }

  /** The community's meetings and days off, as the setup form shows them for a host to change. */
  public static String lines(Community community) {
    List<String> lines =
        community.meetings().stream().map(WeeklyMeetings::line).collect(Collectors.toList());
    community.cancelled().stream().sorted().forEach(date -> lines.add(NOT_ON + date));
    return String.join("\n", lines);
  }
}
