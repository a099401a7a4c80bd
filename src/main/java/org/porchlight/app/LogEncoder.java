package org.porchlight.app;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.porchlight.config.Settings;

/**
 * Writes each log event as a line of text for people, or as one JSON object per line for log
 * collectors ({@code logging.format}); in both, the message, the thread and the stack trace pass
 * through {@link Redaction}: no token, and no payload that could hold a member's words. Wired in
 * {@code logback.xml}; {@link Logs} switches the format once the settings are read.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%ex";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final JsonFactory json = new JsonFactory();
  private final PatternLayout text = new PatternLayout();
  private volatile boolean asJson;

  /** {@code text} or {@code json}; anything else is text (the settings name the mistake). */
  public void setFormat(String format) {
    asJson =
        Settings.Logging.Format.JSON
            .toString()
            .equalsIgnoreCase(format == null ? "" : format.strip());
  }

  boolean isJson() {
    return asJson;
  }

  @Override
  public void start() {
    // Set here, not in logback.xml, so no configuration can leave the redaction out.
    text.getInstanceConverterMap().put("msg", Redaction.Message::new);
    text.getInstanceConverterMap().put("ex", Redaction.Trace::new);
    text.setPattern(TEXT_PATTERN);
    text.setContext(getContext());
    text.start();
    super.start();
  }

  @Override
  public void stop() {
    text.stop();
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    String line = asJson ? json(event) : text.doLayout(event);
    return line.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  /**
   * {@code {"timestamp":"2026-11-21T19:00:00.000Z","level":"WARN","logger":"...","thread":"...",
   * "message":"..."}}, with {@code "stackTrace"} when there is one; one line, whatever it holds.
   */
  private String json(ILoggingEvent event) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator out = json.createGenerator(line)) {
      out.writeStartObject();
      out.writeStringField("timestamp", TIMESTAMP.format(event.getInstant()));
      out.writeStringField("level", event.getLevel().toString());
      out.writeStringField("logger", event.getLoggerName());
      out.writeStringField("thread", Redaction.redact(event.getThreadName()));
      out.writeStringField("message", Redaction.message(event));
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        out.writeStringField("stackTrace", Redaction.redact(ThrowableProxyUtil.asString(thrown)));
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.append('\n').toString();
  }
}
