package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private static final String TELEGRAM = "123456789:TEST-token-for-redaction-0123456789ab";
  private static final String DISCORD =
      "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

  @Test
  void botTokensInATextAreReplaced() {
    String redacted =
        Redaction.redact("POST https://api.telegram.org/bot" + TELEGRAM + "/getMe, Bot " + DISCORD);

    assertThat(redacted).doesNotContain(TELEGRAM).doesNotContain(DISCORD).contains("/bot***/getMe");
  }

  @Test
  void timesDatesAndIdsAreLeftAlone() {
    String text = "check-in at 20:00 on 2026-11-21 for member 123456789, update 892345671";

    assertThat(Redaction.redact(text)).isEqualTo(text);
  }

  @Test
  void theLogConvertersRedactMessagesAndStackTraces() {
    LoggerContext context = new LoggerContext();
    LoggingEvent event =
        new LoggingEvent(
            "test",
            context.getLogger("test"),
            Level.ERROR,
            "calling {} failed",
            new IllegalStateException("no route to bot" + TELEGRAM),
            new Object[] {"bot" + TELEGRAM});
    Redaction.Message message = new Redaction.Message();
    Redaction.Trace trace = new Redaction.Trace();
    trace.setContext(context);
    trace.start();

    assertThat(message.convert(event)).isEqualTo("calling bot*** failed");
    assertThat(trace.convert(event)).contains("no route to bot***").doesNotContain(TELEGRAM);
  }

  @Test
  void aPayloadALibraryLogsWholeIsWithheldAndTheRestOfTheLineKept() {
    LoggerContext context = new LoggerContext();
    DataObject event = DataObject.empty().put("content", "words a member wrote");
    LoggingEvent parsed =
        new LoggingEvent(
            "test",
            context.getLogger("net.dv8tion.jda.internal.requests.WebSocketClient"),
            Level.WARN,
            "Got an unexpected Json-parse error.\n\tJDA {}\n\t{} -> {}",
            null,
            new Object[] {"6.5.0", "MESSAGE_CREATE", event});
    LoggingEvent raw =
        new LoggingEvent(
            "test",
            context.getLogger("net.dv8tion.jda.internal.requests.WebSocketClient"),
            Level.ERROR,
            "Failed to parse json: {}",
            null,
            new Object[] {
              "{\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"words a member wrote\"}}"
            });

    assertThat(Redaction.message(parsed))
        .isEqualTo(
            "Got an unexpected Json-parse error.\n\tJDA 6.5.0\n\tMESSAGE_CREATE -> (payload withheld)");
    assertThat(Redaction.message(raw)).isEqualTo("Failed to parse json: (payload withheld)");
  }

  @Test
  void listsBracesAndPlainWordsAreNotPayloads() {
    LoggingEvent event =
        new LoggingEvent(
            "test",
            new LoggerContext().getLogger("org.porchlight.schedule.Scheduling"),
            Level.DEBUG,
            "sending on {} with {} and {}",
            null,
            new Object[] {List.of("discord", "telegram"), "{braces}", "[1] Honestly fine"});

    assertThat(Redaction.message(event))
        .isEqualTo("sending on [discord, telegram] with {braces} and [1] Honestly fine");
  }
}
