package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogEncoderTest {
  private static final String TELEGRAM = "123456789:TEST-token-for-the-log-encoder-0123456789";
  private static final String DISCORD =
      "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoggerContext context = new LoggerContext();

  private LogEncoder encoder(String format) {
    LogEncoder encoder = new LogEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.start();
    return encoder;
  }

  private LoggingEvent event(Throwable thrown) {
    LoggingEvent event =
        new LoggingEvent(
            "org.slf4j.Logger",
            context.getLogger("okhttp3.OkHttpClient"),
            Level.WARN,
            "calling {} failed",
            thrown,
            new Object[] {"https://api.telegram.org/bot" + TELEGRAM + "/getMe"});
    event.setThreadName("OkHttp https://api.telegram.org/bot" + TELEGRAM + "/getUpdates");
    event.setInstant(Instant.parse("2026-11-21T19:04:05.678901Z"));
    return event;
  }

  private static IllegalStateException thrownWithTokens() {
    return new IllegalStateException(
        "no route to https://api.telegram.org/bot" + TELEGRAM + "/sendMessage",
        new IOException("Authorization: Bot " + DISCORD));
  }

  private static String line(LogEncoder encoder, ILoggingEvent event) {
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void textIsOneLineForPeopleWithTokensRedactedInTheMessageAndTheStackTrace() {
    String text = line(encoder("text"), event(thrownWithTokens()));

    assertThat(text)
        .contains(" WARN  OkHttpClient - calling https://api.telegram.org/bot***/getMe failed")
        .contains("no route to https://api.telegram.org/bot***/sendMessage")
        .contains("Authorization: Bot ***")
        .contains("\tat org.porchlight.app.LogEncoderTest")
        .doesNotContain(TELEGRAM)
        .doesNotContain(DISCORD);
  }

  @Test
  void jsonIsOneObjectALineWithTimestampLevelLoggerThreadMessageAndStackTrace() throws Exception {
    String line = line(encoder("json"), event(thrownWithTokens()));

    assertThat(line).endsWith("}\n").hasLineCount(1);
    JsonNode json = JSON.readTree(line);
    assertThat(json.path("timestamp").asText()).isEqualTo("2026-11-21T19:04:05.678Z");
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("logger").asText()).isEqualTo("okhttp3.OkHttpClient");
    assertThat(json.path("thread").asText())
        .isEqualTo("OkHttp https://api.telegram.org/bot***/getUpdates");
    assertThat(json.path("message").asText())
        .isEqualTo("calling https://api.telegram.org/bot***/getMe failed");
    assertThat(json.path("stackTrace").asText())
        .startsWith("java.lang.IllegalStateException: no route to https://api.telegram.org/bot***/")
        .contains("Caused by: java.io.IOException: Authorization: Bot ***")
        .contains("\tat org.porchlight.app.LogEncoderTest");
    assertThat(line).doesNotContain(TELEGRAM).doesNotContain(DISCORD);
  }

  @Test
  void jsonWithoutAnExceptionHasNoStackTrace() throws Exception {
    JsonNode json = JSON.readTree(line(encoder("json"), event(null)));

    assertThat(json.has("stackTrace")).isFalse();
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("timestamp", "level", "logger", "thread", "message");
  }

  @Test
  void aMessageOverSeveralLinesStaysOneJsonLine() throws Exception {
    LoggingEvent event =
        new LoggingEvent(
            "org.slf4j.Logger",
            context.getLogger("test"),
            Level.INFO,
            "first line\nsecond line \"quoted\"\ttab",
            null,
            null);

    String line = line(encoder("json"), event);

    assertThat(line).hasLineCount(1);
    assertThat(JSON.readTree(line).path("message").asText())
        .isEqualTo("first line\nsecond line \"quoted\"\ttab");
  }

  @Test
  void anUnknownFormatIsText() {
    assertThat(encoder("xml").isJson()).isFalse();
    assertThat(encoder(" JSON ").isJson()).isTrue();
  }

  @Test
  void theSettingsSwitchTheEncoderOfTheRootAppenderToJson() {
    LogEncoder encoder = encoder("text");
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);

    Logs.format(context, "json");

    assertThat(encoder.isJson()).isTrue();
  }
}
