package org.porchlight.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.regex.Pattern;

/**
 * Keeps tokens out of the log: any text shaped like a Telegram or Discord bot token is replaced, in
 * messages and in stack traces, whichever library wrote it. Wired in {@code logback.xml}.
 */
public final class Redaction {
  private static final Pattern TOKENS =
      Pattern.compile(
          // Telegram: 123456789:AA... ; Discord: three base64url parts joined by dots. Not \b:
          // in Bot API URLs the token follows "bot" with no word break ("/bot123456:AA.../getMe").
          "(?<![0-9])\\d{5,12}:[A-Za-z0-9_-]{30,}(?![A-Za-z0-9_-])"
              + "|(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{23,28}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,}"
              + "(?![A-Za-z0-9_-])");

  private Redaction() {}

  /** {@code text} with every token-shaped run replaced by {@code ***}. */
  public static String redact(String text) {
    return text == null ? null : TOKENS.matcher(text).replaceAll("***");
  }

  /** The log message, redacted. */
  public static final class Message extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return redact(super.convert(event));
    }
  }

  /** The stack trace, redacted. */
  public static final class Trace extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
      return redact(super.throwableProxyToString(proxy));
    }
  }
}
