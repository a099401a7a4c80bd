package org.porchlight.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps tokens and members' words out of the log: any text shaped like a Telegram or Discord bot
 * token is replaced, in messages and in stack traces, whichever library wrote it; and a payload a
 * library logs whole (the JSON of an event it could not read, which holds the words of a member's
 * message) is withheld. Used by {@link LogEncoder}.
 */
public final class Redaction {
  static final String WITHHELD = "(payload withheld)";

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

  /** The event's message with payloads withheld and tokens redacted. */
  public static String message(ILoggingEvent event) {
    Object[] arguments = event.getArgumentArray();
    if (arguments == null || Arrays.stream(arguments).noneMatch(Redaction::isPayload)) {
      return redact(event.getFormattedMessage());
    }
    Object[] kept =
        Arrays.stream(arguments)
            .map(argument -> isPayload(argument) ? WITHHELD : argument)
            .toArray();
    return redact(MessageFormatter.basicArrayFormat(event.getMessage(), kept));
  }

  /**
   * JSON a library passes to its log as an argument: JDA logs a gateway event it could not handle
   * (a DM's {@code content} included) as a {@code DataObject}, or the raw frame as a string.
   */
  static boolean isPayload(Object argument) {
    if (argument instanceof DataObject
        || argument instanceof DataArray
        || argument instanceof JsonNode) {
      return true;
    }
    if (!(argument instanceof CharSequence text)) return false;
    String json = text.toString().strip();
    return (json.startsWith("{\"") && json.endsWith("}"))
        || (json.startsWith("[{") && json.endsWith("]"));
  }

  /** The log message, with payloads withheld and tokens redacted. */
  public static final class Message extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return message(event);
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
