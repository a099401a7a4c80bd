package org.porchlight.discord;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The bot's own account at Discord's REST API, asked once with {@code GET users/@me}: for {@code
 * porchlight doctor}. Not through JDA, which only makes REST calls for a session it has logged in
 * to the gateway, and a doctor opens no session.
 */
public final class DiscordAccount {
  /** The bot's user, as {@code users/@me} describes it. */
  public record User(String id, String username) {
    public User {
      requireNonNull(id, "id == null");
      requireNonNull(username, "username == null");
    }
  }

  /**
   * Discord answered, but not with the bot: the HTTP status, and Discord's own error code and
   * message from the body (0 and empty when the body was not Discord's, such as a proxy's page).
   */
  public static final class ErrorAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final int code;
    private final String discordMessage;

    ErrorAnswer(int status, int code, String discordMessage) {
      super(status + (discordMessage.isEmpty() ? "" : " " + discordMessage));
      this.status = status;
      this.code = code;
      this.discordMessage = discordMessage;
    }

    public int status() {
      return status;
    }

    /** Discord's JSON error code, such as 50001 (Missing Access); 0 when it gave none. */
    public int code() {
      return code;
    }

    /** Discord's message about the error; empty when it gave none. */
    public String discordMessage() {
      return discordMessage;
    }

    /** The token was refused (401), or may not do this (403). */
    public boolean tokenRefused() {
      return status == 401 || status == 403;
    }
  }

  // What Discord's answers are bound to; fields Porchlight does not read are left out.
  private record Answer(
      String id, String username, Integer code, String description, String message) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final HttpClient http;
  private final HttpRequest request;

  /**
   * @param apiUrl Discord's REST API, ending in a slash, such as {@code
   *     https://discord.com/api/v10/}
   * @param timeout how long the call may take, connecting included
   * @throws IllegalArgumentException when {@code apiUrl} is not an http or https URL
   */
  public DiscordAccount(String apiUrl, String token, Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.request =
        HttpRequest.newBuilder(URI.create(apiUrl + "users/@me"))
            .timeout(timeout)
            .header("Authorization", "Bot " + token)
            // Discord asks bots to say who they are; requests without it may be refused.
            .header("User-Agent", "DiscordBot (https://github.com/porchlight, 0.1.0)")
            .GET()
            .build();
  }

  /**
   * Asks Discord who the bot is.
   *
   * @throws ErrorAnswer when Discord answers with an error, or without the bot
   * @throws IOException when it can't be reached in time
   */
  public User whoAmI() throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
    Answer answer = read(response.body());
    if (response.statusCode() == 200 && answer.username() != null) {
      return new User(answer.id() == null ? "" : answer.id(), answer.username());
    }
    String description = answer.description() != null ? answer.description() : answer.message();
    throw new ErrorAnswer(
        response.statusCode(),
        answer.code() == null ? 0 : answer.code(),
        description == null ? "" : description);
  }

  private static Answer read(String body) {
    try {
      Answer answer = JSON.readValue(body, Answer.class);
      return answer == null ? new Answer(null, null, null, null, null) : answer;
    } catch (JsonProcessingException e) {
      // Not JSON, such as a proxy's error page: its status says what there is to say.
      return new Answer(null, null, null, null, null);
    }
  }
}
