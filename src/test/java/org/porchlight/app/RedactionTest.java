package org.porchlight.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
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
}
