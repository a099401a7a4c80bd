package org.porchlight.discord;

/** Porchlight could not connect to Discord: a refused token, a refused intent, no network. */
public final class DiscordStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DiscordStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
