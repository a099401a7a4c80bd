package org.porchlight.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.config.Settings;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.discord.FakeDiscord;
import org.porchlight.store.Database;
import org.porchlight.store.Sealer;
import org.porchlight.telegram.FakeBotApi;
import org.porchlight.testing.PorchlightJar;
import org.porchlight.web.Health;
import org.porchlight.web.WebServer;

/** {@code porchlight doctor} against the fake Telegram and Discord, H2 in a folder, and ports. */
class DoctorCommandTest {
  private static final String TOKEN = "123456:TEST-token-for-the-doctor-0123456789";
  private static final String WRONG = "654321:TEST-not-the-token-for-the-doctor-0123";
  private static final String WEBHOOK = "https://porchlight.example.org/telegram";

  @TempDir Path dir;
  private Path config;
  private int port;
  private final Map<String, String> env = new HashMap<>();

  private record Report(int exitCode, String out) {}

  @BeforeEach
  void configure() throws IOException {
    port = PorchlightJar.freePort();
    config = dir.resolve("porchlight.yaml");
    write("");
  }

  private void write(String more) throws IOException {
    Files.writeString(
        config,
        "store:\n  dataDir: "
            + dir.resolve("data").toString().replace('\\', '/')
            + "\nserver:\n  port: "
            + port
            + "\n  bindAddress: 127.0.0.1\n"
            + more);
  }

  private Report doctor() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"--config", config.toString(), "doctor"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            Clock.systemUTC());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed + err.toString(StandardCharsets.UTF_8))
        .as("no secret is printed")
        .doesNotContain(TOKEN)
        .doesNotContain(WRONG)
        .doesNotContain("db-secret")
        .doesNotContain("hook-secret");
    return new Report(code, printed);
  }

  /** The embedded database as Porchlight's first start leaves it. */
  private void startedOnce() {
    String url = Settings.Store.embeddedJdbcUrl(dir.resolve("data"));
    Database.open(url, "", "", 2).close();
  }

  @Test
  void aDatabaseNoPorchlightHasStartedOnIsLeftAsItIsAndTheWaitingChangesAreNamed() {
    Report report = doctor();

    assertThat(report.out())
        .containsPattern(
            "ok       Database: the embedded database in .+: opened and answering;"
                + " \\d+ schema changes wait for Porchlight's next start \\(doctor changes nothing\\)");
    assertThat(report.exitCode()).isEqualTo(Main.OK);
    String url = Settings.Store.embeddedJdbcUrl(dir.resolve("data"));
    try (Database database = Database.openAsItIs(url, "", "")) {
      assertThat(database.pendingMigrations()).as("nothing migrated").isPositive();
    }
  }

  @Test
  void withNoTokenTheConfigurationTheEmbeddedDatabaseTheZonesAndThePortAreOk() {
    startedOnce();
    Report report = doctor();

    assertThat(report.out())
        .contains(
            "ok       Configuration: "
                + config
                + " and the environment; no platform token set, so Porchlight would start the"
                + " console")
        .contains(
            "ok       Database: the embedded database in "
                + dir.resolve("data").toString().replace('\\', '/')
                + ": opened, schema up to date, answering; 0 members")
        .contains(
            "ok       Secret key: none yet; Porchlight's first start makes "
                + dir.resolve("data").resolve("secret.key")
                + ", to be backed up with the database")
        .containsPattern("ok       Time zones: tzdata 20\\d\\d[a-z] \\(Java .+\\); no member has")
        .contains("ok       HTTP port: server.port " + port + " on 127.0.0.1 is free")
        .endsWith("\nAll is well.\n")
        .doesNotContain("problem");
    assertThat(report.exitCode()).isEqualTo(Main.OK);
  }

  @Test
  void aTelegramTokenTheBotApiAcceptsIsOkAndNamesTheBot() {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      env.put("TELEGRAM_BOT_TOKEN", TOKEN);
      env.put("PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl());

      Report report = doctor();

      assertThat(report.out())
          .contains("; tokens set for Telegram\n")
          .contains(
              "ok       Telegram: the token works: this is @PorchlightTestBot (id 123456), at "
                  + telegram.baseUrl());
      assertThat(report.exitCode()).isEqualTo(Main.OK);
    }
  }

  @Test
  void aTelegramTokenTheBotApiRefusesIsAProblemThatSaysWhereToGetTheRightOne() {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      env.put("TELEGRAM_BOT_TOKEN", WRONG);
      env.put("PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl());

      Report report = doctor();

      assertThat(report.out())
          .contains("problem  Telegram: Telegram did not accept the token (401)")
          .contains("Copy it from @BotFather (/mybots, API Token) into TELEGRAM_BOT_TOKEN.")
          .endsWith("\n1 problem to fix, above.\n");
      assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
    }
  }

  @Test
  void aBotApiThatCannotBeReachedIsAProblemNamingTheSetting() throws IOException {
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("PORCHLIGHT_TELEGRAM_API_URL", "http://127.0.0.1:" + closedPort());

    Report report = doctor();

    assertThat(report.out())
        .contains("problem  Telegram: could not reach http://127.0.0.1:")
        .contains("Check telegram.apiUrl (PORCHLIGHT_TELEGRAM_API_URL) and the network.");
    assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
  }

  @Test
  void aDiscordTokenDiscordAcceptsIsOkAndNamesTheBot() {
    try (FakeDiscord discord = FakeDiscord.start()) {
      env.put("DISCORD_BOT_TOKEN", discord.token());
      env.put("PORCHLIGHT_DISCORD_API_URL", discord.apiUrl());

      Report report = doctor();

      assertThat(report.out())
          .contains("; tokens set for Discord\n")
          .contains(
              "ok       Discord: the token works: this is Porchlight (id "
                  + discord.botId()
                  + "), at "
                  + discord.apiUrl())
          .doesNotContain(discord.token());
      assertThat(report.exitCode()).isEqualTo(Main.OK);
    }
  }

  @Test
  void aDiscordTokenDiscordRefusesIsAProblemThatSaysWhereToGetANewOne() {
    try (FakeDiscord discord = FakeDiscord.start()) {
      String wrong = "MTIzNDU2Nzg5MDEyMzQ1Njc4.not-the-token.abcdefghijklmnopqrstuvwxyz0";
      env.put("DISCORD_BOT_TOKEN", wrong);
      env.put("PORCHLIGHT_DISCORD_API_URL", discord.apiUrl());

      Report report = doctor();

      assertThat(report.out())
          .contains("problem  Discord: Discord refused the token (401)")
          .contains("(Bot, Reset Token) into DISCORD_BOT_TOKEN.")
          .doesNotContain(wrong);
      assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
    }
  }

  @Test
  void aDatabaseThatCannotBeOpenedIsAProblemAndTheOtherChecksStillRun() throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/porchlight";
    env.put("PORCHLIGHT_DB_URL", url + "?user=porchlight&password=db-secret");

    Report report = doctor();

    assertThat(report.out())
        .contains(
            "problem  Database: "
                + url
                + "?user=porchlight&password=***: could not open the database:")
        .contains("Check store.url (PORCHLIGHT_DB_URL), store.user and store.password")
        .contains("problem  Secret key: no secret key is given, and store.url names a database")
        .contains("members' zones not checked, as the database can't be read yet")
        .contains("ok       HTTP port: ");
    assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
  }

  @Test
  void aSecretKeyThatOpensTheDatabasesNamesIsOkAndIsNotPrinted() {
    String key = Base64.getEncoder().encodeToString(Sealer.newKey());
    try (Database database =
        Database.open(Settings.Store.embeddedJdbcUrl(dir.resolve("data")), "", "", 2)) {
      database.checkKey(new Sealer(Base64.getDecoder().decode(key)));
    }
    env.put("PORCHLIGHT_SECRET_KEY", key);

    Report report = doctor();

    assertThat(report.out())
        .contains(
            "ok       Secret key: store.secretKey (PORCHLIGHT_SECRET_KEY) opens the names stored in"
                + " the database\n")
        .doesNotContain(key);
    assertThat(report.exitCode()).isEqualTo(Main.OK);
  }

  @Test
  void aSecretKeyThatDoesNotOpenTheDatabasesNamesIsAProblem() {
    try (Database database =
        Database.open(Settings.Store.embeddedJdbcUrl(dir.resolve("data")), "", "", 2)) {
      database.checkKey(new Sealer(Sealer.newKey()));
    }
    String key = Base64.getEncoder().encodeToString(Sealer.newKey());
    env.put("PORCHLIGHT_SECRET_KEY", key);

    Report report = doctor();

    assertThat(report.out())
        .contains(
            "problem  Secret key: the secret key from store.secretKey (PORCHLIGHT_SECRET_KEY)"
                + " does not open the names stored in this database")
        .doesNotContain(key);
    assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
  }

  @Test
  void aBrokenSettingsFileIsTheOneProblemAndNothingElseIsChecked() throws IOException {
    write("telegram:\n  tokn: 123\n");

    Report report = doctor();

    assertThat(report.out())
        .startsWith(
            "problem  Configuration: "
                + config
                + ", line 7, key 'telegram.tokn': there is no such setting")
        .contains("The other checks need the settings: fix this first.")
        .doesNotContain("Database");
    assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
  }

  @Test
  void aZoneTheJvmDoesNotKnowIsAProblem() throws Exception {
    String url = Settings.Store.embeddedJdbcUrl(dir.resolve("data"));
    try (Database database = Database.open(url, "", "", 2)) {
      MemberId mars = new MemberId("telegram", "42");
      database
          .members()
          .save(Member.arriving(mars, "en", Instant.now()).withZone(ZoneId.of("Europe/Lisbon")));
      database
          .members()
          .save(
              Member.arriving(new MemberId("telegram", "43"), "en", Instant.now())
                  .withZone(ZoneId.of("Europe/Lisbon")));
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        // Stored by a JVM whose time zone data had a zone this one lacks.
        statement.executeUpdate(
            "UPDATE members SET zone = 'Mars/Olympus_Mons' WHERE user_id = '42'");
      }
    }

    Report report = doctor();

    assertThat(report.out())
        .containsPattern(
            "problem  Time zones: tzdata \\w+ \\(Java .+\\) does not know Mars/Olympus_Mons, which"
                + " members or communities use. Update Java");
    assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
  }

  @Test
  void zonesTheJvmKnowsAreOk() throws Exception {
    String url = Settings.Store.embeddedJdbcUrl(dir.resolve("data"));
    try (Database database = Database.open(url, "", "", 2)) {
      for (String zone : new String[] {"Europe/Lisbon", "America/Chicago", "Europe/Lisbon"}) {
        database
            .members()
            .save(
                Member.arriving(new MemberId("telegram", zone + Math.random()), "en", Instant.now())
                    .withZone(ZoneId.of(zone)));
      }
    }

    assertThat(doctor().out())
        .contains("; 3 members\n")
        .containsPattern("ok       Time zones: tzdata .+; all 2 zones in use resolve\n");
  }

  @Test
  void aPortAnotherProgramHoldsIsAProblem() throws IOException {
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    other.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    other.start();
    try {
      Report report = doctor();

      assertThat(report.out())
          .contains("problem  HTTP port: server.port " + port + " on 127.0.0.1 can't be used (")
          .contains("another program has it. Stop that program, or set server.port");
      assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
    } finally {
      other.stop(0);
    }
  }

  @Test
  void aPortARunningPorchlightHoldsIsFine() {
    try (WebServer running = WebServer.start("127.0.0.1", port)) {
      running.route("/health/live", new Health().live());

      Report report = doctor();

      assertThat(report.out())
          .contains(
              "ok       HTTP port: server.port "
                  + port
                  + " on 127.0.0.1 is in use by a Porchlight that is running");
      assertThat(report.exitCode()).isEqualTo(Main.OK);
    }
  }

  // ---- the webhook ----

  private FakeBotApi webhookMode(FakeBotApi telegram, String secret) throws IOException {
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl());
    write(
        "telegram:\n  mode: webhook\n  webhookUrl: "
            + WEBHOOK
            + "\n"
            + (secret.isEmpty() ? "" : "  webhookSecret: " + secret + "\n"));
    return telegram;
  }

  @Test
  void aWebhookTelegramDeliversToAsConfiguredIsOk() throws IOException {
    try (FakeBotApi telegram = webhookMode(FakeBotApi.start(TOKEN), "hook-secret")) {
      telegram.webhook(WEBHOOK, 0, "", Instant.EPOCH);

      Report report = doctor();

      assertThat(report.out())
          .contains(
              "ok       Telegram webhook: Telegram delivers to "
                  + WEBHOOK
                  + "; 0 updates waiting\n");
      assertThat(report.exitCode()).isEqualTo(Main.OK);
    }
  }

  @Test
  void aWebhookWithoutASecretIsOkButSaysAnyoneCanPostToIt() throws IOException {
    try (FakeBotApi telegram = webhookMode(FakeBotApi.start(TOKEN), "")) {
      telegram.webhook(WEBHOOK, 0, "", Instant.EPOCH);

      assertThat(doctor().out())
          .contains(
              "ok       Telegram webhook: Telegram delivers to "
                  + WEBHOOK
                  + "; 0 updates waiting; no telegram.webhookSecret, so anyone who finds the"
                  + " address can post to it");
    }
  }

  @Test
  void noWebhookAtTelegramIsAProblemThatSaysToStartPorchlight() throws IOException {
    try (FakeBotApi telegram = webhookMode(FakeBotApi.start(TOKEN), "hook-secret")) {
      Report report = doctor();

      assertThat(report.out())
          .contains("problem  Telegram webhook: Telegram has no webhook for this bot")
          .contains("start it, then run doctor again.");
      assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
    }
  }

  @Test
  void aWebhookTelegramDeliversElsewhereIsAProblem() throws IOException {
    try (FakeBotApi telegram = webhookMode(FakeBotApi.start(TOKEN), "hook-secret")) {
      telegram.webhook("https://old.example.org/hook", 3, "", Instant.EPOCH);

      assertThat(doctor().out())
          .contains(
              "problem  Telegram webhook: Telegram delivers this bot's updates to"
                  + " https://old.example.org/hook, not to telegram.webhookUrl "
                  + WEBHOOK);
    }
  }

  @Test
  void updatesWaitingAfterAFailedDeliveryAreAProblemWithTelegramsError() throws IOException {
    try (FakeBotApi telegram = webhookMode(FakeBotApi.start(TOKEN), "hook-secret")) {
      Instant failed = Instant.parse("2026-11-21T18:00:00Z");
      telegram.webhook(WEBHOOK, 12, "Connection refused", failed);

      Report report = doctor();

      assertThat(report.out())
          .contains(
              "problem  Telegram webhook: Telegram delivers to "
                  + WEBHOOK
                  + "; 12 updates waiting, and its last delivery failed at 2026-11-21T18:00:00Z:"
                  + " Connection refused. Check that "
                  + WEBHOOK
                  + " reaches server.port");
      assertThat(report.exitCode()).isEqualTo(Main.NEEDS_FIXING);
    }
  }

  @Test
  void anOldFailedDeliveryWithNothingWaitingIsOk() throws IOException {
    try (FakeBotApi telegram = webhookMode(FakeBotApi.start(TOKEN), "hook-secret")) {
      telegram.webhook(WEBHOOK, 0, "Read timeout expired", Instant.parse("2026-11-20T03:00:00Z"));

      assertThat(doctor().out())
          .contains(
              "ok       Telegram webhook: Telegram delivers to "
                  + WEBHOOK
                  + "; 0 updates waiting; an earlier delivery failed at 2026-11-20T03:00:00Z:"
                  + " Read timeout expired");
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
