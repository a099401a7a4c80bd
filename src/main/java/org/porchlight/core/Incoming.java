package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Something a member did: what every adapter turns its platform's updates into. */
public sealed interface Incoming {

  /** A command such as {@code /time 20:00}: the name without the slash, lower case. */
  record Command(String name, String args) implements Incoming {
    public Command {
      requireNonNull(name, "name == null");
      requireNonNull(args, "args == null");
      name = name.toLowerCase(Locale.ROOT);
      args = args.strip();
    }

    /**
     * Reads {@code /name args}, dropping a {@code @botname} suffix; anything else is not a command.
     */
    public static Optional<Command> parse(String text) {
      String trimmed = text.strip();
      if (trimmed.length() < 2 || trimmed.charAt(0) != '/') return Optional.empty();
      // The name ends at any white space: "/setup" may be followed by lines, not only words.
      int space = 1;
      while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) space++;
      String word = trimmed.substring(1, space);
      String rest = trimmed.substring(space);
      int at = word.indexOf('@');
      if (at >= 0) word = word.substring(0, at);
      if (word.isEmpty() || !word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
        return Optional.empty();
      }
      return Optional.of(new Command(word, rest));
    }
  }

  /** A press of a button that Porchlight sent; {@code data} is an encoded {@link Action}. */
  record ButtonPress(String data) implements Incoming {
    public ButtonPress {
      requireNonNull(data, "data == null");
    }
  }

  /** Words a member wrote. They are read, answered and not stored. */
  record FreeText(String text) implements Incoming {
    public FreeText {
      requireNonNull(text, "text == null");
    }
  }

  /**
   * Settings filled in on a form, by command name ({@code timezone}, {@code time}, {@code days},
   * {@code quiet}): each is checked as its command would be, and all are answered together.
   */
  record Form(Map<String, String> fields) implements Incoming {
    public Form {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  /** Something with no words in it: a sticker, a photo, a voice message. */
  record NoText(String kind) implements Incoming {
    public NoText {
      requireNonNull(kind, "kind == null");
    }
  }
}
