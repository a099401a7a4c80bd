package org.porchlight.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.porchlight.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every log line through one door, Logback's, once the settings are read: in the format they
 * ask for, and redacted. What the libraries write with {@code java.util.logging} (OkHttp, the JDK's
 * HTTP server) and an exception no thread caught would otherwise reach standard error raw.
 */
public final class Logs {
  private static final Logger LOG = LoggerFactory.getLogger(Logs.class);

  private Logs() {}

  /** Applies {@code settings}: text or JSON from now on. Calling it again changes nothing more. */
  public static void configure(Settings.Logging settings) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      format(context, settings.format().toString());
    }
    JavaLogging.install();
    if (!(Thread.getDefaultUncaughtExceptionHandler() instanceof Uncaught)) {
      Thread.setDefaultUncaughtExceptionHandler(new Uncaught());
    }
  }

  /**
   * Sets {@code format} on every {@link LogEncoder} writing for the root logger of {@code context}.
   */
  static void format(LoggerContext context, String format) {
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
          && appender.getEncoder() instanceof LogEncoder encoder) {
        encoder.setFormat(format);
      }
    }
  }

  /** An exception that ended a thread: logged like any error, not printed raw. */
  private static final class Uncaught implements Thread.UncaughtExceptionHandler {
    @Override
    public void uncaughtException(Thread thread, Throwable e) {
      LOG.error("thread {} stopped on an exception", thread.getName(), e);
    }
  }

  /** Hands {@code java.util.logging} records of level WARNING and up to SLF4J. */
  static final class JavaLogging extends Handler {
    private JavaLogging() {}

    static void install() {
      java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
      for (Handler handler : root.getHandlers()) {
        if (handler instanceof JavaLogging) return;
      }
      for (Handler handler : root.getHandlers()) root.removeHandler(handler);
      root.setLevel(Level.WARNING);
      root.addHandler(new JavaLogging());
    }

    @Override
    public void publish(LogRecord record) {
      if (record == null || !isLoggable(record)) return;
      String name = record.getLoggerName() == null ? "java.util.logging" : record.getLoggerName();
      Logger logger = LoggerFactory.getLogger(name);
      String message = message(record);
      Throwable thrown = record.getThrown();
      if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
        logger.error(message, thrown);
      } else if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        logger.warn(message, thrown);
      } else if (record.getLevel().intValue() >= Level.INFO.intValue()) {
        logger.info(message, thrown);
      } else {
        logger.debug(message, thrown);
      }
    }

    private static String message(LogRecord record) {
      String message = record.getMessage();
      Object[] parameters = record.getParameters();
      if (message == null || parameters == null || parameters.length == 0) return message;
      try {
        return java.text.MessageFormat.format(message, parameters);
      } catch (IllegalArgumentException e) {
        return message;
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
