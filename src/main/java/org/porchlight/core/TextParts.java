package org.porchlight.core;

import java.util.ArrayList;
import java.util.List;

/** Long texts cut into messages a platform accepts (Telegram: 4,096 characters; Discord: 2,000). */
public final class TextParts {
  private TextParts() {}

  /**
   * Splits text into parts of at most {@code limit} characters, at paragraph, line or word ends.
   */
  public static List<String> split(String text, int limit) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > limit) {
      int cut = rest.lastIndexOf("\n\n", limit);
      if (cut <= 0) cut = rest.lastIndexOf('\n', limit);
      if (cut <= 0) cut = rest.lastIndexOf(' ', limit);
      if (cut <= 0) cut = limit;
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty() || parts.isEmpty()) parts.add(rest);
    return parts;
  }
}
