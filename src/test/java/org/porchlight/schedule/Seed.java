package org.porchlight.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
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
    dueMembers(dataSource, platform, first, count, due, Duration.ZERO);
  }

  /**
   * Like {@link #dueMembers(DataSource, String, long, int, Instant)}, with the due times spread
   * evenly over {@code window} from {@code from}, in whole seconds: each member is asked daily at
   * its own due time.
   */
  public static void dueMembers(
      DataSource dataSource, String platform, long first, int count, Instant from, Duration window)
      throws SQLException {
    long seconds = window.toSeconds();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO members (platform, user_id, locale, checkin_time, zone, days,"
                    + " quiet_start, quiet_end, paused, awaiting, joined_at, next_checkin_at,"
                    + " last_heard_at) VALUES (?, ?, 'en', ?, 'UTC',"
                    + " 'MON,TUE,WED,THU,FRI,SAT,SUN', ?, ?, FALSE, 'NOTHING', ?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        // Whole seconds apart, as check-in times are stored to the second.
        Instant due = from.plusSeconds(seconds * i / count);
        LocalTime time = LocalTime.ofInstant(due, ZoneOffset.UTC);
        OffsetDateTime at = due.atOffset(ZoneOffset.UTC);
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
