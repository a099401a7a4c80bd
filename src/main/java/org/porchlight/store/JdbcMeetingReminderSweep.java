package org.porchlight.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.porchlight.core.Community;
import org.porchlight.core.DueMeetingReminders;
import org.porchlight.core.DueMeetingReminders.Remind;
import org.porchlight.core.MeetingReminder;
import org.porchlight.core.Member;
import org.porchlight.core.Prompt;

/**
 * The sweep's part for reminders before meetings: members whose next look has come are claimed with
 * {@code FOR UPDATE SKIP LOCKED}; a reminder is noted under its meeting's key and put in the outbox
 * in the same transaction, so each meeting gets one reminder per member however many instances
 * sweep.
 */
final class JdbcMeetingReminderSweep {
  // Sent reminders are kept this long: hosts' summaries count the last week of them.
  private static final Duration KEPT_FOR = Duration.ofDays(14);
  private static final String HOME =
      "SELECT c.id AS community_row, "
          + JdbcCommunityStore.COLUMNS
          + " FROM communities c JOIN community_members v ON v.community_id = c.id"
          + " WHERE v.member_id = ? ORDER BY v.last_seen_at DESC LIMIT 1";
  private static final String NOTE_SENT =
      "INSERT INTO meeting_reminders (member_id, meeting_at, community_id, sent_at)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String NEXT_LOOK =
      "UPDATE meeting_reminder_choices SET next_look_at = ? WHERE member_id = ?";
  private static final String FORGET_OLD = "DELETE FROM meeting_reminders WHERE sent_at < ?";

  private final Jdbc jdbc;
  private final String claim;

  JdbcMeetingReminderSweep(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
    this.claim =
        "SELECT r.member_id, "
            + JdbcMeetingReminderStore.COLUMNS
            + " FROM meeting_reminder_choices r WHERE r.next_look_at <= ?"
            + jdbc.claimOrder("r.next_look_at")
            + " LIMIT ? FOR UPDATE SKIP LOCKED";
  }

  private record Claimed(long rowId, MeetingReminder choices) {}

  private record Home(long rowId, Community community) {}

  /** Claims up to {@code limit} members due a look, and acts on each; returns how many. */
  int sweep(Instant now, int limit) {
    return jdbc.inTransaction(
        "sweeping reminders before meetings",
        connection -> {
          try (PreparedStatement forget = connection.prepareStatement(FORGET_OLD)) {
            Jdbc.setInstant(forget, 1, Optional.of(now.minus(KEPT_FOR)));
            forget.executeUpdate();
          }
          List<Claimed> claimed = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(claim)) {
            Jdbc.setInstant(select, 1, Optional.of(now));
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                claimed.add(
                    new Claimed(rows.getLong("member_id"), JdbcMeetingReminderStore.choices(rows)));
              }
            }
          }
          if (claimed.isEmpty()) return 0;
          Map<Long, Member> members = new HashMap<>();
          Map<Long, Boolean> reachable = new HashMap<>();
          try (PreparedStatement select = connection.prepareStatement(JdbcMemberStore.BY_ROW_IDS)) {
            select.setArray(
                1,
                connection.createArrayOf("BIGINT", claimed.stream().map(Claimed::rowId).toArray()));
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                members.put(rows.getLong("id"), JdbcMemberStore.member(rows));
                reachable.put(rows.getLong("id"), rows.getObject("unreachable_since") == null);
              }
            }
          }
          try (PreparedStatement home = connection.prepareStatement(HOME);
              PreparedStatement noteSent = connection.prepareStatement(NOTE_SENT);
              PreparedStatement outbox = connection.prepareStatement(JdbcDueStore.INSERT_OUTBOX);
              PreparedStatement nextLook = connection.prepareStatement(NEXT_LOOK)) {
            for (Claimed one : claimed) {
              Member member = members.get(one.rowId());
              Optional<Home> where = home(home, one.rowId());
              DueMeetingReminders.Outcome outcome =
                  DueMeetingReminders.due(
                      member,
                      reachable.get(one.rowId()),
                      one.choices(),
                      where.map(Home::community),
                      now);
              if (outcome.decision() instanceof Remind remind
                  && noted(noteSent, one.rowId(), remind, where.get(), now)) {
                outbox.setLong(1, one.rowId());
                outbox.setString(2, member.id().platform());
                outbox.setString(3, Prompt.MEETING_REMINDER.key());
                outbox.setObject(4, remind.dateFor(member));
                Jdbc.setInstant(outbox, 5, Optional.of(now));
                Jdbc.setInstant(outbox, 6, Optional.of(now));
                outbox.addBatch();
              }
              Jdbc.setInstant(nextLook, 1, outcome.nextLookAt());
              nextLook.setLong(2, one.rowId());
              nextLook.addBatch();
            }
            outbox.executeBatch();
            nextLook.executeBatch();
          }
          return claimed.size();
        });
  }

  private static Optional<Home> home(PreparedStatement home, long memberRowId) throws SQLException {
    home.setLong(1, memberRowId);
    try (ResultSet rows = home.executeQuery()) {
      if (!rows.next()) return Optional.empty();
      return Optional.of(
          new Home(rows.getLong("community_row"), JdbcCommunityStore.community(rows)));
    }
  }

  /** Notes the reminder under its meeting's key; false when it was noted before. */
  private static boolean noted(
      PreparedStatement noteSent, long memberRowId, Remind remind, Home home, Instant now)
      throws SQLException {
    noteSent.setLong(1, memberRowId);
    Jdbc.setInstant(noteSent, 2, Optional.of(remind.meeting().at().toInstant()));
    noteSent.setLong(3, home.rowId());
    Jdbc.setInstant(noteSent, 4, Optional.of(now));
    return noteSent.executeUpdate() == 1;
  }
}
