package org.porchlight.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.porchlight.core.Community;
import org.porchlight.core.Meeting;
import org.porchlight.core.port.MeetingEventStore;

/** The events shown for communities' weekly meetings, in {@code meeting_events}. */
final class JdbcMeetingEventStore implements MeetingEventStore {

  private final Jdbc jdbc;

  JdbcMeetingEventStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<MeetingEvent> eventsOf(Community.Id community) {
    return jdbc.query(
        "SELECT event_id, meeting_day, meeting_time, meeting_name, meeting_where, starts_at,"
            + " ends_at FROM meeting_events WHERE community_id = "
            + JdbcCommunityStore.COMMUNITY
            + " ORDER BY starts_at, event_id",
        statement -> JdbcCommunityStore.bindId(statement, 1, community),
        JdbcMeetingEventStore::event);
  }

  /** Saves nothing for a community that is not stored: its setup comes first. */
  @Override
  public void save(Community.Id community, MeetingEvent event) {
    jdbc.upsert(
        "UPDATE meeting_events SET meeting_day = ?, meeting_time = ?, meeting_name = ?,"
            + " meeting_where = ?, starts_at = ?, ends_at = ? WHERE event_id = ?"
            + " AND community_id = "
            + JdbcCommunityStore.COMMUNITY,
        "INSERT INTO meeting_events (meeting_day, meeting_time, meeting_name, meeting_where,"
            + " starts_at, ends_at, event_id, community_id)"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, c.id FROM communities c"
            + " WHERE c.platform = ? AND c.place_id = ?",
        statement -> bind(statement, community, event),
        statement -> bind(statement, community, event));
  }

  @Override
  public void remove(Community.Id community, String eventId) {
    jdbc.update(
        "DELETE FROM meeting_events WHERE event_id = ? AND community_id = "
            + JdbcCommunityStore.COMMUNITY,
        statement -> {
          statement.setString(1, eventId);
          JdbcCommunityStore.bindId(statement, 2, community);
        });
  }

  private static void bind(PreparedStatement statement, Community.Id community, MeetingEvent event)
      throws SQLException {
    Meeting meeting = event.meeting();
    statement.setString(1, JdbcMemberStore.code(meeting.day()));
    statement.setObject(2, meeting.time(), Types.TIME);
    statement.setString(3, meeting.name());
    statement.setString(4, meeting.where());
    Jdbc.setInstant(statement, 5, Optional.of(event.start()));
    Jdbc.setInstant(statement, 6, Optional.of(event.end()));
    statement.setString(7, event.eventId());
    JdbcCommunityStore.bindId(statement, 8, community);
  }

  private static MeetingEvent event(ResultSet row) throws SQLException {
    Meeting meeting =
        new Meeting(
            row.getString("meeting_name"),
            JdbcMemberStore.day(row.getString("meeting_day")).orElseThrow(),
            row.getObject("meeting_time", LocalTime.class),
            row.getString("meeting_where"));
    return new MeetingEvent(
        meeting,
        row.getString("event_id"),
        Jdbc.getInstant(row, "starts_at").orElseThrow(),
        Jdbc.getInstant(row, "ends_at").orElseThrow());
  }
}
