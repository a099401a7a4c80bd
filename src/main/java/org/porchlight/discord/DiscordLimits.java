package org.porchlight.discord;

import java.util.ArrayList;
import java.util.List;
import org.porchlight.core.Messages;
import org.porchlight.core.Text;

/**
 * Discord's limits on the texts hosts can reword in {@code config/messages/}: a label or
 * description over them would make Discord refuse a form or the commands, so Porchlight says which
 * text is too long before it starts.
 */
final class DiscordLimits {
  private static final int FORM_LABEL = 45;
  private static final int BUTTON_LABEL = 80;
  private static final int DESCRIPTION = 100;

  private DiscordLimits() {}

  /** Every text over its limit, as "key (n characters, at most m)"; empty when all fit. */
  static List<String> tooLong(Messages texts) {
    List<String> problems = new ArrayList<>();
    for (Text text : Text.values()) {
      int limit = limit(text);
      if (limit == 0) continue;
      // Placeholders such as {time} are filled with a few characters.
      int length = texts.get(text, "time", "00:00").length();
      if (length > limit) {
        problems.add(text.key() + " (" + length + " characters, at most " + limit + ")");
      }
    }
    return problems;
  }

  private static int limit(Text text) {
    String name = text.name();
    if (name.startsWith("FORM_") && !name.equals("FORM_SETTINGS_UNCHANGED")) return FORM_LABEL;
    if (name.startsWith("BUTTON_")) return BUTTON_LABEL;
    if (name.startsWith("MENU_") || name.startsWith("OPTION_")) return DESCRIPTION;
    // An event's location.
    if (name.equals("EVENTS_NO_PLACE")) return DESCRIPTION;
    return 0;
  }
}
