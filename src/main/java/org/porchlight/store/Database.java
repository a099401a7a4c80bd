package org.porchlight.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.porchlight.core.Community;
import org.porchlight.core.MeetingReminder;
import org.porchlight.core.MemberData;
import org.porchlight.core.ReachOut;
import org.porchlight.core.port.BuddyStore;
import org.porchlight.core.port.CheckInStore;
import org.porchlight.core.port.CommunityStore;
import org.porchlight.core.port.MeetingEventStore;
import org.porchlight.core.port.MeetingReminderStore;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.ReachOutStore;
import org.porchlight.core.port.StepStore;
import org.porchlight.core.port.SupportStore;
import org.porchlight.delivery.DueStore;
import org.porchlight.delivery.Outbox;
import org.porchlight.intake.HandledUpdates;
import org.porchlight.intake.OffsetStore;
import org.porchlight.store.migration.V4__Quartz_tables;

/**
 * Porchlight's database: H2 (embedded) or PostgreSQL, one schema kept up to date by Flyway, reached
 * through a HikariCP pool.
 */
public final class Database implements AutoCloseable {
  // The text the first key seals, so that a start with another key is told apart from a good one.
  private static final String KEY_CHECK = "porchlight secret key check";
  private static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);

  private final HikariDataSource dataSource;
  private final JdbcMemberStore members;
  private final JdbcCheckInStore checkIns;
  private final JdbcStepStore steps;
  private final JdbcOffsetStore offsets;
  private final JdbcDueStore due;
  private final JdbcOutbox outbox;
  private final JdbcCommunityStore communities;
  private final JdbcHandledUpdates handledUpdates;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.members = new JdbcMemberStore(dataSource);
    this.checkIns = new JdbcCheckInStore(dataSource);
    this.steps = new JdbcStepStore(dataSource);
    this.offsets = new JdbcOffsetStore(dataSource);
    this.due = new JdbcDueStore(dataSource);
    this.outbox = new JdbcOutbox(dataSource);
    this.communities = new JdbcCommunityStore(dataSource);
    this.handledUpdates = new JdbcHandledUpdates(dataSource);
  }

  /**
   * Replaces everything stored about the member in {@code data} with {@code data}, in one
   * transaction: if any of it fails, the member is left as they were. Their pod and plan are sealed
   * with {@code sealer}.
   */
  public void replace(MemberData data, Sealer sealer) {
    new Jdbc(dataSource)
        .inTransaction(
            "replacing " + data.member().id(),
            connection -> {
              DataSource one = new OneConnection(connection);
              JdbcMemberStore members = new JdbcMemberStore(one);
              members.forget(data.member().id());
              members.save(data.member());
              JdbcCheckInStore checkIns = new JdbcCheckInStore(one);
              data.checkIns().forEach(checkIns::save);
              JdbcStepStore steps = new JdbcStepStore(one);
              data.stepsGiven().forEach(steps::record);
              JdbcCommunityStore communities = new JdbcCommunityStore(one);
              for (Community.Visit visit : data.communities()) {
                communities.visited(
                    data.member().id(), visit.id(), visit.name(), visit.lastSeenAt());
              }
              JdbcSupportStore support = new JdbcSupportStore(one, sealer);
              Jdbc oneJdbc = new Jdbc(one);
              support.writePod(oneJdbc, data.member().id(), data.pod());
              support.writePlan(oneJdbc, data.member().id(), data.plan());
              JdbcReachOutStore reachOuts = new JdbcReachOutStore(one);
              if (!data.reachOut().equals(ReachOut.DEFAULT)) {
                reachOuts.saveReachOut(data.member().id(), data.reachOut());
              }
              data.reachOutAnswers()
                  .forEach(answer -> reachOuts.recordReachOut(data.member().id(), answer));
              if (!data.meetingReminder().equals(MeetingReminder.DEFAULT)) {
                new JdbcMeetingReminderStore(one)
                    // Looked at by the next sweep.
                    .saveMeetingReminder(data.member().id(), data.meetingReminder(), Instant.EPOCH);
              }
              return null;
            });
  }

  /** Buddies and their invitations, the names sealed with {@code sealer}. */
  public BuddyStore buddies(Sealer sealer) {
    return new JdbcBuddyStore(dataSource, sealer);
  }

  /** Reminders before meetings: members' choices, and those sent. */
  public MeetingReminderStore meetingReminders() {
    return new JdbcMeetingReminderStore(dataSource);
  }

  /** Weekly reach-outs and their answers. */
  public ReachOutStore reachOuts() {
    return new JdbcReachOutStore(dataSource);
  }

  /** The events shown for communities' weekly meetings. */
  public MeetingEventStore meetingEvents() {
    return new JdbcMeetingEventStore(dataSource);
  }

  /** Pods and safety plans, sealed with {@code sealer} before they are stored. */
  public SupportStore support(Sealer sealer) {
    return new JdbcSupportStore(dataSource, sealer);
  }

  /** What a secret key is to this database: see {@link #keyCheck}. */
  public enum KeyCheck {
    /** No key has sealed anything here yet: the first one to start will. */
    NOTHING_SEALED_YET,
    /** The key the names here were sealed with. */
    OPENS,
    /** Another key: the names here were sealed with a different one. */
    DOES_NOT_OPEN
  }

  /**
   * Whether {@code sealer}'s key is the one this database's names are sealed with, by the known
   * text the first key sealed ({@link #checkKey}). Changes nothing.
   */
  public KeyCheck keyCheck(Sealer sealer) {
    Optional<String> sealed = sealedKeyCheck(new Jdbc(dataSource));
    if (sealed.isEmpty()) return KeyCheck.NOTHING_SEALED_YET;
    return opens(sealer, sealed.get()) ? KeyCheck.OPENS : KeyCheck.DOES_NOT_OPEN;
  }

  /**
   * Makes sure the names here are read with the key they were sealed with: on the first start,
   * seals a known text with {@code sealer} and keeps it; on every start after, opens it.
   *
   * @throws Sealer.WrongKey when {@code sealer}'s key is not the one the first start sealed with
   */
  public void checkKey(Sealer sealer) {
    Jdbc jdbc = new Jdbc(dataSource);
    Optional<String> sealed = sealedKeyCheck(jdbc);
    if (sealed.isEmpty()) {
      try {
        jdbc.update(
            "INSERT INTO secret_key_check (id, sealed) SELECT 1, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM secret_key_check WHERE id = 1)",
            statement -> statement.setString(1, sealer.seal(KEY_CHECK)));
      } catch (StoreException e) {
        // Another instance starting at the same moment stored its check first: read theirs.
        if (sealedKeyCheck(jdbc).isEmpty()) throw e;
      }
      sealed = sealedKeyCheck(jdbc);
    }
    if (!opens(sealer, sealed.orElseThrow())) {
      throw new Sealer.WrongKey("not the key this database's names were sealed with");
    }
  }

  /**
   * Seals every pod name and plan answer again with {@code to}, and the key's check with them, in
   * one transaction: afterwards only {@code to} opens them. For a new key; every instance must be
   * stopped, or one still running would seal new names with the old key.
   *
   * @return how many names and answers were sealed again
   * @throws Sealer.WrongKey when {@code from} is not the key they were sealed with; nothing changes
   */
  public int reseal(Sealer from, Sealer to) {
    return new Jdbc(dataSource)
        .inTransaction(
            "sealing again with a new key",
            connection -> {
              Jdbc one = new Jdbc(new OneConnection(connection));
              // The check first: with the wrong old key, nothing is touched.
              Optional<String> check =
                  one.queryOne(
                      "SELECT sealed FROM secret_key_check WHERE id = 1 FOR UPDATE",
                      statement -> {},
                      row -> row.getString("sealed"));
              if (check.isPresent() && !opens(from, check.get())) {
                throw new Sealer.WrongKey("not the key this database's names were sealed with");
              }
              one.update("DELETE FROM secret_key_check", statement -> {});
              one.update(
                  "INSERT INTO secret_key_check (id, sealed) VALUES (1, ?)",
                  statement -> statement.setString(1, to.seal(KEY_CHECK)));
              return reseal(one, "pod_entries", "position", "name_sealed", from, to)
                  + reseal(one, "safety_plan_answers", "section", "answer_sealed", from, to)
                  + reseal(one, "buddies", "buddy_id", "name_sealed", from, to)
                  + reseal(one, "buddy_invitations", "code", "name_sealed", from, to);
            });
  }

  /**
   * Seals {@code column} of every row of {@code table} again; rows are keyed by member and {@code
   * key}.
   */
  private static int reseal(
      Jdbc one, String table, String key, String column, Sealer from, Sealer to) {
    record Sealed(long member, Object key, String text) {}
    List<Sealed> rows =
        one.query(
            "SELECT member_id, " + key + ", " + column + " FROM " + table + " FOR UPDATE",
            statement -> {},
            row -> new Sealed(row.getLong(1), row.getObject(2), row.getString(3)));
    for (Sealed row : rows) {
      String again = to.seal(from.open(row.text()));
      one.update(
          "UPDATE " + table + " SET " + column + " = ? WHERE member_id = ? AND " + key + " = ?",
          statement -> {
            statement.setString(1, again);
            statement.setLong(2, row.member());
            statement.setObject(3, row.key());
          });
    }
    return rows.size();
  }

  private static Optional<String> sealedKeyCheck(Jdbc jdbc) {
    return jdbc.queryOne(
        "SELECT sealed FROM secret_key_check WHERE id = 1",
        statement -> {},
        row -> row.getString("sealed"));
  }

  private static boolean opens(Sealer sealer, String sealed) {
    try {
      return sealer.open(sealed).equals(KEY_CHECK);
    } catch (Sealer.WrongKey e) {
      return false;
    }
  }

  /** Opens the database at {@code jdbcUrl} and migrates its schema to the newest version. */
  public static Database open(String jdbcUrl, String user, String password, int poolSize) {
    return open(jdbcUrl, user, password, poolSize, null);
  }

  /**
   * Opens the database as {@link #open(String, String, String, int)}, its pool's figures
   * (connections in use, waits) published in {@code metricRegistry}, a Micrometer registry.
   */
  public static Database open(
      String jdbcUrl, String user, String password, int poolSize, Object metricRegistry) {
    HikariDataSource dataSource = pool(jdbcUrl, user, password, poolSize, metricRegistry);
    try {
      flyway(dataSource).migrate();
    } catch (FlywayException e) {
      dataSource.close();
      throw new StoreException("could not prepare the database: " + rootMessage(e), e);
    }
    return new Database(dataSource);
  }

  /**
   * Opens the database as it is, changing nothing: for looking (porchlight doctor), while the
   * instances running may be older than this one. {@link #pendingMigrations} says what a start
   * would change.
   */
  public static Database openAsItIs(String jdbcUrl, String user, String password) {
    return new Database(pool(jdbcUrl, user, password, 2, null));
  }

  /** How many schema changes a start of this version would apply. */
  public int pendingMigrations() {
    try {
      return flyway(dataSource).info().pending().length;
    } catch (FlywayException e) {
      throw new StoreException("could not read the schema's history: " + rootMessage(e), e);
    }
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).javaMigrations(new V4__Quartz_tables()).load();
  }

  private static HikariDataSource pool(
      String jdbcUrl, String user, String password, int poolSize, Object metricRegistry) {
    HikariConfig config = new HikariConfig();
    if (metricRegistry != null) config.setMetricRegistry(metricRegistry);
    config.setJdbcUrl(jdbcUrl);
    if (!user.isEmpty()) config.setUsername(user);
    if (!password.isEmpty()) config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("porchlight");
    // Fail at once with the driver's reason instead of waiting for a pool that never fills.
    config.setInitializationFailTimeout(1);
    // While the database is away, work waits this long for a connection (not HikariCP's 30 s)
    // before it is put off until the database is back.
    config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("could not open the database: " + rootMessage(e), e);
    }
  }

  public MemberStore members() {
    return members;
  }

  public CheckInStore checkIns() {
    return checkIns;
  }

  public StepStore steps() {
    return steps;
  }

  public OffsetStore offsets() {
    return offsets;
  }

  public DueStore due() {
    return due;
  }

  /** Claims on updates that several instances receive: Telegram's webhook. */
  public HandledUpdates handledUpdates() {
    return handledUpdates;
  }

  /** Whether the database answers within two seconds. */
  public boolean isReachable() {
    return whyUnreachable().isEmpty();
  }

  /** Why the database can't be reached now, in the driver's words; empty when it can. */
  public Optional<String> whyUnreachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2)
          ? Optional.empty()
          : Optional.of("a connection did not answer within 2 s");
    } catch (SQLException | RuntimeException e) {
      return Optional.of(String.valueOf(rootMessage(e)));
    }
  }

  public CommunityStore communities() {
    return communities;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** The pool, for the parts of Porchlight that run their own statements. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * The time zone ids members and communities have, as stored: the JVM's time zone data must know
   * each of them, or their settings can't be read.
   */
  public List<String> zonesInUse() {
    return new Jdbc(dataSource)
        .query(
            "SELECT zone FROM members WHERE zone IS NOT NULL"
                + " UNION SELECT default_zone FROM communities WHERE default_zone IS NOT NULL"
                + " ORDER BY 1",
            statement -> {},
            row -> row.getString(1));
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
    return cause.getMessage();
  }
}
