package org.porchlight.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.porchlight.core.Contact;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.QuietHours;
import org.porchlight.core.port.MemberStore;

/** Members' settings in the {@code members} table. */
final class JdbcMemberStore implements MemberStore {
  static final String COLUMNS =
      "platform, user_id, locale, checkin_time, zone, country, days, quiet_start, quiet_end,"
          + " paused, paused_until, awaiting, joined_at, next_checkin_at, last_heard_at, reached_out_on,"
          + " lights_on_at, awaiting_about";

  /** Members by their row ids (an array parameter), with whether each can be reached. */
  static final String BY_ROW_IDS =
      "SELECT id, unreachable_since, " + COLUMNS + " FROM members WHERE id = ANY (?)";

  private final Jdbc jdbc;

  JdbcMemberStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Member> find(MemberId id) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM members WHERE platform = ? AND user_id = ?",
        statement -> bindId(statement, 1, id),
        JdbcMemberStore::member);
  }

  @Override
  public void save(Member member) {
    jdbc.upsert(
        "UPDATE members SET locale = ?, checkin_time = ?, zone = ?, country = ?, days = ?,"
            + " quiet_start = ?, quiet_end = ?, paused = ?, paused_until = ?, awaiting = ?,"
            + " joined_at = ?, next_checkin_at = ?, last_heard_at = ?, reached_out_on = ?,"
            + " lights_on_at = ?, awaiting_about = ? WHERE platform = ? AND user_id = ?",
        "INSERT INTO members (locale, checkin_time, zone, country, days, quiet_start, quiet_end,"
            + " paused, paused_until, awaiting, joined_at, next_checkin_at, last_heard_at,"
            + " reached_out_on, lights_on_at, awaiting_about, platform, user_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        statement -> bindSettings(statement, member),
        statement -> bindSettings(statement, member));
  }

  @Override
  public boolean forget(MemberId id) {
    // check_ins and steps_given go with the member: ON DELETE CASCADE.
    return jdbc.update(
            "DELETE FROM members WHERE platform = ? AND user_id = ?",
            statement -> bindId(statement, 1, id))
        > 0;
  }

  @Override
  public List<MemberId> all() {
    return jdbc.query(
        "SELECT platform, user_id FROM members ORDER BY id",
        statement -> {},
        row -> new MemberId(row.getString("platform"), row.getString("user_id")));
  }

  @Override
  public void setReachable(MemberId id, boolean reachable) {
    jdbc.update(
        reachable
            ? "UPDATE members SET unreachable_since = NULL WHERE platform = ? AND user_id = ?"
            : "UPDATE members SET unreachable_since = COALESCE(unreachable_since, CURRENT_TIMESTAMP)"
                + " WHERE platform = ? AND user_id = ?",
        statement -> bindId(statement, 1, id));
  }

  @Override
  public boolean isReachable(MemberId id) {
    return jdbc.queryOne(
            "SELECT unreachable_since FROM members WHERE platform = ? AND user_id = ?",
            statement -> bindId(statement, 1, id),
            row -> row.getObject("unreachable_since") == null)
        .orElse(true);
  }

  static void bindId(PreparedStatement statement, int index, MemberId id) throws SQLException {
    statement.setString(index, id.platform());
    statement.setString(index + 1, id.userId());
  }

  private static void bindSettings(PreparedStatement statement, Member member) throws SQLException {
    statement.setString(1, member.locale());
    setOptional(statement, 2, member.checkInTime(), Types.TIME);
    setOptional(statement, 3, member.zone().map(ZoneId::getId), Types.VARCHAR);
    setOptional(statement, 4, member.country(), Types.CHAR);
    statement.setString(5, days(member.days()));
    statement.setObject(6, member.quietHours().start());
    statement.setObject(7, member.quietHours().end());
    statement.setBoolean(8, member.paused());
    setOptional(statement, 9, member.pausedUntil(), Types.DATE);
    statement.setString(10, member.awaiting().name());
    Jdbc.setInstant(statement, 11, Optional.of(member.joinedAt()));
    Jdbc.setInstant(statement, 12, member.nextCheckInAt());
    Jdbc.setInstant(statement, 13, Optional.of(member.contact().lastHeardAt()));
    setOptional(statement, 14, member.contact().reachedOutOn(), Types.DATE);
    Jdbc.setInstant(statement, 15, member.contact().lightsOnAt());
    setOptional(
        statement,
        16,
        Optional.of(member.awaitingAbout()).filter(about -> !about.isEmpty()),
        Types.VARCHAR);
    bindId(statement, 17, member.id());
  }

  private static void setOptional(
      PreparedStatement statement, int index, Optional<?> value, int sqlType) throws SQLException {
    if (value.isPresent()) {
      statement.setObject(index, value.get());
    } else {
      statement.setNull(index, sqlType);
    }
  }

  /** A member from a row holding the columns in {@link #COLUMNS}. */
  static Member member(ResultSet row) throws SQLException {
    return new Member(
        new MemberId(row.getString("platform"), row.getString("user_id")),
        row.getString("locale"),
        Optional.ofNullable(row.getObject("checkin_time", LocalTime.class)),
        Optional.ofNullable(row.getString("zone")).map(ZoneId::of),
        Optional.ofNullable(row.getString("country")).map(String::strip),
        days(row.getString("days")),
        new QuietHours(
            row.getObject("quiet_start", LocalTime.class),
            row.getObject("quiet_end", LocalTime.class)),
        row.getBoolean("paused"),
        Optional.ofNullable(row.getObject("paused_until", LocalDate.class)),
        Member.Awaiting.valueOf(row.getString("awaiting")),
        Jdbc.getInstant(row, "joined_at").orElseThrow(),
        Jdbc.getInstant(row, "next_checkin_at"),
        new Contact(
            Jdbc.getInstant(row, "last_heard_at").orElseThrow(),
            Optional.ofNullable(row.getObject("reached_out_on", LocalDate.class)),
            Jdbc.getInstant(row, "lights_on_at")),
        Optional.ofNullable(row.getString("awaiting_about")).orElse(""));
  }

  private static String days(Set<DayOfWeek> days) {
    return days.stream().sorted().map(JdbcMemberStore::code).collect(Collectors.joining(","));
  }

  private static Set<DayOfWeek> days(String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Arrays.stream(text.split(",")).forEach(code -> day(code).ifPresent(days::add));
    return days;
  }

  /** A day as the stores keep it: its first three letters, MON to SUN. */
  static String code(DayOfWeek day) {
    return day.name().substring(0, 3);
  }

  static Optional<DayOfWeek> day(String code) {
    return Arrays.stream(DayOfWeek.values())
        .filter(day -> day.name().startsWith(code.toUpperCase(Locale.ROOT)))
        .findFirst();
  }
}
