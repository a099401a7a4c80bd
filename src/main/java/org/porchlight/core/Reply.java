package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** What Porchlight says: text, buttons to answer with, and now and then a document. */
public record Reply(String text, List<Button> buttons, Optional<Document> document) {

  /** A button; {@code data} is an encoded {@link Action}. */
  public record Button(String label, String data) {
    public Button {
      requireNonNull(label, "label == null");
      requireNonNull(data, "data == null");
    }
  }

  /** A file sent with a reply, such as the member's data export. */
  public record Document(String fileName, String mediaType, String content) {
    public Document {
      requireNonNull(fileName, "fileName == null");
      requireNonNull(mediaType, "mediaType == null");
      requireNonNull(content, "content == null");
    }
  }

  public Reply {
    requireNonNull(text, "text == null");
    requireNonNull(document, "document == null");
    buttons = List.copyOf(buttons);
  }

  public static Reply text(String text) {
    return new Reply(text, List.of(), Optional.empty());
  }

  public static Reply withButtons(String text, List<Button> buttons) {
    return new Reply(text, buttons, Optional.empty());
  }
}
