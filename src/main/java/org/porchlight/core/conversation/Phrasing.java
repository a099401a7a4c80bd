package org.porchlight.core.conversation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.porchlight.core.Action.GroupHome;
import org.porchlight.core.CheckInSchedule;
import org.porchlight.core.Community;
import org.porchlight.core.Group;
import org.porchlight.core.Meeting;
import org.porchlight.core.Mood;
import org.porchlight.core.Pod;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;

/** How things are said back: input echoed, the next check-in, the group, days and moods. */
final class Phrasing {
  private final Context ctx;

  Phrasing(Context ctx) {
    this.ctx = ctx;
  }

  /** When the next check-in comes, in the member's own time, or that none is set yet. */
  String nextCheckIn(Turn t) {
    Optional<Instant> next = t.member.nextCheckInAt();
    if (next.isEmpty()) return t.texts.get(Text.NEXT_NONE_YET);
    ZoneId zone = t.member.zoneOrUtc();
    LocalDate day = LocalDate.ofInstant(next.get(), zone);
    if (t.stored && ctx.stores.checkIns().find(t.id, day).isPresent()) {
      // That day was asked already (or answered unasked): the sweep won't ask again, so the
      // next question is the day after's.
      next = CheckInSchedule.next(t.member, day.plusDays(1).atStartOfDay(zone).toInstant());
      if (next.isEmpty()) return t.texts.get(Text.NEXT_NONE_YET);
    }
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern(t.texts.get(Text.WHEN_FORMAT), t.locale());
    return t.texts.get(
        Text.NEXT_CHECK_IN, "when", format.format(next.get().atZone(t.member.zoneOrUtc())));
  }

  /** How many of a member's other groups /group offers to make home. */
  private static final int HOMES_OFFERED = 5;

  /**
   * {@code /group}: the home group's meeting; for a member of several groups (outside any of them),
   * which they are, with a button to make another one home.
   */
  void group(Turn t) {
    String meeting = groupText(t).orElse(t.texts.get(Text.GROUP_NONE));
    List<Community.Visit> groups =
        t.stored && t.place.isEmpty() ? ctx.stores.communities().visitsOf(t.id) : List.of();
    if (groups.size() < 2) {
      t.say(meeting);
      return;
    }
    List<String> names = new ArrayList<>();
    List<Reply.Button> buttons = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Community.Visit group = groups.get(i);
      // The latest used is home.
      names.add(i == 0 ? t.texts.get(Text.GROUP_HOME, "name", group.name()) : group.name());
      if (i > 0 && buttons.size() < HOMES_OFFERED) {
        buttons.add(
            new Reply.Button(
                t.texts.get(Text.BUTTON_MAKE_HOME, "name", group.name()),
                new GroupHome(i, Pod.check(group.id().placeId())).encode()));
      }
    }
    t.reply(
        Reply.withButtons(
            meeting + "\n\n" + t.texts.get(Text.GROUP_SEVERAL, "groups", String.join(", ", names)),
            buttons));
  }

  /** Makes the group at {@code index} of /group's list the member's home. */
  void makeHome(Turn t, int index, String check) {
    List<Community.Visit> groups =
        t.stored ? ctx.stores.communities().visitsOf(t.id) : List.<Community.Visit>of();
    if (index < 0
        || index >= groups.size()
        || !Pod.check(groups.get(index).id().placeId()).equals(check)) {
      t.say(t.texts.get(Text.STALE_BUTTON));
      return;
    }
    Community.Visit chosen = groups.get(index);
    ctx.stores.communities().visited(t.id, chosen.id(), chosen.name(), t.now);
    t.say(
        t.texts.get(Text.GROUP_HOME_SET, "name", chosen.name())
            + groupText(t).map(text -> "\n\n" + text).orElse(""));
  }

  /** The member's group and its meeting: their community's, else the configured one. */
  Optional<String> groupText(Turn t) {
    Optional<Community> community = community(t);
    Optional<Meeting.Next> next = community.flatMap(c -> c.nextMeeting(t.now));
    if (next.isPresent()) return Optional.of(nextMeeting(t, community.get(), next.get()));
    Group group =
        community.map(Community::group).filter(Group::hasMeeting).orElse(ctx.content.group());
    if (!group.hasMeeting()) return Optional.empty();
    return Optional.of(group.said(t.texts));
  }

  /** The community the member is in now, else their home: the one whose meetings they are shown. */
  Optional<Community> community(Turn t) {
    return t.place.isPresent()
        ? ctx.stores.communities().find(t.place.get().id())
        : ctx.stores.communities().homeOf(t.id);
  }

  /** "Evening circle: Tuesday at 20:00 your time, in 3 days. https://…", in the member's time. */
  private String nextMeeting(Turn t, Community community, Meeting.Next next) {
    ZonedDateTime mine = next.at().withZoneSameInstant(t.member.zoneOrUtc());
    long days = ChronoUnit.DAYS.between(t.today(), mine.toLocalDate());
    String when =
        days == 0
            ? t.texts.get(Text.GROUP_TODAY)
            : days == 1
                ? t.texts.get(Text.GROUP_TOMORROW)
                : t.texts.get(Text.GROUP_IN_DAYS, "days", days);
    Meeting meeting = next.meeting();
    return t.texts.get(
        Text.GROUP_NEXT,
        "name",
        meetingName(community, meeting),
        "day",
        mine.getDayOfWeek().getDisplayName(TextStyle.FULL, t.locale()),
        "time",
        mine.toLocalTime().toString(),
        "when",
        when,
        "where",
        meetingWhere(community, meeting));
  }

  /** A meeting's name, or its community's when it has none. */
  static String meetingName(Community community, Meeting meeting) {
    return meeting.name().isEmpty() ? community.name() : meeting.name();
  }

  /** Where a meeting is: its own link or place, else the community's links. */
  static String meetingWhere(Community community, Meeting meeting) {
    return !meeting.where().isEmpty()
        ? meeting.where()
        : String.join(" · ", community.meetingLinks());
  }

  String zoneName(Turn t) {
    return t.member.zone().map(ZoneId::getId).orElse("UTC");
  }

  String countryName(Turn t, Optional<String> code) {
    return code.map(c -> new Locale("", c).getDisplayCountry(t.locale()))
        .orElse(ctx.content.crisisLines().international().name());
  }

  String dayName(Turn t, LocalDate day) {
    return DateTimeFormatter.ofPattern(t.texts.get(Text.DAY_FORMAT), t.locale()).format(day);
  }

  String moodName(Turn t, Mood mood) {
    return t.texts.get(
        switch (mood) {
          case FINE -> Text.MOOD_FINE;
          case ROUGH -> Text.MOOD_ROUGH;
          case SKIPPED -> Text.MOOD_SKIPPED;
        });
  }
}
