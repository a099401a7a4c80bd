package org.porchlight.core.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.porchlight.core.Action.MeetingRemindersOff;
import org.porchlight.core.Action.MeetingRemindersOn;
import org.porchlight.core.Community;
import org.porchlight.core.Meeting;
import org.porchlight.core.MeetingReminder;
import org.porchlight.core.Member;
import org.porchlight.core.Messages;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;

/**
 * Reminders before the member's group meets, for those who ask: {@code /group remind on|off}, how
 * long before ({@code /group remind 30}, {@code 2h}), whether quiet hours may have them ({@code
 * quiet-ok}, {@code quiet}); offered once with a button after a rough day that names a meeting; the
 * reminder itself as the sweep sends it, with one tap to stop.
 */
final class MeetingReminders {
  // Below this, "in 45 minutes"; from it, "in about 3 hours".
  private static final Duration IN_HOURS_FROM = Duration.ofHours(2);

  private final Context ctx;

  MeetingReminders(Context ctx) {
    this.ctx = ctx;
  }

  /** {@code /group remind}, with what follows it. */
  void command(Turn t, String args) {
    String word = args.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    MeetingReminder reminder = current(t);
    switch (word) {
      case "" -> t.say(status(t, reminder));
      case "on" -> on(t);
      case "off", "stop" -> off(t);
      case "quiet-ok", "quietok", "quiet ok" -> {
        save(t, reminder.withInQuietHours(true));
        t.say(t.texts.get(Text.MEETING_REMINDER_QUIET_OK));
      }
      case "quiet" -> {
        save(t, reminder.withInQuietHours(false));
        t.say(t.texts.get(Text.MEETING_REMINDER_QUIET));
      }
      default -> {
        Optional<Duration> before = MeetingReminder.parseBefore(word);
        if (before.isEmpty()) {
          t.say(t.texts.get(Text.MEETING_REMINDER_BAD_INPUT, "input", args.strip()));
        } else if (!MeetingReminder.allowed(before.get())) {
          t.say(t.texts.get(Text.MEETING_REMINDER_OUT_OF_RANGE));
        } else {
          turnOn(t, reminder.withBefore(before.get()));
        }
      }
    }
  }

  /** Whether {@code args} is one of {@code /group remind}'s words, such as "on" or "2h". */
  static boolean isReminderWord(String args) {
    String word = args.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return List.of("on", "off", "stop", "quiet", "quiet-ok", "quietok", "quiet ok").contains(word)
        || MeetingReminder.parseBefore(word).isPresent();
  }

  /** Turns reminders on, as they were last set (an hour before, at first). */
  void on(Turn t) {
    turnOn(t, current(t));
  }

  /** Turns reminders off: the one tap under each reminder, or {@code /group remind off}. */
  void off(Turn t) {
    save(t, current(t).withOn(false));
    t.say(t.texts.get(Text.MEETING_REMINDER_OFF));
  }

  /**
   * "Remind me before it", for the rough-day reply that names a weekly meeting: once, to a member
   * who has no reminders yet. Showing it is noted, so that it is not offered again.
   */
  Optional<Reply.Button> offer(Turn t) {
    if (!t.stored) return Optional.empty();
    MeetingReminder reminder = current(t);
    if (reminder.on() || reminder.offered()) return Optional.empty();
    boolean namesAMeeting =
        t.flows.phrasing().community(t).flatMap(c -> c.nextMeeting(t.now)).isPresent();
    if (!namesAMeeting) return Optional.empty();
    ctx.stores.meetingReminders().saveMeetingReminder(t.id, reminder.offeredNow(), t.now);
    return Optional.of(
        new Reply.Button(
            t.texts.get(Text.BUTTON_MEETING_REMINDERS_ON), new MeetingRemindersOn().encode()));
  }

  /** The reminder as the sweep sends it, for the meeting on {@code date} in the member's zone. */
  Optional<Reply> letter(Member member, LocalDate date) {
    Messages texts = ctx.content.messagesFor(member.locale());
    ZoneId zone = member.zoneOrUtc();
    Instant now = ctx.clock.instant();
    Optional<MeetingReminder.Sent> sent =
        ctx.stores.meetingReminders().meetingRemindersSent(member.id()).stream()
            .filter(s -> s.meetingAt().atZone(zone).toLocalDate().equals(date))
            .max(Comparator.comparing(MeetingReminder.Sent::meetingAt));
    Optional<Community> community = sent.flatMap(s -> ctx.stores.communities().find(s.community()));
    Optional<Meeting> meeting =
        sent.flatMap(s -> community.flatMap(c -> meetingAt(c, s.meetingAt())));
    List<Reply.Button> stop =
        List.of(
            new Reply.Button(
                texts.get(Text.BUTTON_MEETING_REMINDERS_OFF), new MeetingRemindersOff().encode()));
    if (sent.isPresent() && !sent.get().meetingAt().isAfter(now)) {
      // Held up (an outage, a long backlog) until the meeting had begun: too late to help.
      return Optional.empty();
    }
    // Put into words to go now: hosts' summaries count it as gone out.
    sent.ifPresent(s -> ctx.stores.meetingReminders().wentOut(member.id(), s.meetingAt()));
    if (meeting.isEmpty()) {
      // The host changed the meetings since: no name or place to give with certainty.
      return Optional.of(Reply.withButtons(texts.get(Text.MEETING_REMINDER_SOON), stop));
    }
    ZonedDateTime at = sent.get().meetingAt().atZone(zone);
    String text =
        texts.any(
            Text.MEETING_REMINDER,
            ctx.random,
            "name",
            Phrasing.meetingName(community.get(), meeting.get()),
            "when",
            when(texts, Duration.between(now, at.toInstant())),
            "time",
            at.toLocalTime().toString(),
            "where",
            Phrasing.meetingWhere(community.get(), meeting.get()));
    return Optional.of(Reply.withButtons(text.strip(), stop));
  }

  /** The weekly meeting of {@code community} that starts at {@code at}, if it still does. */
  private static Optional<Meeting> meetingAt(Community community, Instant at) {
    if (community.defaultZone().isEmpty()) return Optional.empty();
    ZoneId zone = community.defaultZone().get();
    return community.meetings().stream()
        .filter(
            m ->
                m.nextAfter(at.minusSeconds(1), zone, Set.of())
                    .map(next -> next.toInstant().equals(at))
                    .orElse(false))
        .findFirst();
  }

  private static String when(Messages texts, Duration untilStart) {
    long minutes = Math.max(1, (untilStart.getSeconds() + 59) / 60);
    if (untilStart.compareTo(IN_HOURS_FROM) < 0) {
      return texts.get(Text.MEETING_REMINDER_IN_MINUTES, "minutes", minutes);
    }
    return texts.get(Text.MEETING_REMINDER_IN_HOURS, "hours", Math.round(minutes / 60.0));
  }

  private void turnOn(Turn t, MeetingReminder reminder) {
    save(t, reminder.withOn(true));
    String text = t.texts.get(Text.MEETING_REMINDER_ON, "before", before(t.texts, reminder));
    boolean hasMeetings =
        t.flows.phrasing().community(t).flatMap(c -> c.nextMeeting(t.now)).isPresent();
    Optional<String> next = hasMeetings ? t.flows.phrasing().groupText(t) : Optional.empty();
    t.say(text + "\n\n" + next.orElseGet(() -> t.texts.get(Text.MEETING_REMINDER_NO_MEETING)));
  }

  private String status(Turn t, MeetingReminder reminder) {
    String before = before(t.texts, reminder);
    if (!reminder.on()) return t.texts.get(Text.MEETING_REMINDER_STATUS_OFF, "before", before);
    return t.texts.get(
        reminder.inQuietHours()
            ? Text.MEETING_REMINDER_STATUS_QUIET_OK
            : Text.MEETING_REMINDER_STATUS,
        "before",
        before);
  }

  /** "60 minutes", "90 minutes", "2 hours". */
  private static String before(Messages texts, MeetingReminder reminder) {
    long minutes = reminder.before().toMinutes();
    return minutes >= 120 && minutes % 60 == 0
        ? texts.get(Text.MEETING_REMINDER_HOURS, "hours", minutes / 60)
        : texts.get(Text.MEETING_REMINDER_MINUTES, "minutes", minutes);
  }

  private MeetingReminder current(Turn t) {
    return t.stored ? ctx.stores.meetingReminders().meetingReminder(t.id) : MeetingReminder.DEFAULT;
  }

  private void save(Turn t, MeetingReminder reminder) {
    t.ensureStored();
    ctx.stores.meetingReminders().saveMeetingReminder(t.id, reminder, t.now);
  }
}
