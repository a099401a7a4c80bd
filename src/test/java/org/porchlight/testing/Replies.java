package org.porchlight.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.porchlight.core.Reply;

/** What every answer to a member must be, whatever they sent: the fuzz tests' invariants. */
public final class Replies {
  // Telegram's limit on a button's data; Discord's custom ids allow 100 characters.
  private static final int BUTTON_DATA_BYTES = 64;

  private Replies() {}

  /** At least one reply, each a sentence, with buttons Telegram and Discord would take. */
  public static void assertKind(List<Reply> replies) {
    assertThat(replies).as("an answer").isNotEmpty();
    for (Reply reply : replies) {
      assertThat(reply.text()).as("a reply's text").isNotBlank();
      assertSentence(reply.text());
      for (Reply.Button button : reply.buttons()) {
        assertThat(button.label()).as("a button's label").isNotBlank();
        assertSentence(button.label());
        assertThat(button.data().getBytes(StandardCharsets.UTF_8).length)
            .as("the bytes of a button's data: %s", button.data())
            .isBetween(1, BUTTON_DATA_BYTES);
      }
    }
  }

  /** Words a person can read: no stack trace, no control characters besides new lines. */
  public static void assertSentence(String text) {
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat org.porchlight");
    text.codePoints()
        .forEach(
            c ->
                assertThat(c == '\n' || c == '\t' || !Character.isISOControl(c))
                    .as("a control character (%d) in: %s", c, text)
                    .isTrue());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            .as("half a character in: %s", text)
            .isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("half a character in: %s", text).isFalse();
      }
    }
  }
}
