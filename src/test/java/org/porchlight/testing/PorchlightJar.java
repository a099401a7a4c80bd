package org.porchlight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code java -jar porchlight.jar} as a newcomer runs it: configured by the environment alone. */
public final class PorchlightJar {
  private static final List<String> PLATFORM_TOKENS =
      List.of("TELEGRAM_BOT_TOKEN", "DISCORD_BOT_TOKEN");

  private PorchlightJar() {}

  /**
   * Starts the jar built by {@code package} with {@code env} added (and no platform token but those
   * in it), its output and errors going to {@code log}.
   */
  public static Process start(Map<String, String> env, Path log) throws IOException {
    Path jar = Path.of(System.getProperty("porchlight.jar", "target/porchlight.jar"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeAll(PLATFORM_TOKENS);
    builder.environment().put("PORCHLIGHT_SERVER_PORT", String.valueOf(freePort()));
    builder.environment().putAll(env);
    return builder.start();
  }

  /** A port nothing listens on now, for a jar's HTTP server, so tests never clash on 8080. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
