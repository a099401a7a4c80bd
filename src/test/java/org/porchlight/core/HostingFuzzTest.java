package org.porchlight.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.porchlight.testing.Replies;

/**
 * A community's setup from a host: written as text (a Telegram group's {@code /setup}) or on
 * Discord's form, whose channel comes back in the form's id. Whatever is written, it is saved or
 * refused with what to change; never an error, never a community that cannot be shown again.
 */
class HostingFuzzTest {
  private static final Content CONTENT = TestContent.load();
  private static final List<String> KEYS =
      List.of("links", "link", "schedule", "time", "timezone", "zone", "meetings", "channel");
  private static final String FORM_ID = "form:setup:";

  @FuzzTest
  void anySetupIsSavedOrRefusedKindly(FuzzedDataProvider data) {
    InMemoryStore store = new InMemoryStore();
    Hosting hosting =
        new Hosting(
            store,
            store,
            CONTENT,
            new Places(),
            new MutableClock(Instant.parse("2026-11-21T16:00:00Z")));
    Community.Id id = new Community.Id("test", "group-1");
    int tries = data.consumeInt(1, 3);
    for (int i = 0; i < tries && data.remainingBytes() > 0; i++) {
      Reply reply;
      if (data.consumeBoolean()) {
        reply = hosting.setupFromText(id, "The Tuesday group", written(data), "en");
      } else {
        String modalId = FORM_ID + data.consumeString(24);
        String channel = modalId.substring(FORM_ID.length());
        reply =
            hosting
                .setup(
                    id,
                    "The Tuesday group",
                    new Hosting.SetupForm(
                        data.consumeString(200),
                        data.consumeString(100),
                        data.consumeString(12),
                        data.consumeString(40),
                        channel.isEmpty() ? Optional.empty() : Optional.of(channel),
                        data.consumeString(300)),
                    "en")
                .reply();
      }
      Replies.assertKind(List.of(reply));
      // What was saved can be shown again, as the next /setup does.
      Replies.assertKind(List.of(hosting.setupFromText(id, "The Tuesday group", "", "en")));
    }
  }

  /** Lines of {@code key: value}, mostly with keys the setup knows. */
  private static String written(FuzzedDataProvider data) {
    StringBuilder text = new StringBuilder();
    int lines = data.consumeInt(0, 6);
    for (int i = 0; i < lines; i++) {
      if (data.consumeBoolean()) {
        text.append(data.pickValue(KEYS)).append(data.consumeBoolean() ? ": " : ":");
      }
      text.append(data.consumeString(80)).append('\n');
    }
    return text.toString();
  }
}
