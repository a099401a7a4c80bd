package org.porchlight.app.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.porchlight.config.Settings;

/**
 * {@code server.port} is free for the health checks and the webhook, or held by a Porchlight that
 * is running.
 */
record PortCheck(Settings.Server server) implements Check {
  // A Porchlight on this machine answers /health/live at once.
  private static final Duration LOCAL_TIMEOUT = Duration.ofSeconds(2);

  @Override
  public String name() {
    return "HTTP port";
  }

  @Override
  public List<Finding> run() {
    int port = server.port();
    String where = "server.port " + port + " on " + server.bindAddress();
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(server.bindAddress(), port));
      return List.of(ok(where + " is free for the health checks and the webhook"));
    } catch (IOException e) {
      if (porchlightAnswers()) {
        return List.of(
            ok(where + " is in use by a Porchlight that is running (/health/live answers)"));
      }
      return List.of(
          problem(
              where + " can't be used (" + e.getMessage() + "): another program has it.",
              "Stop that program, or set server.port (PORCHLIGHT_SERVER_PORT) to a free port."));
    }
  }

  private boolean porchlightAnswers() {
    String host = server.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : server.bindAddress();
    if (host.contains(":")) host = "[" + host + "]";
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(LOCAL_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://" + host + ":" + server.port() + "/health/live"))
                  .timeout(LOCAL_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.body().contains("\"status\"");
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
