package org.porchlight.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.porchlight.core.Community;
import org.porchlight.core.MeetingReminder;
import org.porchlight.core.MemberId;
import org.porchlight.core.port.MeetingReminderStore;

/**
 * Members' reminder choices in {@code meeting_reminder_choices}, the reminders sent in {@code
 * meeting_reminders}.
 */
final class JdbcMeetingReminderStore implements MeetingReminderStore {
  static final String COLUMNS = "r.reminding, r.minutes_before, r.in_quiet_hours, r.offered";

  private final Jdbc jdbc;

  JdbcMeetingReminderStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public MeetingReminder meetingReminder(MemberId member) {
    return jdbc.queryOne(
            "SELECT "
                + COLUMNS
                + " FROM meeting_reminder_choices r JOIN members m ON m.id = r.member_id"
                + " WHERE m.platform = ? AND m.user_id = ?",
            statement -> JdbcMemberStore.bindId(statement, 1, member),
            JdbcMeetingReminderStore::choices)
        .orElse(MeetingReminder.DEFAULT);
  }

  @Override
  public void saveMeetingReminder(MemberId member, MeetingReminder reminder, Instant now) {
    Optional<Long> rowId =
        jdbc.queryOne(
            "SELECT id FROM members WHERE platform = ? AND user_id = ?",
            statement -> JdbcMemberStore.bindId(statement, 1, member),
            row -> row.getLong("id"));
    if (rowId.isEmpty()) return;
    jdbc.upsert(
        "UPDATE meeting_reminder_choices SET reminding = ?, minutes_before = ?,"
            + " in_quiet_hours = ?, offered = ?, next_look_at = ? WHERE member_id = ?",
        "INSERT INTO meeting_reminder_choices (reminding, minutes_before, in_quiet_hours,"
            + " offered, next_look_at, member_id) VALUES (?, ?, ?, ?, ?, ?)",
        statement -> bind(statement, rowId.get(), reminder, now),
        statement -> bind(statement, rowId.get(), reminder, now));
  }

  @Override
  public List<MeetingReminder.Sent> meetingRemindersSent(MemberId member) {
    return jdbc.query(
        "SELECT c.platform, c.place_id, s.meeting_at, s.sent_at FROM meeting_reminders s"
            + " JOIN communities c ON c.id = s.community_id"
            + " JOIN members m ON m.id = s.member_id WHERE m.platform = ? AND m.user_id = ?"
            + " ORDER BY s.meeting_at",
        statement -> JdbcMemberStore.bindId(statement, 1, member),
        row ->
            new MeetingReminder.Sent(
                new Community.Id(row.getString("platform"), row.getString("place_id")),
                Jdbc.getInstant(row, "meeting_at").orElseThrow(),
                Jdbc.getInstant(row, "sent_at").orElseThrow()));
  }

  @Override
  public void wentOut(MemberId member, Instant meetingAt) {
    jdbc.update(
        "UPDATE meeting_reminders SET went_out = TRUE WHERE meeting_at = ? AND member_id ="
            + " (SELECT id FROM members WHERE platform = ? AND user_id = ?)",
        statement -> {
          Jdbc.setInstant(statement, 1, Optional.of(meetingAt));
          JdbcMemberStore.bindId(statement, 2, member);
        });
  }

  @Override
  public Reminding reminding(Community.Id community, Instant from, Instant to) {
    // Members whose home is the community: no later visit elsewhere.
    int members =
        jdbc.queryOne(
                "SELECT COUNT(*) AS n FROM meeting_reminder_choices r"
                    + " JOIN community_members v ON v.member_id = r.member_id"
                    + " WHERE r.reminding AND v.community_id = "
                    + JdbcCommunityStore.COMMUNITY
                    + " AND NOT EXISTS (SELECT 1 FROM community_members o"
                    + " WHERE o.member_id = v.member_id AND o.last_seen_at > v.last_seen_at)",
                statement -> JdbcCommunityStore.bindId(statement, 1, community),
                row -> row.getInt("n"))
            .orElse(0);
    int sent =
        jdbc.queryOne(
                "SELECT COUNT(*) AS n FROM meeting_reminders WHERE community_id = "
                    + JdbcCommunityStore.COMMUNITY
                    + " AND went_out AND sent_at >= ? AND sent_at < ?",
                statement -> {
                  JdbcCommunityStore.bindId(statement, 1, community);
                  Jdbc.setInstant(statement, 3, Optional.of(from));
                  Jdbc.setInstant(statement, 4, Optional.of(to));
                },
                row -> row.getInt("n"))
            .orElse(0);
    return new Reminding(members, sent);
  }

  /** A member's choices from a row with {@link #COLUMNS}. */
  static MeetingReminder choices(ResultSet row) throws SQLException {
    return new MeetingReminder(
        row.getBoolean("reminding"),
        Duration.ofMinutes(row.getInt("minutes_before")),
        row.getBoolean("in_quiet_hours"),
        row.getBoolean("offered"));
  }

  private static void bind(
      PreparedStatement statement, long memberRowId, MeetingReminder reminder, Instant now)
      throws SQLException {
    statement.setBoolean(1, reminder.on());
    statement.setInt(2, (int) reminder.before().toMinutes());
    statement.setBoolean(3, reminder.inQuietHours());
    statement.setBoolean(4, reminder.offered());
    // On: the sweep looks for the next reminder at once, with these choices.
    Jdbc.setInstant(statement, 5, reminder.on() ? Optional.of(now) : Optional.empty());
    statement.setLong(6, memberRowId);
  }
}
