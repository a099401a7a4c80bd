package org.porchlight.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.porchlight.core.MemberId;
import org.porchlight.delivery.Messenger.Delivery;
import org.porchlight.telegram.TelegramCalls.UnreadableAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Calls the Bot API the way a careful client does: waits out 429s for as long as Telegram asks,
 * backs off on server errors and timeouts, marks members who blocked the bot, and keeps going
 * without a method the server lacks (logged once). Every call ends within {@link
 * TelegramCalls#deadline()}; a 2xx answer it cannot read counts as taken, as Telegram did take it,
 * and is logged once a method.
 */
final class TelegramApi {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramApi.class);
  // The outbox, which blocks no one, waits as long as Telegram asks, up to this.
  private static final Duration LONGEST_OUTBOX_WAIT = Duration.ofHours(6);

  /** What became of a call. */
  enum Failure {
    NONE,
    /** The member blocked the bot, left, or the chat is gone: stop sending to them. */
    UNREACHABLE,
    /** The server does not have this method. */
    MISSING,
    /** Anything else, after the retries. */
    FAILED
  }

  private final TelegramCalls client;
  private final Pause pause;
  private final Consumer<MemberId> unreachable;
  private final Set<String> missingMethods = ConcurrentHashMap.newKeySet();
  private final Set<String> unreadableMethods = ConcurrentHashMap.newKeySet();

  private final Outage outage;

  TelegramApi(TelegramCalls client, Outage outage, Pause pause, Consumer<MemberId> unreachable) {
    this.client = client;
    this.outage = outage;
    this.pause = pause;
    this.unreachable = unreachable;
  }

  <T extends Serializable> Failure call(BotApiMethod<T> method, Optional<MemberId> recipient) {
    return call(method.getMethod(), recipient, () -> client.execute(method));
  }

  /** A call whose answer is needed: the answer, or empty when the call failed (logged). */
  <T extends Serializable> Optional<T> ask(BotApiMethod<T> method) {
    AtomicReference<T> answer = new AtomicReference<>();
    Failure failure =
        call(
            method.getMethod(),
            Optional.empty(),
            () -> {
              answer.set(client.execute(method));
              return null;
            });
    return failure == Failure.NONE ? Optional.ofNullable(answer.get()) : Optional.empty();
  }

  Failure call(SendDocument document, Optional<MemberId> recipient) {
    return call(document.getMethod(), recipient, () -> client.execute(document));
  }

  /**
   * One try, for messages the outbox sends: it, not this call, decides when to try again and marks
   * a member who can't be reached. A 429 says how long everyone should wait.
   */
  Delivery attempt(SendMessage message) {
    try {
      client.execute(message);
      outage.answered();
      return Delivery.sent();
    } catch (UnreadableAnswer e) {
      if (e.delivered()) {
        tookUnread(message.getMethod(), e);
        return Delivery.sent();
      }
      LOG.warn("sendMessage: Telegram answered {}; the outbox tries again later", e.status());
      return Delivery.failed();
    } catch (TelegramApiRequestException e) {
      int code = RetryPolicy.codeOf(e);
      String description = String.valueOf(e.getApiResponse()).toLowerCase(Locale.ROOT);
      if (code == 429) {
        // Honoured in full: sending sooner would only lengthen Telegram's flood wait.
        Duration wait = RetryPolicy.retryAfter(e, LONGEST_OUTBOX_WAIT);
        LOG.warn("sendMessage: Telegram asked to wait {} s (429)", wait.toSeconds());
        return Delivery.slowDown(wait);
      }
      if (code == 403 || (code == 400 && description.contains("chat not found"))) {
        LOG.info("sendMessage: the member can't be reached ({}), no more messages to them", code);
        return Delivery.unreachable();
      }
      LOG.warn("sendMessage: Telegram answered {}; the outbox tries again later", code);
      return Delivery.failed();
    } catch (TelegramApiException e) {
      // Said once for the whole outage, not once a letter; a stop cutting it short is none.
      if (!stopping && !interrupted(e)) outage.failed("sendMessage: " + reason(e));
      LOG.debug("sendMessage: Telegram could not be reached ({}); tried again later", reason(e));
      return Delivery.failed();
    }
  }

  boolean lacks(String method) {
    return missingMethods.contains(method.toLowerCase(Locale.ROOT));
  }

  private interface Call<T> {
    T execute() throws TelegramApiException;
  }

  private <T> Failure call(String method, Optional<MemberId> recipient, Call<T> call) {
    if (lacks(method)) return Failure.MISSING;
    for (int attempt = 1; ; attempt++) {
      try {
        call.execute();
        outage.answered();
        return Failure.NONE;
      } catch (UnreadableAnswer e) {
        if (e.delivered()) {
          tookUnread(method, e);
          return Failure.NONE; // taken: sending it again would repeat it
        }
        Optional<Duration> wait = RetryPolicy.CALLS.waitAfter(attempt, e);
        if (wait.isEmpty()) {
          LOG.warn("{}: Telegram answered {} and it could not be read", method, e.status());
          return Failure.FAILED;
        }
        LOG.warn(
            "{}: Telegram answered {} (unreadable); retrying in {} ms",
            method,
            e.status(),
            wait.get().toMillis());
        pause.pause(wait.get());
      } catch (TelegramApiException e) {
        if (stopping || interrupted(e)) {
          // Porchlight is stopping: the call was cut short on purpose, which is no outage.
          LOG.debug("{}: cut short by the stop", method);
          return Failure.FAILED;
        }
        Optional<Duration> wait = RetryPolicy.CALLS.waitAfter(attempt, e);
        if (!(e instanceof TelegramApiRequestException)) outage.failed(method + ": " + reason(e));
        if (wait.isEmpty()) return failure(method, recipient, attempt, e);
        logRetry(method, e, wait.get());
        pause.pause(wait.get());
      }
    }
  }

  private void tookUnread(String method, UnreadableAnswer e) {
    if (unreadableMethods.add(method.toLowerCase(Locale.ROOT))) {
      LOG.warn(
          "{}: Telegram answered {} with a body that could not be read; counted as done, not sent"
              + " again (logged once for this method)",
          method,
          e.status());
    }
  }

  private static void logRetry(String method, TelegramApiException e, Duration wait) {
    if (!(e instanceof TelegramApiRequestException answered)) {
      // The outage itself is logged once, as it starts and ends; each try only at DEBUG.
      LOG.debug(
          "{}: Telegram could not be reached ({}); retrying in {} ms",
          method,
          reason(e),
          wait.toMillis());
    } else if (RetryPolicy.codeOf(answered) == 429) {
      LOG.warn("{}: Telegram asked to wait {} s (429)", method, wait.toSeconds());
    } else {
      LOG.warn(
          "{}: Telegram answered {}; retrying in {} ms",
          method,
          RetryPolicy.codeOf(answered),
          wait.toMillis());
    }
  }

  /** What a call that will not be tried again comes to. */
  private Failure failure(
      String method, Optional<MemberId> recipient, int attempt, TelegramApiException e) {
    if (!(e instanceof TelegramApiRequestException answered)) {
      // The connection failed or timed out on every try.
      LOG.warn("{}: Telegram could not be reached after {} tries: {}", method, attempt, reason(e));
      return Failure.FAILED;
    }
    int code = RetryPolicy.codeOf(answered);
    String description = String.valueOf(answered.getApiResponse()).toLowerCase(Locale.ROOT);
    if (code == 403 || (code == 400 && description.contains("chat not found"))) {
      LOG.info("{}: the member can't be reached ({}), no more messages to them", method, code);
      recipient.ifPresent(unreachable);
      return Failure.UNREACHABLE;
    }
    if (code == 404) {
      if (missingMethods.add(method.toLowerCase(Locale.ROOT))) {
        LOG.warn("{}: this Bot API server does not have the method; going on without it", method);
      }
      return Failure.MISSING;
    }
    if (code == 400
        && (description.contains("query is too old") || description.contains("not modified"))) {
      // A press answered, or its message changed, once already: an update answered again after
      // the database came back, say. Nothing is amiss.
      LOG.debug("{}: done before ({} {})", method, code, answered.getApiResponse());
      return Failure.FAILED;
    }
    LOG.warn("{}: Telegram refused it ({} {})", method, code, answered.getApiResponse());
    return Failure.FAILED;
  }

  // The cause's class only: never a URL, which would carry the token.
  private volatile boolean stopping;

  /** Porchlight is stopping: calls cut short from now on are not an outage. */
  void stopping() {
    stopping = true;
  }

  /** Whether the call was cut short by a stop (its thread interrupted), not by Telegram. */
  static boolean interrupted(Throwable e) {
    if (Thread.currentThread().isInterrupted()) return true;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // Not a timeout, which OkHttp also says with an InterruptedIOException: only "interrupted".
      if (cause instanceof InterruptedException
          || cause instanceof java.io.InterruptedIOException
              && "interrupted".equals(cause.getMessage())) {
        return true;
      }
    }
    return false;
  }

  static String reason(Throwable e) {
    if (e instanceof UnreadableAnswer unread)
      return "an unreadable answer, HTTP " + unread.status();
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return cause.getClass().getSimpleName();
  }
}
