package org.porchlight.core.port;

import java.time.Instant;
import java.util.List;
import org.porchlight.core.Community;
import org.porchlight.core.MeetingReminder;
import org.porchlight.core.MemberId;

/** Members' reminders before their group meets, and those sent. Gone with the member on /forget. */
public interface MeetingReminderStore {
  /** The member's choices; {@link MeetingReminder#DEFAULT} (off) when they made none. */
  MeetingReminder meetingReminder(MemberId member);

  /**
   * Replaces the member's choices; when on, the next reminder is looked for afresh from {@code
   * now}. Nothing happens for a member who is not stored.
   */
  void saveMeetingReminder(MemberId member, MeetingReminder reminder, Instant now);

  /** The reminders sent to the member lately (kept two weeks), oldest first: part of their data. */
  List<MeetingReminder.Sent> meetingRemindersSent(MemberId member);

  /**
   * Notes that the reminder for the meeting at {@code meetingAt} was put into words to go; only
   * those count as gone out (one dropped on the way does not).
   */
  void wentOut(MemberId member, Instant meetingAt);

  /**
   * Counts for a community's summary: members whose home it is with reminders on, and reminders
   * that went out for its meetings, by when they were due, from {@code from} (included) to {@code
   * to} (excluded).
   */
  Reminding reminding(Community.Id community, Instant from, Instant to);

  /** Anonymous counts: members with reminders on, and reminders sent. */
  record Reminding(int members, int sent) {}
}
