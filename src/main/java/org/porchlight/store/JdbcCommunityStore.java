package org.porchlight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.porchlight.core.Community;
import org.porchlight.core.Meeting;
import org.porchlight.core.MemberId;
import org.porchlight.core.port.CommunityStore;

/** Communities in the {@code communities} table; who visited which in {@code community_members}. */
final class JdbcCommunityStore implements CommunityStore {
  // A member counts for a community's week while they used Porchlight there within this long.
  private static final Period ACTIVE_WITHIN = Period.ofDays(30);
  static final String COLUMNS =
      "c.platform, c.place_id, c.name, c.meeting_links, c.meeting_schedule, c.checkin_channel,"
          + " c.default_time, c.default_zone, c.meetings, c.cancelled_on";

  /** A community's row id, by its platform and place id (two parameters). */
  static final String COMMUNITY =
      "(SELECT id FROM communities WHERE platform = ? AND place_id = ?)";

  private static final String MEMBER =
      "(SELECT id FROM members WHERE platform = ? AND user_id = ?)";

  private final Jdbc jdbc;

  JdbcCommunityStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Community> find(Community.Id id) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM communities c WHERE c.platform = ? AND c.place_id = ?",
        statement -> bindId(statement, 1, id),
        JdbcCommunityStore::community);
  }

  @Override
  public void save(Community community) {
    jdbc.upsert(
        "UPDATE communities SET name = ?, meeting_links = ?, meeting_schedule = ?,"
            + " checkin_channel = ?, default_time = ?, default_zone = ?, meetings = ?,"
            + " cancelled_on = ? WHERE platform = ? AND place_id = ?",
        "INSERT INTO communities (name, meeting_links, meeting_schedule, checkin_channel,"
            + " default_time, default_zone, meetings, cancelled_on, platform, place_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        statement -> bind(statement, community),
        statement -> bind(statement, community));
  }

  @Override
  public void visited(MemberId member, Community.Id id, String name, Instant when) {
    storedAsUnset(id, name);
    jdbc.upsert(
        "UPDATE community_members SET last_seen_at = ? WHERE community_id = "
            + COMMUNITY
            + " AND member_id = "
            + MEMBER,
        "INSERT INTO community_members (last_seen_at, community_id, member_id)"
            + " SELECT ?, c.id, m.id FROM communities c, members m"
            + " WHERE c.platform = ? AND c.place_id = ? AND m.platform = ? AND m.user_id = ?",
        statement -> bindVisit(statement, member, id, when),
        statement -> bindVisit(statement, member, id, when));
  }

  @Override
  public String joinCode(Community.Id id, String name, String fresh) {
    storedAsUnset(id, name);
    Optional<String> kept =
        jdbc.queryOne(
            "SELECT code FROM community_join_codes WHERE community_id = "
                + COMMUNITY
                + " ORDER BY code LIMIT 1",
            statement -> bindId(statement, 1, id),
            row -> row.getString("code"));
    if (kept.isPresent()) return kept.get();
    // Two asking at once may each add theirs: both links then work, and both lead here.
    String code = fresh.toLowerCase(Locale.ROOT);
    jdbc.update(
        "INSERT INTO community_join_codes (code, community_id) SELECT ?, id FROM communities"
            + " WHERE platform = ? AND place_id = ?",
        statement -> {
          statement.setString(1, code);
          bindId(statement, 2, id);
        });
    return code;
  }

  @Override
  public Optional<Community> byJoinCode(String code) {
    return jdbc.queryOne(
        "SELECT "
            + COLUMNS
            + " FROM communities c JOIN community_join_codes j ON j.community_id = c.id"
            + " WHERE j.code = ?",
        statement -> statement.setString(1, code.toLowerCase(Locale.ROOT)),
        JdbcCommunityStore::community);
  }

  @Override
  public void moved(Community.Id from, Community.Id to) {
    if (from.equals(to)) return;
    try {
      move(from, to);
    } catch (StoreException e) {
      // The new place was stored meanwhile (its first update handled beside the news of the
      // move): now both are, and the second try merges them.
      move(from, to);
    }
  }

  private void move(Community.Id from, Community.Id to) {
    jdbc.inTransaction(
        "moving a community",
        connection -> {
          Optional<Long> old = idOf(connection, from);
          if (old.isEmpty()) return null;
          Optional<Long> now = idOf(connection, to);
          if (now.isEmpty()) {
            run(
                connection,
                "UPDATE communities SET place_id = ? WHERE id = ?",
                to.placeId(),
                old.get());
            return null;
          }
          // Both are stored: the members come along, each with their latest visit.
          run(
              connection,
              "UPDATE community_members t SET last_seen_at = (SELECT f.last_seen_at FROM"
                  + " community_members f WHERE f.community_id = ? AND f.member_id = t.member_id)"
                  + " WHERE t.community_id = ? AND EXISTS (SELECT 1 FROM community_members f"
                  + " WHERE f.community_id = ? AND f.member_id = t.member_id"
                  + " AND f.last_seen_at > t.last_seen_at)",
              old.get(),
              now.get(),
              old.get());
          run(
              connection,
              "INSERT INTO community_members (community_id, member_id, last_seen_at)"
                  + " SELECT ?, f.member_id, f.last_seen_at FROM community_members f"
                  + " WHERE f.community_id = ? AND NOT EXISTS (SELECT 1 FROM community_members t"
                  + " WHERE t.community_id = ? AND t.member_id = f.member_id)",
              now.get(),
              old.get(),
              now.get());
          run(
              connection,
              "UPDATE communities SET (meeting_links, meeting_schedule, checkin_channel,"
                  + " default_time, default_zone, meetings, cancelled_on) = (SELECT"
                  + " meeting_links, meeting_schedule, checkin_channel, default_time,"
                  + " default_zone, meetings, cancelled_on FROM communities WHERE id = ?)"
                  + " WHERE id = ? AND "
                  + UNSET,
              old.get(),
              now.get());
          // The old group's join links keep working, and its reminders keep counting.
          for (String table : List.of("community_join_codes", "meeting_reminders")) {
            run(
                connection,
                "UPDATE " + table + " SET community_id = ? WHERE community_id = ?",
                now.get(),
                old.get());
          }
          run(connection, "DELETE FROM communities WHERE id = ?", old.get());
          return null;
        });
  }

  // A community as it starts: nothing a host set up.
  private static final String UNSET =
      "meeting_links = '' AND meeting_schedule IS NULL AND checkin_channel IS NULL"
          + " AND default_time IS NULL AND default_zone IS NULL AND meetings IS NULL"
          + " AND cancelled_on IS NULL";

  private static Optional<Long> idOf(Connection connection, Community.Id id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id FROM communities WHERE platform = ? AND place_id = ?")) {
      bindId(statement, 1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  private static void run(Connection connection, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = prepared(connection, sql, values)) {
      statement.executeUpdate();
    }
  }

  private static PreparedStatement prepared(Connection connection, String sql, Object... values)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    return statement;
  }

  @Override
  public List<Community.Visit> visitsOf(MemberId member) {
    return jdbc.query(
        "SELECT c.platform, c.place_id, c.name, v.last_seen_at"
            + " FROM communities c JOIN community_members v ON v.community_id = c.id"
            + " WHERE v.member_id = "
            + MEMBER
            + " ORDER BY v.last_seen_at DESC",
        statement -> JdbcMemberStore.bindId(statement, 1, member),
        row ->
            new Community.Visit(
                new Community.Id(row.getString("platform"), row.getString("place_id")),
                row.getString("name"),
                Jdbc.getInstant(row, "last_seen_at").orElseThrow()));
  }

  @Override
  public Optional<Community> homeOf(MemberId member) {
    return jdbc.queryOne(
        "SELECT "
            + COLUMNS
            + " FROM communities c JOIN community_members v ON v.community_id = c.id"
            + " WHERE v.member_id = "
            + MEMBER
            + " ORDER BY v.last_seen_at DESC LIMIT 1",
        statement -> JdbcMemberStore.bindId(statement, 1, member),
        JdbcCommunityStore::community);
  }

  @Override
  public Week week(Community.Id id, LocalDate from, LocalDate to) {
    return jdbc.queryOne(
            "SELECT COUNT(DISTINCT ch.member_id) AS members,"
                + " COALESCE(SUM(CASE WHEN ch.mood = 'fine' THEN 1 ELSE 0 END), 0) AS fine,"
                + " COALESCE(SUM(CASE WHEN ch.mood = 'rough' THEN 1 ELSE 0 END), 0) AS rough"
                + " FROM check_ins ch JOIN community_members v ON v.member_id = ch.member_id"
                + " WHERE v.community_id = "
                + COMMUNITY
                + " AND v.last_seen_at >= ?"
                + " AND ch.local_date BETWEEN ? AND ? AND ch.mood IN ('fine', 'rough')",
            statement -> {
              bindId(statement, 1, id);
              Jdbc.setInstant(
                  statement,
                  3,
                  Optional.of(from.minus(ACTIVE_WITHIN).atStartOfDay(ZoneOffset.UTC).toInstant()));
              statement.setObject(4, from);
              statement.setObject(5, to);
            },
            row -> new Week(row.getInt("members"), row.getInt("fine"), row.getInt("rough")))
        .orElse(new Week(0, 0, 0));
  }

  /** Stores a community nobody has stored yet; a host's setup saved meanwhile is kept. */
  private void storedAsUnset(Community.Id id, String name) {
    jdbc.update(
        "INSERT INTO communities (platform, place_id, name) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        statement -> {
          bindId(statement, 1, id);
          statement.setString(3, kept(name));
        });
  }

  /** As much of {@code name} as its column takes, never cut inside a character. */
  private static String kept(String name) {
    if (name.length() <= NAME_LENGTH) return name;
    boolean pairSplit = Character.isLowSurrogate(name.charAt(NAME_LENGTH));
    return name.substring(0, pairSplit ? NAME_LENGTH - 1 : NAME_LENGTH);
  }

  /** Binds a community's platform and place id, as {@link #COMMUNITY} asks for them. */
  static void bindId(PreparedStatement statement, int index, Community.Id id) throws SQLException {
    statement.setString(index, id.platform());
    statement.setString(index + 1, id.placeId());
  }

  private static void bindVisit(
      PreparedStatement statement, MemberId member, Community.Id id, Instant when)
      throws SQLException {
    Jdbc.setInstant(statement, 1, Optional.of(when));
    bindId(statement, 2, id);
    JdbcMemberStore.bindId(statement, 4, member);
  }

  private static void bind(PreparedStatement statement, Community community) throws SQLException {
    statement.setString(1, kept(community.name()));
    statement.setString(2, String.join("\n", community.meetingLinks()));
    statement.setString(3, community.meetingSchedule().orElse(null));
    statement.setString(4, community.checkInChannel().orElse(null));
    statement.setObject(5, community.defaultTime().orElse(null), Types.TIME);
    statement.setString(6, community.defaultZone().map(ZoneId::getId).orElse(null));
    statement.setString(
        7,
        community.meetings().isEmpty()
            ? null
            : community.meetings().stream()
                .map(
                    m ->
                        String.join(
                            "|",
                            JdbcMemberStore.code(m.day()),
                            m.time().toString(),
                            m.name(),
                            m.where()))
                .collect(Collectors.joining("\n")));
    statement.setString(
        8,
        community.cancelled().isEmpty()
            ? null
            : community.cancelled().stream()
                .sorted()
                .map(LocalDate::toString)
                .collect(Collectors.joining(",")));
    bindId(statement, 9, community.id());
  }

  private static List<Meeting> meetings(String stored) {
    if (stored == null || stored.isEmpty()) return List.of();
    List<Meeting> meetings = new ArrayList<>();
    for (String line : stored.split("\n")) {
      // The name never holds a bar (the host's form splits on the first); the place may.
      String[] part = line.split("\\|", 4);
      DayOfWeek day = JdbcMemberStore.day(part[0]).orElseThrow();
      meetings.add(new Meeting(part[2], day, LocalTime.parse(part[1]), part[3]));
    }
    return meetings;
  }

  private static Set<LocalDate> cancelled(String stored) {
    if (stored == null || stored.isEmpty()) return Set.of();
    return Arrays.stream(stored.split(",")).map(LocalDate::parse).collect(Collectors.toSet());
  }

  /** A community from a row with {@link #COLUMNS}. */
  static Community community(ResultSet row) throws SQLException {
    String links = row.getString("meeting_links");
    String zone = row.getString("default_zone");
    return new Community(
        new Community.Id(row.getString("platform"), row.getString("place_id")),
        row.getString("name"),
        links == null || links.isEmpty() ? List.of() : Arrays.asList(links.split("\n")),
        Optional.ofNullable(row.getString("meeting_schedule")),
        Optional.ofNullable(row.getString("checkin_channel")),
        Optional.ofNullable(row.getObject("default_time", LocalTime.class)),
        Optional.ofNullable(zone).map(ZoneId::of),
        meetings(row.getString("meetings")),
        cancelled(row.getString("cancelled_on")));
  }
}
