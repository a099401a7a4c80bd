package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
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
  // Join codes: no 0/o, 1/l/i, so one read aloud or copied by hand still works.
  private static final String JOIN_CODE_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final int JOIN_CODE_LENGTH = 8;
  private final SecureRandom codes = new SecureRandom();
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
  public Answer setup(Community.Id id, String name, SetupForm form, String locale) {
    return setup(id, name, form, content.messagesFor(locale), new ArrayList<>());
  }

  /**
   * What a host is told of their setup, and whether it was saved (nothing is when any part can't be
   * read).
   */
  public record Answer(Reply reply, boolean saved) {}

  /**
   * A setup written as text, one setting a line (where there are no forms, as in a Telegram group):
   * settings left out keep their values. With nothing written, says how, with the setup as it
   * stands to copy and change.
   */
  public Reply setupFromText(Community.Id id, String name, String written, String locale) {
    Messages texts = content.messagesFor(locale);
    Community now = community(id, name);
    SetupForm current = SetupForm.of(now);
    if (written.isBlank()) {
      boolean unset = now.equals(Community.unset(id, now.name()));
      return Reply.text(
          texts.get(
              unset ? Text.SETUP_BY_TEXT_FIRST : Text.SETUP_BY_TEXT,
              "name",
              name,
              "setup",
              unset ? texts.get(Text.SETUP_BY_TEXT_EXAMPLE) : SetupText.of(current)));
    }
    List<String> problems = new ArrayList<>();
    SetupForm form = SetupText.read(written, current, texts, problems);
    return setup(id, name, form, texts, problems).reply();
  }

  private Answer setup(
      Community.Id id, String name, SetupForm typed, Messages texts, List<String> problems) {
    // What a host types is shown to every member: nothing in it may act on a screen.
    SetupForm form =
        new SetupForm(
            Echo.keepable(typed.links()),
            Echo.keepable(typed.schedule()),
            Echo.keepable(typed.time()),
            Echo.keepable(typed.zone()),
            typed.channel().map(Echo::of).filter(channel -> !channel.isEmpty()),
            Echo.keepable(typed.meetings()));

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
      return new Answer(
          Reply.text(texts.get(Text.SETUP_PROBLEMS) + "\n" + String.join("\n", problems)), false);
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
    return new Answer(Reply.text(describe(community, texts)), true);
  }

  /**
   * The code of the community's join link ({@code t.me/<bot>?start=c_CODE} on Telegram): opened, it
   * makes the community the member's home, with its defaults for someone new.
   */
  public String joinCode(Community.Id id, String name) {
    StringBuilder code = new StringBuilder(JOIN_CODE_LENGTH);
    for (int i = 0; i < JOIN_CODE_LENGTH; i++) {
      code.append(JOIN_CODE_LETTERS.charAt(codes.nextInt(JOIN_CODE_LETTERS.length())));
    }
    return communities.joinCode(id, name, code.toString());
  }

  /** A place that became another (a Telegram group now a supergroup): the same community. */
  public void moved(Community.Id from, Community.Id to) {
    communities.moved(from, to);
  }

  /**
   * What {@code /group} says in the group itself: its weekly meetings in its own time, or its
   * links; nothing about anyone.
   */
  public Reply aboutGroup(Community.Id id, String name, String locale) {
    Messages texts = content.messagesFor(locale);
    Community community = community(id, name);
    String about;
    if (!community.meetings().isEmpty() && community.defaultZone().isPresent()) {
      about =
          texts.get(
              Text.GROUP_CARD,
              "name",
              name,
              "zone",
              community.defaultZone().get().getId(),
              "meetings",
              community.meetings().stream()
                  .map(WeeklyMeetings::line)
                  .collect(java.util.stream.Collectors.joining("\n")));
    } else if (community.group().hasMeeting()) {
      Group group = community.group();
      about = new Group(name, group.meetingUrl(), group.schedule()).said(texts);
    } else {
      about = texts.get(Text.GROUP_NONE);
    }
    return Reply.text(about + "\n\n" + texts.get(Text.GROUP_CARD_PRIVATELY));
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
            "time",
            community.defaultTime().map(LocalTime::toString).orElse(none),
            "zone",
            community.defaultZone().map(ZoneId::getId).orElse(none));
    if (community.checkInChannel().isPresent()) {
      saved +=
          "\n"
              + texts.get(
                  Text.SETUP_CHANNEL, "channel", "<#" + community.checkInChannel().get() + ">");
    }
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
    return saved + "\n" + texts.get(Text.SETUP_SAVED_END);
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
