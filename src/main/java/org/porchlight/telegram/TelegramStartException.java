package org.porchlight.telegram;

/** Telegram could not be started: a rejected token, an unreachable server. Says what to check. */
public final class TelegramStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TelegramStartException(String message) {
    super(message);
  }

  TelegramStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
