package org.porchlight.telegram;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The bot's own account at the Bot API, asked once and without retrying, through the library's
 * client at {@code telegram.apiUrl} as {@link TelegramBot} reaches it: for {@code porchlight
 * doctor}, which says what it found rather than waiting for Telegram to come back.
 */
public final class TelegramAccount implements AutoCloseable {
  /** The bot, as getMe describes it. */
  public record Bot(long id, String username) {
    public Bot {
      requireNonNull(username, "username == null");
    }
  }

  /**
   * Where Telegram delivers the bot's updates, as getWebhookInfo describes it: {@code url} is empty
   * when there is no webhook, {@code lastErrorMessage} when no delivery failed.
   */
  public record Webhook(
      String url, int pendingUpdates, String lastErrorMessage, Instant lastErrorDate) {
    public Webhook {
      requireNonNull(url, "url == null");
      requireNonNull(lastErrorMessage, "lastErrorMessage == null");
      requireNonNull(lastErrorDate, "lastErrorDate == null");
    }
  }

  /**
   * The Bot API answered, but not with what was asked: its error code (or the HTTP status, when the
   * answer was not the Bot API's) and its description.
   */
  public static final class ErrorAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errorCode;
    private final String description;

    ErrorAnswer(int errorCode, String description) {
      super(errorCode + (description.isEmpty() ? "" : " " + description));
      this.errorCode = errorCode;
      this.description = description;
    }

    public int errorCode() {
      return errorCode;
    }

    /** The Bot API's description of the error; empty when it gave none. */
    public String description() {
      return description;
    }

    /** The token was refused: 401, or 404, which is also what a server that isn't one answers. */
    public boolean tokenRefused() {
      return errorCode == 401 || errorCode == 404;
    }
  }

  private final OkHttpClient http;
  private final OkHttpTelegramClient client;
  // The library reads the body alone: an error page from a proxy, or from a server that isn't a
  // Bot API, says what it is only in its HTTP status.
  private volatile int lastStatus;

  /**
   * @param timeout how long each call may take, connecting included
   * @throws IllegalArgumentException when {@code apiUrl} is not a URL
   */
  public TelegramAccount(String token, String apiUrl, Duration timeout) {
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .callTimeout(timeout)
            .followRedirects(false)
            .addNetworkInterceptor(
                chain -> {
                  Response response = chain.proceed(chain.request());
                  lastStatus = response.code();
                  return response;
                })
            .build();
    this.client = new OkHttpTelegramClient(http, token, TelegramBot.telegramUrl(apiUrl));
  }

  /**
   * Asks getMe who the bot is.
   *
   * @throws ErrorAnswer when the Bot API answers with an error, or without the bot
   * @throws IOException when it can't be reached in time
   */
  public Bot whoAmI() throws IOException {
    User me = execute(new GetMe());
    if (me == null || me.getUserName() == null) throw new ErrorAnswer(lastStatus, "");
    return new Bot(me.getId(), me.getUserName());
  }

  /**
   * Asks getWebhookInfo where Telegram delivers the bot's updates.
   *
   * @throws ErrorAnswer when the Bot API answers with an error, or without the webhook's state
   * @throws IOException when it can't be reached in time
   */
  public Webhook webhook() throws IOException {
    WebhookInfo info = execute(new GetWebhookInfo());
    if (info == null || info.getUrl() == null) throw new ErrorAnswer(lastStatus, "");
    return new Webhook(
        info.getUrl(),
        info.getPendingUpdatesCount() == null ? 0 : info.getPendingUpdatesCount(),
        info.getLastErrorMessage() == null ? "" : info.getLastErrorMessage(),
        Instant.ofEpochSecond(info.getLastErrorDate() == null ? 0 : info.getLastErrorDate()));
  }

  private <T extends Serializable> T execute(BotApiMethod<T> method) throws IOException {
    lastStatus = 0;
    try {
      return client.execute(method);
    } catch (TelegramApiRequestException e) {
      // Answered: by the Bot API with its error code, or by something else with its status.
      // An answer the library could not read has error code 0 (or none).
      Integer code = e.getErrorCode();
      int status = code == null || code == 0 ? lastStatus : code;
      throw new ErrorAnswer(status, e.getApiResponse() == null ? "" : e.getApiResponse());
    } catch (TelegramApiException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      }
      throw new IOException(method.getMethod() + " could not be sent", cause);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
