package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.store.Database;
import org.porchlight.store.Sealer;
import org.porchlight.telegram.FakeBotApi;
import org.porchlight.testing.PorchlightJar;
import org.porchlight.testing.TestPostgres;

/**
 * The jar started the way {@code docker/Dockerfile} starts it: its entrypoint, from a folder that
 * holds the jar and {@code config/}, with the image's environment and no other, as a user that is
 * not root and owns nothing but the data folder. When the tests run as root (CI does), {@code
 * setpriv} drops to {@code nobody} first.
 */
class ContainerJarIT {
  private static final String TOKEN = "123456:TEST-token-for-the-container-check-01234";
  private static final int NOBODY = 65534;
  // Docker's default PATH in a container; the rest of the test's environment stays out.
  private static final String CONTAINER_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void onTheEmbeddedDatabaseInItsVolumeItBecomesReadyAndStopsOnSigterm() throws Exception {
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Container container = start(telegram, Map.of());
      JsonNode ready = container.awaitReady();
      container.stop();

      assertThat(ready.path("checks").path("database").asText()).isEqualTo("up");
      assertThat(ready.path("checks").path("telegram").asText()).isEqualTo("up");
      assertThat(Files.exists(container.data.resolve("porchlight.mv.db"))).isTrue();
      assertThat(Files.exists(container.data.resolve("secret.key")))
          .as("the key made on the first start, beside the database")
          .isTrue();
      if (isRoot()) {
        assertThat(Files.getAttribute(container.data.resolve("porchlight.mv.db"), "unix:uid"))
            .as("the database file belongs to the user Porchlight ran as")
            .isEqualTo(NOBODY);
      }
    }
  }

  @Test
  @EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
  void onPostgresAsComposeRunsItItBecomesReadyAndStopsOnSigterm() throws Exception {
    emptyPostgres();
    Map<String, String> database = new LinkedHashMap<>();
    database.put("PORCHLIGHT_DB_URL", TestPostgres.url());
    database.put("PORCHLIGHT_DB_USER", TestPostgres.user());
    database.put("PORCHLIGHT_DB_PASSWORD", TestPostgres.password());
    database.put("PORCHLIGHT_SECRET_KEY", Base64.getEncoder().encodeToString(Sealer.newKey()));
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Container container = start(telegram, database);
      JsonNode ready = container.awaitReady();
      container.stop();

      assertThat(ready.path("checks").path("database").asText()).isEqualTo("up");
      assertThat(ready.path("checks").path("telegram").asText()).isEqualTo("up");
      try (Stream<Path> written = Files.list(container.data)) {
        assertThat(written).as("nothing embedded beside PostgreSQL").isEmpty();
      }
    }
  }

  /** A running jar, its port, its data folder and its log. */
  private final class Container {
    final Process process;
    final int port;
    final Path data;
    final Path log;

    Container(Process process, int port, Path data, Path log) {
      this.process = process;
      this.port = port;
      this.data = data;
      this.log = log;
    }

    /**
     * Waits for {@code /health/ready} to answer 200 with Telegram among its checks, as Docker's
     * healthcheck would see it once started, and for the start to finish; returns the answer.
     */
    JsonNode awaitReady() throws Exception {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
              .timeout(Duration.ofSeconds(4))
              .build();
      try {
        // Ready answers 200 as soon as the server is up, before Telegram's check is added and
        // before the scheduler starts: wait for all of it.
        HttpResponse<String> answer =
            await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .failFast("Porchlight exited before it was ready", () -> !process.isAlive())
                .until(
                    () -> http.send(ready, HttpResponse.BodyHandlers.ofString()),
                    response ->
                        response.statusCode() == 200 && response.body().contains("\"telegram\""));
        await()
            .atMost(Duration.ofSeconds(30))
            .failFast("Porchlight exited while starting", () -> !process.isAlive())
            .until(() -> printed().contains("Porchlight is running"));
        if (isRoot()) {
          assertThat(Files.getAttribute(Path.of("/proc", "" + process.pid()), "unix:uid"))
              .as("Porchlight runs as nobody, not root")
              .isEqualTo(NOBODY);
        }
        return JSON.readTree(answer.body());
      } catch (RuntimeException | AssertionError e) {
        process.destroyForcibly();
        throw new AssertionError("the jar printed:\n" + printed(), e);
      }
    }

    /** Sends SIGTERM, as {@code docker stop} does, and checks that Porchlight stopped cleanly. */
    void stop() throws Exception {
      process.destroy(); // SIGTERM
      boolean stopped = process.waitFor(30, TimeUnit.SECONDS);
      if (!stopped) process.destroyForcibly();
      assertThat(stopped).as("stopped on SIGTERM; it printed:\n%s", printed()).isTrue();
      assertThat(process.exitValue()).as("exit status").isZero();
      assertThat(printed())
          .contains("Stopped.")
          .doesNotContain(TOKEN)
          .doesNotContain("Exception")
          .doesNotContain("ERROR");
    }

    String printed() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  /**
   * Lays out the image's {@code /app} and {@code /data} under the test folder and starts the
   * entrypoint there, with the image's environment, {@code settings} and a token for the fake
   * {@code telegram}.
   */
  private Container start(FakeBotApi telegram, Map<String, String> settings) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path app = Files.createDirectory(dir.resolve("app"));
    Path jar = Path.of(System.getProperty("porchlight.jar", "target/porchlight.jar"));
    Files.copy(jar, app.resolve("porchlight.jar"));
    Files.setPosixFilePermissions(
        app.resolve("porchlight.jar"), PosixFilePermissions.fromString("rw-r--r--"));
    copyTree(Path.of("config"), app.resolve("config"));
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    if (isRoot()) {
      Files.setAttribute(data, "unix:uid", NOBODY);
      Files.setAttribute(data, "unix:gid", NOBODY);
    }

    DockerImage image = DockerImage.read();
    Map<String, String> environment = new LinkedHashMap<>(image.environment());
    environment.put("PATH", CONTAINER_PATH);
    environment.put("PORCHLIGHT_DATA_DIR", data.toString()); // /data in the image
    int port = PorchlightJar.freePort();
    environment.put("PORCHLIGHT_SERVER_PORT", String.valueOf(port));
    environment.put("TELEGRAM_BOT_TOKEN", TOKEN);
    environment.put("PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl());
    environment.putAll(settings);

    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(
          List.of(setpriv(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    }
    List<String> entrypoint = image.entrypoint();
    // The image's java is on its PATH; here it is the JDK running the tests.
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(entrypoint.subList(1, entrypoint.size()));

    Path log = dir.resolve("log.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(app.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return new Container(builder.start(), port, data, log);
  }

  private static void emptyPostgres() throws Exception {
    try (Database database = TestPostgres.open(2);
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM members");
      statement.executeUpdate("DELETE FROM communities");
      statement.executeUpdate("DELETE FROM update_offsets");
      // Each run gives a new key: the check a run before sealed would not open with it.
      statement.executeUpdate("DELETE FROM secret_key_check");
    }
  }

  /** Copies a folder readable by everyone, as COPY puts it in the image. */
  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(path, target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }

  private static boolean isRoot() throws IOException {
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }

  private static String setpriv() {
    for (String candidate : List.of("/usr/bin/setpriv", "/bin/setpriv")) {
      if (Files.isExecutable(Path.of(candidate))) return candidate;
    }
    throw new IllegalStateException("setpriv (util-linux) is needed to run the jar as nobody");
  }
}
