package org.porchlight.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;
import org.porchlight.core.Messages;
import org.porchlight.core.Text;

class DiscordLimitsTest {
  private final Messages shipped =
      new ConfigLoader(Path.of("config")).content(Settings.defaults()).messagesFor("en");

  @Test
  void theShippedTextsFitDiscordsLimits() {
    assertThat(DiscordLimits.tooLong(shipped)).isEmpty();
  }

  @Test
  void aRewordedLabelThatIsTooLongIsNamedWithItsLength() {
    Map<String, List<String>> texts = new HashMap<>();
    for (Text text : Text.values()) texts.put(text.key(), List.of(shipped.get(text)));
    texts.put(
        Text.FORM_TIME.key(), List.of("When would you like me to check in with you each day?"));
    texts.put(Text.MENU_STEP.key(), List.of("x".repeat(101)));

    assertThat(DiscordLimits.tooLong(new Messages("en", texts)))
        .containsExactlyInAnyOrder(
            "forms.time (53 characters, at most 45)", "menu.step (101 characters, at most 100)");
  }
}
