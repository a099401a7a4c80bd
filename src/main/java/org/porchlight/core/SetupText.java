package org.porchlight.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A community's setup written as text, for a platform without forms (a Telegram group): one setting
 * a line, and the weekly meetings one a line after {@code meetings:}.
 *
 * <pre>
 * zone: Europe/London
 * time: 20:00
 * link: https://meet.example.org/circle
 * meetings:
 * Tuesday 19:00 Evening circle https://meet.example.org/circle
 * not on 2026-12-24
 * </pre>
 *
 * A setting left out keeps its value; one written with nothing after it is cleared. A week off
 * written on its own ({@code not on 2026-12-24}) is added, and the meetings are kept.
 */
final class SetupText {
  // Longer names first, so "timezone" is not read as "time" followed by "zone".
  private static final Pattern SETTING =
      Pattern.compile(
          "(?i)^(timezone|time zone|zone|time|links|link|schedule|meetings|meeting)"
              + "(?:\\s*:\\s*|\\s+|$)(.*)$");

  private SetupText() {}

  private static String withDaysOff(String meetings, List<String> daysOff) {
    if (daysOff.isEmpty()) return meetings;
    String added = String.join("\n", daysOff);
    return meetings.isBlank() ? added : meetings + "\n" + added;
  }

  /** The form as text, to copy, change and send back. */
  static String of(Hosting.SetupForm form) {
    StringBuilder text = new StringBuilder();
    text.append("zone: ").append(form.zone()).append('\n');
    text.append("time: ").append(form.time()).append('\n');
    text.append("link: ").append(form.links().replace('\n', ' ')).append('\n');
    if (!form.schedule().isEmpty()) text.append("schedule: ").append(form.schedule()).append('\n');
    text.append("meetings:");
    if (!form.meetings().isEmpty()) text.append('\n').append(form.meetings());
    return text.toString();
  }

  /**
   * The form {@code text} makes of {@code current}; each line that names no setting adds a problem,
   * named with the line.
   */
  static Hosting.SetupForm read(
      String text, Hosting.SetupForm current, Messages texts, List<String> problems) {
    String zone = current.zone();
    String time = current.time();
    String links = current.links();
    String schedule = current.schedule();
    List<String> meetings = null; // null: not written, so kept
    List<String> daysOff = new ArrayList<>();
    boolean inMeetings = false;
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) continue;
      Matcher setting = SETTING.matcher(line);
      if (!inMeetings && line.toLowerCase(Locale.ROOT).startsWith("not on ")) {
        // A week off, on its own: added to those set, the meetings kept as they are.
        daysOff.add(line);
        continue;
      }
      if (!setting.matches()) {
        if (inMeetings) {
          meetings.add(line);
        } else {
          problems.add(texts.get(Text.SETUP_UNKNOWN_LINE, "input", Echo.of(line)));
        }
        continue;
      }
      String value = setting.group(2).strip();
      inMeetings = false;
      switch (setting.group(1).toLowerCase(Locale.ROOT).replace(" ", "")) {
        case "timezone", "zone" -> zone = value;
        case "time" -> time = value;
        case "link", "links" -> links = value;
        case "schedule" -> schedule = value;
        default -> {
          // The lines after it, up to the next setting, are the meetings.
          meetings = new ArrayList<>();
          if (!value.isEmpty()) meetings.add(value);
          inMeetings = true;
        }
      }
    }
    return new Hosting.SetupForm(
        links,
        schedule,
        time,
        zone,
        current.channel(),
        withDaysOff(
            Optional.ofNullable(meetings)
                .map(lines -> String.join("\n", lines))
                .orElse(current.meetings()),
            daysOff));
  }
}
