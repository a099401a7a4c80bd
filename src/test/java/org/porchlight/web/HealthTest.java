package org.porchlight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthTest {
  private final AtomicBoolean databaseUp = new AtomicBoolean(true);
  private final Health health =
      new Health().check("database", databaseUp::get).check("telegram", () -> true);
  private final WebServer web = WebServer.start("127.0.0.1", 0);
  private final HttpClient http = HttpClient.newHttpClient();

  HealthTest() {
    web.route("/health/live", health.live());
    web.route("/health/ready", health.ready());
    health.started();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private HttpResponse<String> get(String path, String method) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyWhenEveryCheckIsUpAndSaysWhichIsDownWhenOneIsNot() throws Exception {
    HttpResponse<String> up = get("/health/ready", "GET");
    databaseUp.set(false);
    HttpResponse<String> down = get("/health/ready", "GET");

    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body())
        .isEqualTo("{\"status\":\"up\",\"checks\":{\"database\":\"up\",\"telegram\":\"up\"}}\n");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("\"database\":\"down\"").contains("\"telegram\":\"up\"");
    assertThat(get("/health/live", "GET").statusCode()).as("alive all the same").isEqualTo(200);
  }

  @Test
  void aCheckThatThrowsCountsAsDown() throws Exception {
    health.check(
        "discord",
        () -> {
          throw new IllegalStateException("no gateway");
        });

    HttpResponse<String> ready = get("/health/ready", "GET");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"discord\":\"down\"").doesNotContain("no gateway");
  }

  @Test
  void aDetailIsShownButNeverHoldsReadiness() throws Exception {
    AtomicBoolean loaded = new AtomicBoolean(false);
    health.detail("understanding", loaded::get);

    HttpResponse<String> loading = get("/health/ready", "GET");
    loaded.set(true);
    HttpResponse<String> ready = get("/health/ready", "GET");

    assertThat(loading.statusCode()).isEqualTo(200);
    assertThat(loading.body()).contains("\"understanding\":\"down\"");
    assertThat(health.isReady()).isTrue();
    assertThat(ready.body()).contains("\"understanding\":\"up\"");
  }

  @Test
  void notReadyWhileStarting() throws Exception {
    Health starting = new Health().check("database", () -> true);
    web.route("/starting/ready", starting.ready());

    HttpResponse<String> ready = get("/starting/ready", "GET");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"started\":\"down\"");
    assertThat(starting.isReady()).isFalse();
  }

  @Test
  void stoppingIsNotReadyNorLive() throws Exception {
    health.stopping();

    assertThat(get("/health/ready", "GET").statusCode()).isEqualTo(503);
    assertThat(get("/health/live", "GET").statusCode()).isEqualTo(503);
    assertThat(health.isReady()).isFalse();
  }

  @Test
  void headIsAnsweredAndOtherMethodsAreNot() throws Exception {
    assertThat(get("/health/live", "HEAD").statusCode()).isEqualTo(200);
    assertThat(get("/health/live", "POST").statusCode()).isEqualTo(405);
  }
}
