package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.porchlight.core.Action.PostedAnswer;
import org.porchlight.core.port.CommunityStore;
import org.porchlight.core.port.CommunityStore.Week;
import org.porchlight.core.port.MeetingReminderStore;
import org.porchlight.core.port.MeetingReminderStore.Reminding;

/**
 * What hosts do for their community: set up its meeting and defaults, post a check-in everyone can
 * answer privately, and see the week's numbers, which never point to anyone. Platforms check who is
 * a host; this class trusts them.
 */
public final class Hosting {
  /** Below this many members a week's numbers could point to someone, so none are shown. */
  public static final int FEWEST_MEMBERS_SHOWN = 5;

  private static final int MAX_LINKS = 3;
  private static final int MAX_SCHEDULE = 100;

  private final CommunityStore communities;
  private final MeetingReminderStore reminders;
  private final Content content;
  private final Places places;
  private final Clock clock;

  public Hosting(
      CommunityStore communities,
      MeetingReminderStore reminders,
      Content content,
      Places places,
      Clock clock) {
    this.communities = requireNonNull(communities, "communities == null");
    this.reminders = requireNonNull(reminders, "reminders == null");
    this.content = requireNonNull(content, "content == null");
    this.places = requireNonNull(places, "places == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /** What a host typed into the setup form; blank fields clear a setting. */
  public record SetupForm(
      String links,
      String schedule,
      String time,
      String zone,
      Optional<String> channel,
      String meetings) {
    public SetupForm {
      requireNonNull(meetings, "meetings == null");
      requireNonNull(links, "links == null");
      requireNonNull(schedule, "schedule == null");
      requireNonNull(time, "time == null");
      requireNonNull(zone, "zone == null");
      requireNonNull(channel, "channel == null");
    }

    /** The form as it stands for a community, for a host to change. */
    public static SetupForm of(Community community) {
      return new SetupForm(
          String.join("\n", community.meetingLinks()),
          community.meetingSchedule().orElse(""),
          community.defaultTime().map(LocalTime::toString).orElse(""),
          community.defaultZone().map(ZoneId::getId).orElse(""),
          community.checkInChannel(),
          WeeklyMeetings.lines(community));
    }
  }

  /** The community as stored, or as it starts before anyone set it up. */
  public Community community(Community.Id id, String name) {
    return communities.find(id).orElseGet(() -> Community.unset(id, name));
  }

  /**
   * Saves a community's setup, or, when anything in the form can't be read, saves nothing and says
   * exactly what, with an example that works.
   */
  public Reply setup(Community.Id id, String name, SetupForm form, String locale) {
    Messages texts = content.messagesFor(locale);
    List<String> problems = new ArrayList<>();

    List<String> links = new ArrayList<>();
    for (String line : form.links().split("[\\s,]+")) {
      if (line.isBlank()) continue;
      if (isWebLink(line)) {
        links.add(line);
      } else {
        problems.add(texts.get(Text.SETUP_BAD_LINK, "input", Echo.of(line)));
      }
    }
    if (links.size() > MAX_LINKS)
      problems.add(texts.get(Text.SETUP_TOO_MANY_LINKS, "max", MAX_LINKS));

    String schedule = form.schedule().strip().replaceAll("\\s+", " ");
    if (schedule.length() > MAX_SCHEDULE) {
      problems.add(texts.get(Text.SETUP_SCHEDULE_TOO_LONG, "max", MAX_SCHEDULE));
    }

    Optional<LocalTime> time = Optional.empty();
    if (!form.time().isBlank()) {
      time = TimeInput.parse(form.time());
      if (time.isEmpty())
        problems.add(texts.get(Text.SETUP_BAD_TIME, "input", Echo.of(form.time())));
    }

    Optional<ZoneId> zone = Optional.empty();
    if (!form.zone().isBlank()) {
      if (places.find(form.zone()) instanceof Places.Found.Zone found) {
        zone = Optional.of(found.zone());
      } else {
        problems.add(texts.get(Text.SETUP_BAD_ZONE, "input", Echo.of(form.zone())));
      }
    }

    WeeklyMeetings weekly =
        WeeklyMeetings.read(
            form.meetings(),
            texts,
            problems,
            LocalDate.now(clock.withZone(zone.orElse(ZoneOffset.UTC))));
    if (!weekly.meetings().isEmpty() && zone.isEmpty() && form.zone().isBlank()) {
      problems.add(texts.get(Text.SETUP_MEETINGS_NEED_ZONE));
    }

    if (!problems.isEmpty()) {
      return Reply.text(texts.get(Text.SETUP_PROBLEMS) + "\n" + String.join("\n", problems));
    }
    Community community =
        new Community(
            id,
            name,
            links,
            schedule.isEmpty() ? Optional.empty() : Optional.of(schedule),
            form.channel(),
            time,
            zone,
            weekly.meetings(),
            weekly.cancelled());
    communities.save(community);
    return Reply.text(describe(community, texts));
  }

  private static String describe(Community community, Messages texts) {
    String none = texts.get(Text.SETUP_NOT_SET);
    String meeting =
        community.meetingLinks().isEmpty()
            ? none
            : String.join(" · ", community.meetingLinks())
                + community.meetingSchedule().map(s -> " (" + s + ")").orElse("");
    String saved =
        texts.get(
            Text.SETUP_SAVED,
            "name",
            community.name(),
            "meeting",
            meeting,
            "channel",
            community.checkInChannel().map(c -> "<#" + c + ">").orElse(none),
            "time",
            community.defaultTime().map(LocalTime::toString).orElse(none),
            "zone",
            community.defaultZone().map(ZoneId::getId).orElse(none));
    if (!community.meetings().isEmpty()) {
      saved +=
          "\n"
              + texts.get(
                  Text.SETUP_MEETINGS,
                  "zone",
                  community.defaultZone().map(ZoneId::getId).orElse(none),
                  "meetings",
                  community.meetings().stream()
                      .map(WeeklyMeetings::line)
                      .collect(java.util.stream.Collectors.joining("; ")));
    }
    if (!community.cancelled().isEmpty()) {
      saved +=
          "\n"
              + texts.get(
                  Text.SETUP_CANCELLED,
                  "dates",
                  community.cancelled().stream()
                      .sorted()
                      .map(LocalDate::toString)
                      .collect(java.util.stream.Collectors.joining(", ")));
    }
    return saved;
  }

  /**
   * The community's last seven days, today included, in its zone: distinct members who answered and
   * how many days were fine and rough, how many members whose home it is asked for reminders before
   * its meetings and how many went out; withheld when fewer than {@link #FEWEST_MEMBERS_SHOWN}
   * members answered.
   */
  public Reply summary(Community.Id id, String name, String locale) {
    Messages texts = content.messagesFor(locale);
    ZoneId zone = communities.find(id).flatMap(Community::defaultZone).orElse(ZoneOffset.UTC);
    LocalDate to = LocalDate.now(clock.withZone(zone));
    LocalDate from = to.minusDays(6);
    Week week = communities.week(id, from, to);
    Reminding reminding =
        reminders.reminding(
            id, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    DateTimeFormatter day =
        DateTimeFormatter.ofPattern(texts.get(Text.DAY_FORMAT), Locale.forLanguageTag(locale));
    // The same figures for both texts: the withheld one names none of the week's numbers.
    return Reply.text(
        texts.get(
            week.members() < FEWEST_MEMBERS_SHOWN ? Text.SUMMARY_WITHHELD : Text.SUMMARY,
            "name",
            name,
            "from",
            day.format(from),
            "to",
            day.format(to),
            "fewest",
            FEWEST_MEMBERS_SHOWN,
            "members",
            week.members(),
            "fine",
            week.fine(),
            "rough",
            week.rough(),
            "reminding",
            reminding.members(),
            "sent",
            reminding.sent()));
  }

  /**
   * The check-in a host posts for everyone: each member's press answers their own today, wherever
   * they are, and the reply goes only to them.
   */
  public Reply post(String locale) {
    Messages texts = content.messagesFor(locale);
    return Reply.withButtons(
        texts.get(Text.POST_QUESTION),
        List.of(
            new Reply.Button(texts.get(Text.BUTTON_FINE), new PostedAnswer(Mood.FINE).encode()),
            new Reply.Button(texts.get(Text.BUTTON_ROUGH), new PostedAnswer(Mood.ROUGH).encode()),
            new Reply.Button(
                texts.get(Text.BUTTON_SKIP), new PostedAnswer(Mood.SKIPPED).encode())));
  }

  private static boolean isWebLink(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && text.length() <= 300;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
