package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.schedule.Seed;
import org.porchlight.store.Database;
import org.porchlight.testing.PorchlightJar;
import org.porchlight.testing.TestPostgres;

/**
 * The PostgreSQL server stopped for 30 seconds while Porchlight sends 2,000 check-ins, then started
 * again: Porchlight keeps running, is not ready while the database is gone, says so once in the
 * log, and afterwards every check-in has gone out and every message members wrote meanwhile is
 * answered. Runs in {@code .ci/run}, which starts a server {@code .ci/postgres} may stop; the jar
 * tests run after every other test, so no other test is using it then. On the embedded H2 there is
 * no such outage: the database is inside the process.
 */
@EnabledIfEnvironmentVariable(named = "PORCHLIGHT_TEST_POSTGRES_STOPPABLE", matches = "true")
class DatabaseOutageIT {
  private static final String TOKEN = "123456:TEST-token-for-the-outage-check-0123456789";
  private static final int MEMBERS = 2_000;
  private static final int WRITERS = 50;
  private static final long FIRST_WRITER = 90_001;
  // Writes before the outage, to show how many messages one answer takes.
  private static final long BEFORE_THE_OUTAGE = 80_001;
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  // As after a kill -9: at most the letters sent and not yet confirmed when the database went, a
  // few a sender (Sender.CONFIRM_EVERY, 4, times schedule.senders, 8).
  private static final int MOST_REPEATED = 8 * 4;

  @TempDir Path dir;

  @Test
  void theDatabaseGoneForThirtySecondsLosesNothing() throws Exception {
    waitPastMidnightIfClose();
    String url = freshDatabase("porchlight_outage");
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Database database = Database.open(url, TestPostgres.user(), TestPostgres.password(), 2)) {
      Seed.dueMembers(database.dataSource(), "telegram", 10_001, MEMBERS, due);
    }
    Path config = dir.resolve("porchlight.yaml");
    // Slow enough that the outage lands mid-delivery; quick sweeps.
    Files.writeString(config, "telegram:\n  messagesPerSecond: 60\nschedule:\n  sweepEvery: 1s\n");
    int port = PorchlightJar.freePort();
    Path log = dir.resolve("porchlight.log");

    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Process porchlight = start(telegram, url, config, port, log);
      Readiness readiness = new Readiness(port);
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.sent().size() >= MEMBERS / 4);
        readiness.start();
        await().atMost(Duration.ofSeconds(10)).until(readiness::lastUp);
        telegram.push(telegram.textMessage(BEFORE_THE_OUTAGE, BEFORE_THE_OUTAGE, "/help"));
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> !sentTo(telegram, BEFORE_THE_OUTAGE).isEmpty());
        Thread.sleep(1_000); // the rest of the answer, if it is several messages
        long oneAnswer = sentTo(telegram, BEFORE_THE_OUTAGE).size();

        postgres("stop");
        long stoppedAt = System.nanoTime();
        int sentBefore = telegram.sent().size();
        // Members write while the database is gone: Telegram keeps their messages.
        LongStream.range(FIRST_WRITER, FIRST_WRITER + WRITERS)
            .forEach(user -> telegram.push(telegram.textMessage(user, user, "/help")));
        await().atMost(Duration.ofSeconds(20)).until(() -> !readiness.lastUp());
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
        assertThat(porchlight.isAlive()).as("still running while the database is gone").isTrue();
        int sentDuring = telegram.sent().size() - sentBefore;
        postgres("resume");
        long resumedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(60)).alias(readiness.toString()).until(readiness::lastUp);
        Duration readyAgain = Duration.ofNanos(System.nanoTime() - resumedAt);
        await()
            .atMost(Duration.ofSeconds(120))
            .until(() -> checkInsReceived(telegram).size() == MEMBERS);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> answersTo(telegram).keySet().size() == WRITERS);
        Thread.sleep(3_000); // room for a stray repeat to show
        Duration allDone = Duration.ofNanos(System.nanoTime() - resumedAt);

        Map<String, Long> received = checkInsReceived(telegram);
        long lost = MEMBERS - received.size();
        long repeated = received.values().stream().mapToLong(count -> count - 1).sum();
        Map<String, Long> answers = answersTo(telegram);
        long answersRepeated =
            answers.values().stream().mapToLong(count -> Math.max(0, count - oneAnswer)).sum();
        System.out.printf(
            "database outage of %d s during delivery: %d members, %d sent before it, %d during it;"
                + " ready again %d ms after the database, everything sent %d ms after it;"
                + " lost %d, repeated %d; %d members wrote meanwhile: %d answered, %d answers"
                + " repeated%n",
            OUTAGE.toSeconds(),
            MEMBERS,
            sentBefore,
            sentDuring,
            readyAgain.toMillis(),
            allDone.toMillis(),
            lost,
            repeated,
            WRITERS,
            answers.size(),
            answersRepeated);

        assertThat(sentBefore).as("the outage came in the middle of sending").isLessThan(MEMBERS);
        assertThat(lost).isZero();
        assertThat(repeated).isLessThanOrEqualTo(MOST_REPEATED);
        assertThat(answers)
            .hasSize(WRITERS)
            .allSatisfy((chat, count) -> assertThat(count).isEqualTo(oneAnswer));
        assertThat(answersRepeated).isZero();
        assertThat(readiness.sawDown()).as("not ready while the database was gone").isTrue();
        assertThat(porchlight.isAlive()).isTrue();
      } finally {
        readiness.stop();
        postgres("resume-if-stopped");
        porchlight.destroy();
        assertThat(porchlight.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // Kept for a look after a failure: the temporary folder goes with the test.
        Files.copy(
            log, Path.of("target", "database-outage.log"), StandardCopyOption.REPLACE_EXISTING);
      }
      List<String> lines = Files.readAllLines(log);
      assertThat(lines.stream().filter(line -> line.contains("can't reach the database")))
          .as("the outage said once as it began")
          .hasSize(1);
      assertThat(lines.stream().filter(line -> line.contains("database is back")))
          .as("...and once as it ended")
          .hasSize(1);
      assertThat(lines.stream().filter(line -> line.contains(" WARN ")))
          .as("no other warning: not one a row, a try or a connection")
          .allMatch(line -> line.contains("can't reach the database"));
      assertThat(lines)
          .as("no stack trace, no error line for an outage")
          .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"))
          .noneMatch(line -> line.contains(" ERROR "));
    }
  }

  @Test
  void aStopWhileTheDatabaseIsAwayEndsInOrderWithinTheDeadline() throws Exception {
    String url = freshDatabase("porchlight_outage_stop");
    Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Database database = Database.open(url, TestPostgres.user(), TestPostgres.password(), 2)) {
      Seed.dueMembers(database.dataSource(), "telegram", 10_001, 200, due);
    }
    Path config = dir.resolve("porchlight.yaml");
    Files.writeString(config, "telegram:\n  messagesPerSecond: 20\nschedule:\n  sweepEvery: 1s\n");
    int port = PorchlightJar.freePort();
    Path log = dir.resolve("stopping.log");

    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Process porchlight = start(telegram, url, config, port, log);
      Readiness readiness = new Readiness(port);
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.sent().size() >= 20);
        readiness.start();
        await().atMost(Duration.ofSeconds(10)).until(readiness::lastUp);
        postgres("stop");
        await().atMost(Duration.ofSeconds(20)).until(() -> !readiness.lastUp());

        long asked = System.nanoTime();
        porchlight.destroy(); // SIGTERM
        assertThat(porchlight.waitFor(40, TimeUnit.SECONDS)).isTrue();
        Duration stopping = Duration.ofNanos(System.nanoTime() - asked);
        System.out.printf(
            "a stop while the database is away took %d ms, exit %d%n",
            stopping.toMillis(), porchlight.exitValue());
        assertThat(stopping)
            .as("within shutdown.deadline (20 s)")
            .isLessThan(Duration.ofSeconds(20));
        assertThat(porchlight.exitValue()).as("an orderly stop").isZero();
      } finally {
        readiness.stop();
        postgres("resume-if-stopped");
        porchlight.destroyForcibly();
        Files.copy(
            log,
            Path.of("target", "database-outage-stop.log"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      assertThat(Files.readString(log)).contains("Stopped.").doesNotContain("Still stopping");
    }
  }

  /** The check-ins each seeded member received, by chat. */
  private static Map<String, Long> checkInsReceived(FakeBotApi telegram) {
    return telegram.sent().stream()
        .map(call -> call.param("chat_id"))
        .filter(chat -> Long.parseLong(chat) < BEFORE_THE_OUTAGE)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static List<FakeBotApi.Call> sentTo(FakeBotApi telegram, long chat) {
    return telegram.sent().stream()
        .filter(call -> call.param("chat_id").equals(Long.toString(chat)))
        .toList();
  }

  /** The answers each member who wrote during the outage received, by chat. */
  private static Map<String, Long> answersTo(FakeBotApi telegram) {
    return telegram.sent().stream()
        .map(call -> call.param("chat_id"))
        .filter(chat -> Long.parseLong(chat) >= FIRST_WRITER)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  /** {@code .ci/postgres stop} or {@code resume}: the server the store tests use. */
  private static void postgres(String what) throws IOException, InterruptedException {
    if (what.equals("resume-if-stopped")) {
      if (reachable()) return;
      what = "resume";
    }
    Process control =
        new ProcessBuilder("bash", ".ci/postgres", what)
            .inheritIO()
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    assertThat(control.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(control.exitValue()).as(".ci/postgres " + what).isZero();
  }

  private static boolean reachable() {
    try (Connection ignored =
        DriverManager.getConnection(
            System.getenv(TestPostgres.URL_VARIABLE),
            TestPostgres.user(),
            TestPostgres.password())) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** A database of its own on the test server, empty: the URL to reach it. */
  private static String freshDatabase(String name) throws Exception {
    String url = System.getenv(TestPostgres.URL_VARIABLE);
    try (Connection connection =
            DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    }
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
  }

  private Process start(FakeBotApi telegram, String url, Path config, int port, Path log)
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
            .redirectOutput(log.toFile());
    builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
    builder.environment().put("PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl());
    builder.environment().remove("DISCORD_BOT_TOKEN");
    builder.environment().put("PORCHLIGHT_DB_URL", url);
    builder.environment().put("PORCHLIGHT_DB_USER", TestPostgres.user());
    builder.environment().put("PORCHLIGHT_DB_PASSWORD", TestPostgres.password());
    // Any key: every name in this database is sealed with it.
    builder
        .environment()
        .put("PORCHLIGHT_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    builder.environment().put("PORCHLIGHT_DATA_DIR", dir.resolve("data").toString());
    builder.environment().put("PORCHLIGHT_SERVER_PORT", String.valueOf(port));
    return builder.start();
  }

  /**
   * {@code /health/ready}, asked twice a second: what it said last, and whether it was ever down.
   */
  private static final class Readiness {
    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI ready;
    private final List<Boolean> answers = new CopyOnWriteArrayList<>();
    private volatile String lastBody = "";
    private volatile boolean running = true;
    private Thread asking;

    Readiness(int port) {
      this.ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    }

    void start() {
      asking =
          new Thread(
              () -> {
                while (running) {
                  answers.add(up());
                  try {
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      asking.setDaemon(true);
      asking.start();
    }

    private boolean up() {
      try {
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        lastBody = answer.body().strip();
        return answer.statusCode() == 200;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    boolean lastUp() {
      return !answers.isEmpty() && answers.get(answers.size() - 1);
    }

    @Override
    public String toString() {
      return "readiness last said " + lastBody;
    }

    boolean sawDown() {
      return answers.contains(false);
    }

    void stop() {
      running = false;
      if (asking != null) asking.interrupt();
    }
  }

  // Members are seeded due today in UTC; a run that crossed midnight would find today gone.
  private static void waitPastMidnightIfClose() throws InterruptedException {
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    if (now.isAfter(LocalTime.of(23, 57))) {
      Thread.sleep(Duration.between(now, LocalTime.MAX).toMillis() + 2_000);
    }
  }
}
