package org.porchlight.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.porchlight.app.LogEncoder;
import org.slf4j.LoggerFactory;

/**
 * The log as the jar writes it, in this process: Porchlight's own loggers at DEBUG, the libraries'
 * at WARN, each line through the production {@link LogEncoder} in the format asked for.
 */
public final class CapturedLog implements AutoCloseable {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
  private final Logger root;
  private final Logger porchlight;
  private final Level porchlightLevel;

  private CapturedLog(String format) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogEncoder encoder = new LogEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.start();
    appender.setContext(context);
    appender.setName("captured");
    appender.setEncoder(encoder);
    appender.setOutputStream(bytes);
    appender.start();
    root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    porchlight = context.getLogger("org.porchlight");
    porchlightLevel = porchlight.getLevel();
    porchlight.setLevel(Level.DEBUG);
    root.addAppender(appender);
  }

  /** Starts capturing in {@code format}: {@code text} or {@code json}. */
  public static CapturedLog start(String format) {
    return new CapturedLog(format);
  }

  /** Everything written so far. */
  public String text() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    porchlight.setLevel(porchlightLevel);
  }
}
