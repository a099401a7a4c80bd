package org.porchlight.discord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.porchlight.core.Reply;
import org.porchlight.core.TextParts;

/** Porchlight's replies as Discord messages: text in parts, buttons in rows, files attached. */
final class DiscordRender {
  // Discord's limits: 2,000 characters a message, 5 buttons a row.
  static final int MAX_TEXT = 2000;
  private static final int BUTTONS_PER_ROW = 5;

  private DiscordRender() {}

  /** One reply as one or more messages; buttons and a file go with the last. */
  static List<MessageCreateData> messages(Reply reply) {
    List<String> parts = TextParts.split(reply.text(), MAX_TEXT);
    List<MessageCreateData> messages = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      MessageCreateBuilder message = new MessageCreateBuilder().setContent(parts.get(i));
      if (i == parts.size() - 1) {
        message.setComponents(rows(reply.buttons()));
        reply
            .document()
            .ifPresent(
                document ->
                    message.addFiles(
                        FileUpload.fromData(
                            document.content().getBytes(StandardCharsets.UTF_8),
                            document.fileName())));
      }
      messages.add(message.build());
    }
    return messages;
  }

  /** Every reply's messages, in order. */
  static List<MessageCreateData> messages(List<Reply> replies) {
    List<MessageCreateData> messages = new ArrayList<>();
    for (Reply reply : replies) messages.addAll(messages(reply));
    return messages;
  }

  static List<ActionRow> rows(List<Reply.Button> buttons) {
    List<ActionRow> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
      rows.add(
          ActionRow.of(
              buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW)).stream()
                  .map(button -> Button.secondary(button.data(), button.label()))
                  .toList()));
    }
    return rows;
  }
}
