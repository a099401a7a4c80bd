package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.config.Settings;
import org.porchlight.schedule.Seed;
import org.porchlight.store.Database;
import org.porchlight.testing.PorchlightJar;

/**
 * {@code kill -9}, or a SIGTERM, in the middle of sending check-ins, then a restart: every member
 * still gets their check-in, and only letters that were in flight at the kill can arrive twice.
 */
class KillDuringDeliveryIT {
  private static final String TOKEN = "123456:TEST-token-for-the-kill-check-0123456789";
  private static final int MEMBERS = 2_000;
  private static final int PER_SECOND = 250;
  // Sent but not yet confirmed for good: senders (schedule.senders, 8 by default) times the
  // letters each confirms at a time (Sender.CONFIRM_EVERY, 4), and on the embedded database the
  // confirmations of H2's last half second of commits, which it writes to the file in the
  // background (a second's worth, to be safe). On PostgreSQL only the first term applies.
  private static final int MOST_IN_FLIGHT = 8 * 4 + PER_SECOND;

  @TempDir Path dir;

  @Test
  void killedMidDeliveryAndRestartedNothingIsLostAndOnlyInFlightLettersRepeat() throws Exception {
    waitPastMidnightIfClose();
    Path data = dir.resolve("data");
    Path config = dir.resolve("porchlight.yaml");
    // Slow enough that the kill lands mid-delivery; quick sweeps.
    Files.writeString(config, "telegram:\n  messagesPerSecond: 250\nschedule:\n  sweepEvery: 1s\n");
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Database database = Database.open(h2(data), "", "", 2)) {
      Seed.dueMembers(database.dataSource(), "telegram", 10_001, MEMBERS, due);
    }

    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Process first = start(telegram, data, config, "first");
      await().atMost(Duration.ofSeconds(60)).until(() -> telegram.sent().size() >= MEMBERS / 3);
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
      assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
      int beforeKill = telegram.sent().size();

      Process second = start(telegram, data, config, "second");
      try {
        // Letters the killed process had taken come back when their 30 s lease ends.
        await().atMost(Duration.ofSeconds(120)).until(() -> receivedBy(telegram).size() == MEMBERS);
        Thread.sleep(2_000); // room for a stray duplicate to show
      } finally {
        second.destroy();
        assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
      }

      Map<String, Long> received = receivedBy(telegram);
      long lost = MEMBERS - received.size();
      long repeated = received.values().stream().mapToLong(count -> count - 1).sum();
      System.out.printf(
          "kill -9 during delivery: %d members; %d sent before the kill, %d after; lost %d,"
              + " repeated %d (at most %d were in flight)%n",
          MEMBERS, beforeKill, telegram.sent().size() - beforeKill, lost, repeated, MOST_IN_FLIGHT);
      assertThat(lost).isZero();
      assertThat(repeated).isLessThanOrEqualTo(MOST_IN_FLIGHT);
      assertThat(received.keySet()).allMatch(chat -> Long.parseLong(chat) >= 10_001);
    }
  }

  @Test
  void stoppedWithSigtermMidDeliveryEverythingIsSentOrWaitsInTheOutbox() throws Exception {
    waitPastMidnightIfClose();
    Path data = dir.resolve("data");
    Path config = dir.resolve("porchlight.yaml");
    Files.writeString(
        config,
        "telegram:\n  messagesPerSecond: 250\nschedule:\n  sweepEvery: 1s\n"
            + "shutdown:\n  deadline: 15s\n");
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Database database = Database.open(h2(data), "", "", 2)) {
      Seed.dueMembers(database.dataSource(), "telegram", 10_001, MEMBERS, due);
    }

    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Process first = start(telegram, data, config, "first");
      await().atMost(Duration.ofSeconds(60)).until(() -> telegram.sent().size() >= MEMBERS / 3);
      long asked = System.nanoTime();
      first.destroy(); // SIGTERM, as docker stop and systemd send
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Duration stopping = Duration.ofNanos(System.nanoTime() - asked);
      assertThat(first.exitValue()).as("an orderly stop").isZero();
      Map<String, Long> beforeStop = receivedBy(telegram);
      String log = Files.readString(dir.resolve("first.log"));
      assertThat(log).contains("Stopping:").contains("Stopped.").doesNotContain("Exception");
      assertThat(stopping).isLessThan(Duration.ofSeconds(15 + 5));

      // Every member's check-in went out, or waits in the outbox for the next start.
      Set<String> waiting;
      try (Database database = Database.open(h2(data), "", "", 2)) {
        waiting = waitingIn(database);
      }
      Set<String> accountedFor = new HashSet<>(beforeStop.keySet());
      accountedFor.addAll(waiting);
      assertThat(accountedFor).hasSize(MEMBERS);
      // What was sent was confirmed before the end: nothing is both sent and waiting.
      assertThat(beforeStop.size() + waiting.size()).isEqualTo(MEMBERS);

      long restarted = System.nanoTime();
      Process second = start(telegram, data, config, "second");
      try {
        await().atMost(Duration.ofSeconds(120)).until(() -> receivedBy(telegram).size() == MEMBERS);
        Thread.sleep(2_000); // room for a stray duplicate to show
      } finally {
        second.destroy();
        assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
      }
      Duration rest = Duration.ofNanos(System.nanoTime() - restarted);
      Map<String, Long> received = receivedBy(telegram);
      long repeated = received.values().stream().mapToLong(count -> count - 1).sum();
      System.out.printf(
          "SIGTERM during delivery: %d members; %d sent before the stop, which took %d ms;"
              + " %d waited in the outbox; the rest sent %d ms after the restart; lost %d,"
              + " repeated %d%n",
          MEMBERS,
          beforeStop.size(),
          stopping.toMillis(),
          waiting.size(),
          rest.toMillis(),
          MEMBERS - received.size(),
          repeated);
      assertThat(received).hasSize(MEMBERS);
      assertThat(repeated).as("a stop finishes what it sends").isZero();
    }
  }

  /** The members whose letters are still in the outbox. */
  private static Set<String> waitingIn(Database database) throws Exception {
    Set<String> members = new HashSet<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT m.user_id FROM outbox o JOIN members m ON m.id = o.member_id")) {
      while (rows.next()) members.add(rows.getString(1));
    }
    return members;
  }

  private static Map<String, Long> receivedBy(FakeBotApi telegram) {
    return telegram.sent().stream()
        .map(call -> call.param("chat_id"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private Process start(FakeBotApi telegram, Path data, Path config, String name)
      throws IOException {
    Path jar = Path.of(System.getProperty("porchlight.jar", "target/porchlight.jar"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
    builder.environment().put("PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl());
    builder.environment().put("PORCHLIGHT_DATA_DIR", data.toString());
    builder.environment().remove("DISCORD_BOT_TOKEN");
    builder.environment().put("PORCHLIGHT_SERVER_PORT", String.valueOf(PorchlightJar.freePort()));
    builder.environment().remove("PORCHLIGHT_DB_URL");
    return builder.start();
  }

  private static String h2(Path data) {
    return Settings.Store.embeddedJdbcUrl(data);
  }

  // Members are seeded due today in UTC; a run that crossed midnight would find today gone.
  private static void waitPastMidnightIfClose() throws InterruptedException {
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    if (now.isAfter(LocalTime.of(23, 57))) {
      Thread.sleep(Duration.between(now, LocalTime.MAX).toMillis() + 2_000);
    }
  }
}
