package org.porchlight.core.conversation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.porchlight.core.DaysInput;
import org.porchlight.core.Echo;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.Places;
import org.porchlight.core.QuietHours;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.TimeInput;

/**
 * A member's settings, each by its command: {@code /time}, {@code /timezone}, {@code /country},
 * {@code /days}, {@code /quiet}, {@code /pause} and {@code /resume}. A bad value gets what was
 * wrong and an example that works.
 */
final class SettingsCommands {
  private final Context ctx;

  SettingsCommands(Context ctx) {
    this.ctx = ctx;
  }

  void time(Turn t, String args) {
    if (args.isEmpty()) {
      t.reply(
          Reply.withButtons(t.texts.get(Text.TIME_MISSING), t.flows.onboarding().timeButtons(t)));
      return;
    }
    Optional<LocalTime> time = TimeInput.parse(args);
    if (time.isEmpty()) {
      t.say(t.texts.get(Text.TIME_INVALID, "input", Echo.of(args)));
    } else {
      setTime(t, time.get());
    }
  }

  void setTime(Turn t, LocalTime time) {
    boolean wasSetUp = t.member.isSetUp();
    if (t.member.quietHours().contains(time)) {
      // The member's own choice wins over quiet hours they probably never chose.
      QuietHours moved = t.member.quietHours().makingRoomFor(time);
      t.say(t.texts.get(Text.TIME_IN_QUIET_HOURS, "time", time, "quiet", moved));
      t.member = t.member.withQuietHours(moved);
    }
    t.update(t.member.withCheckInTime(time).withAwaiting(Awaiting.NOTHING));
    if (t.member.isSetUp() && !wasSetUp) {
      t.say(t.flows.onboarding().allSet(t));
    } else if (t.member.isSetUp()) {
      t.say(t.texts.get(Text.TIME_SET, "time", time) + "\n" + t.flows.phrasing().nextCheckIn(t));
    } else {
      t.say(t.texts.get(Text.TIME_SET, "time", time));
      t.flows.onboarding().askNextSetting(t);
    }
  }

  void timezone(Turn t, String args) {
    if (args.isEmpty()) {
      t.say(t.texts.get(Text.ZONE_MISSING));
      return;
    }
    zoneFound(t, args, ctx.places.find(args));
  }

  /** Words read while the zone is awaited: a zone found, or nothing to do with a zone. */
  boolean zoneFromWords(Turn t, String text) {
    Places.Found found = ctx.places.find(text);
    if (found instanceof Places.Found.Nothing) return false;
    zoneFound(t, text, found);
    return true;
  }

  private void zoneFound(Turn t, String input, Places.Found found) {
    if (found instanceof Places.Found.Zone zone) {
      setZone(t, zone.zone());
    } else if (found instanceof Places.Found.Several several) {
      List<String> options = several.zones().stream().limit(4).map(ZoneId::getId).toList();
      t.say(
          t.texts.get(
              Text.ZONE_SEVERAL,
              "input",
              Echo.of(input),
              "options",
              String.join(", ", options),
              "example",
              options.get(0)));
    } else {
      t.say(t.texts.get(Text.ZONE_NOT_FOUND, "input", Echo.of(input)));
    }
  }

  private void setZone(Turn t, ZoneId zone) {
    boolean wasSetUp = t.member.isSetUp();
    t.update(t.member.withZone(zone).withAwaiting(Awaiting.NOTHING));
    if (t.member.isSetUp() && !wasSetUp) {
      t.say(t.flows.onboarding().allSet(t));
      return;
    }
    String set =
        t.texts.get(
            Text.ZONE_SET,
            "zone",
            zone.getId(),
            "now",
            LocalTime.now(ctx.clock.withZone(zone)).withSecond(0).withNano(0));
    if (t.member.isSetUp()) {
      t.say(set + "\n" + t.flows.phrasing().nextCheckIn(t));
    } else {
      t.say(set);
      t.flows.onboarding().askNextSetting(t);
    }
  }

  void country(Turn t, String args) {
    Phrasing phrasing = t.flows.phrasing();
    String code = args.strip().toUpperCase(Locale.ROOT);
    if (code.isEmpty() || code.equals("AUTO")) {
      t.update(t.member.withCountry(Optional.empty()));
      t.say(
          t.texts.get(
              Text.COUNTRY_FROM_ZONE,
              "country",
              phrasing.countryName(t, t.flows.crisis().country(t))));
    } else if (code.length() == 2 && Set.of(Locale.getISOCountries()).contains(code)) {
      t.update(t.member.withCountry(Optional.of(code)));
      t.say(t.texts.get(Text.COUNTRY_SET, "country", phrasing.countryName(t, Optional.of(code))));
    } else {
      t.say(t.texts.get(Text.COUNTRY_INVALID, "input", Echo.of(args)));
    }
  }

  void days(Turn t, String args) {
    Optional<Set<DayOfWeek>> days = DaysInput.parse(args);
    if (days.isEmpty()) {
      t.say(t.texts.get(Text.DAYS_INVALID, "input", Echo.of(args)));
      return;
    }
    t.update(t.member.withDays(days.get()));
    String names =
        days.get().stream()
            .sorted()
            .map(d -> d.getDisplayName(TextStyle.SHORT, t.locale()))
            .collect(Collectors.joining(", "));
    t.say(t.texts.get(Text.DAYS_SET, "days", names) + "\n" + t.flows.phrasing().nextCheckIn(t));
  }

  void quiet(Turn t, String args) {
    Optional<QuietHours> hours =
        args.strip().equalsIgnoreCase("off") ? Optional.of(QuietHours.OFF) : QuietHours.parse(args);
    if (hours.isEmpty()) {
      t.say(t.texts.get(Text.QUIET_INVALID, "input", Echo.of(args)));
      return;
    }
    if (!hours.get().isOff() && hours.get().start().equals(hours.get().end())) {
      // "22:00-22:00" is all day to some and nothing to others: ask rather than guess.
      t.say(t.texts.get(Text.QUIET_SAME_START_AND_END, "time", hours.get().start()));
      return;
    }
    if (t.member.checkInTime().map(hours.get()::contains).orElse(false)) {
      t.say(
          t.texts.get(
              Text.QUIET_COVERS_CHECK_IN,
              "quiet",
              hours.get(),
              "time",
              t.member.checkInTime().get()));
      return;
    }
    t.update(t.member.withQuietHours(hours.get()));
    t.say(
        t.texts.get(Text.QUIET_SET, "quiet", hours.get())
            + "\n"
            + t.flows.phrasing().nextCheckIn(t));
  }

  void pause(Turn t, String args) {
    if (args.isEmpty()) {
      t.update(t.member.withPause(true, Optional.empty()));
      t.say(t.texts.get(Text.PAUSED));
      return;
    }
    int days;
    try {
      days = Integer.parseInt(args.strip());
    } catch (NumberFormatException e) {
      days = 0;
    }
    if (days < 1 || days > 365) {
      t.say(t.texts.get(Text.PAUSE_INVALID, "input", Echo.of(args)));
      return;
    }
    LocalDate lastPausedDay = t.today().plusDays(days - 1L);
    t.update(t.member.withPause(true, Optional.of(lastPausedDay)));
    t.say(
        t.texts.get(
            Text.PAUSED_FOR,
            "days",
            days,
            "back",
            t.flows.phrasing().dayName(t, lastPausedDay.plusDays(1))));
  }

  void resume(Turn t) {
    if (!t.member.isPausedOn(t.today())) {
      t.say(t.texts.get(Text.NOT_PAUSED) + "\n" + t.flows.phrasing().nextCheckIn(t));
      return;
    }
    t.update(t.member.withPause(false, Optional.empty()));
    t.say(t.texts.get(Text.RESUMED) + "\n" + t.flows.phrasing().nextCheckIn(t));
  }
}
