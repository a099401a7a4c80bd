package org.porchlight.telegram;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.porchlight.core.Reply;
import org.porchlight.core.TextParts;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Porchlight's replies as Telegram messages: text in parts, buttons in rows, files attached. */
final class TelegramRender {
  // Telegram's limit for one message's text.
  static final int MAX_TEXT = 4096;

  private TelegramRender() {}

  /** Text as one or more messages to a chat; the buttons go with the last. */
  static List<SendMessage> messages(long chatId, String text, List<Reply.Button> buttons) {
    List<String> parts = TextParts.split(text, MAX_TEXT);
    List<SendMessage> messages = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      SendMessage message = SendMessage.builder().chatId(chatId).text(parts.get(i)).build();
      if (i == parts.size() - 1 && !buttons.isEmpty()) message.setReplyMarkup(keyboard(buttons));
      messages.add(message);
    }
    return messages;
  }

  /** A text to the chat, and the forum topic if any, that {@code message} came from. */
  static SendMessage inTopicOf(Message message, String text) {
    SendMessage reply = SendMessage.builder().chatId(message.getChatId()).text(text).build();
    // Only a forum's topics are threads to answer in; elsewhere a thread id marks a reply chain.
    if (Boolean.TRUE.equals(message.getIsTopicMessage())) {
      reply.setMessageThreadId(message.getMessageThreadId());
    }
    return reply;
  }

  /** One button that opens {@code url}. */
  static InlineKeyboardMarkup link(String label, String url) {
    return new InlineKeyboardMarkup(
        List.of(
            new InlineKeyboardRow(InlineKeyboardButton.builder().text(label).url(url).build())));
  }

  /** A reply's file, with the reply's text as its caption. */
  static SendDocument document(long chatId, Reply reply, Reply.Document document) {
    return SendDocument.builder()
        .chatId(chatId)
        .document(
            new InputFile(
                new ByteArrayInputStream(document.content().getBytes(StandardCharsets.UTF_8)),
                document.fileName()))
        .caption(reply.text())
        .build();
  }

  static InlineKeyboardMarkup keyboard(List<Reply.Button> buttons) {
    // Up to two buttons share a row; three answer buttons stand in one row, as people expect.
    List<InlineKeyboardRow> rows = new ArrayList<>();
    int perRow = buttons.size() == 3 ? 3 : 2;
    for (int i = 0; i < buttons.size(); i += perRow) {
      InlineKeyboardRow row = new InlineKeyboardRow();
      for (Reply.Button button : buttons.subList(i, Math.min(buttons.size(), i + perRow))) {
        row.add(
            InlineKeyboardButton.builder()
                .text(button.label())
                .callbackData(button.data())
                .build());
      }
      rows.add(row);
    }
    return new InlineKeyboardMarkup(rows);
  }
}
