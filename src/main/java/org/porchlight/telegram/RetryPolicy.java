package org.porchlight.telegram;

import java.time.Duration;
import java.util.Optional;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * When a failed call to Telegram is worth another try, and how long to wait first. Only passing
 * trouble is tried again: no answer at all, a server error, or a 429, which waits as long as
 * Telegram asks (never more than {@code longestWait}). Everything else Telegram answered is final:
 * asking again would get the same answer. The start calls and the conversation's calls share it;
 * the outbox keeps its own schedule, as it blocks no one.
 *
 * @param attempts tries in all, the first included
 * @param firstBackoff the wait after the first failed try; it doubles after each one
 */
record RetryPolicy(int attempts, Duration firstBackoff, Duration longestWait) {
  /** Signing in and setting the webhook: three tries, one and then two seconds apart. */
  static final RetryPolicy START =
      new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

  /** Answers and edits in a chat: five tries from half a second apart. */
  static final RetryPolicy CALLS =
      new RetryPolicy(5, Duration.ofMillis(500), Duration.ofMinutes(2));

  RetryPolicy {
    if (attempts < 1) throw new IllegalArgumentException("attempts < 1: " + attempts);
  }

  /**
   * How long to wait after try number {@code attempt} failed with {@code failure}, or empty when it
   * should not be tried again: it was the last try, or Telegram's answer is final.
   */
  Optional<Duration> waitAfter(int attempt, TelegramApiException failure) {
    if (attempt >= attempts) return Optional.empty();
    if (failure instanceof TelegramCalls.UnreadableAnswer unread) {
      // Answered, but only the HTTP status can be read: it says the same as an error code would.
      int status = unread.status();
      if (status == 429) return Optional.of(Duration.ofSeconds(1));
      if (status >= 500) return Optional.of(backoff(attempt));
      return Optional.empty();
    }
    if (!(failure instanceof TelegramApiRequestException answered)) {
      return Optional.of(backoff(attempt));
    }
    int code = codeOf(answered);
    if (code == 429) return Optional.of(retryAfter(answered, longestWait));
    if (code == 0 || code >= 500) return Optional.of(backoff(attempt));
    return Optional.empty();
  }

  private Duration backoff(int attempt) {
    return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
  }

  /** Telegram's error code, or 0 when the answer had none. */
  static int codeOf(TelegramApiRequestException e) {
    return e.getErrorCode() == null ? 0 : e.getErrorCode();
  }

  /** The wait a 429 asks for: at least a second, at most {@code longest}. */
  static Duration retryAfter(TelegramApiRequestException e, Duration longest) {
    Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
    Duration wait = Duration.ofSeconds(seconds == null || seconds < 1 ? 1 : seconds);
    return wait.compareTo(longest) > 0 ? longest : wait;
  }
}
