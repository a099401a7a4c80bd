package org.porchlight.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Many members at once, straight into the table: for the tests and benchmarks at scale. */
public final class Seed {
  private Seed() {}

  /**
   * Adds members {@code platform:first} to {@code platform:first+count-1}, all due at {@code due},
   * asked daily at {@code due}'s UTC time in UTC, quiet hours well away from it.
   */
  public static void dueMembers(
      DataSource dataSource, String platform, long first, int count, Instant due)
      throws SQLException {
    LocalTime time = LocalTime.ofInstant(due, ZoneOffset.UTC);
    OffsetDateTime at = due.atOffset(ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO members (platform, user_id, locale, checkin_time, zone, days,"
                    + " quiet_start, quiet_end, paused, awaiting, joined_at, next_checkin_at,"
                    + " last_heard_at) VALUES (?, ?, 'en', ?, 'UTC',"
                    + " 'MON,TUE,WED,THU,FRI,SAT,SUN', ?, ?, FALSE, 'NOTHING', ?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        insert.setString(1, platform);
        insert.setString(2, Long.toString(first + i));
        insert.setObject(3, time);
        insert.setObject(4, time.plusHours(6));
        insert.setObject(5, time.plusHours(7));
        insert.setObject(6, at.minusDays(1));
        insert.setObject(7, at);
        insert.setObject(8, at.minusHours(1));
        insert.addBatch();
        if (i % 1000 == 999) insert.executeBatch();
      }
      insert.executeBatch();
      connection.commit();
    }
  }
}
