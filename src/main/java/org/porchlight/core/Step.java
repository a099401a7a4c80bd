package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** One small, concrete step a member can take in a few minutes. */
public record Step(String id, String text, Fits fits, Company company) {
  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,24}");

  /** The kind of day a step is for. */
  public enum Fits {
    ROUGH,
    FINE,
    ANY;

    public static Fits fromTag(String tag) {
      return valueOf(tag.toUpperCase(Locale.ROOT));
    }
  }

  /** Whether a step is done alone or with someone. */
  public enum Company {
    ALONE,
    WITH_OTHERS;

    public static Company fromTag(String tag) {
      return valueOf(tag.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  public Step {
    requireNonNull(id, "id == null");
    requireNonNull(text, "text == null");
    requireNonNull(fits, "fits == null");
    requireNonNull(company, "company == null");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "step id '" + id + "' must be 1 to 24 lower-case letters, digits or dashes");
    }
    if (text.isBlank()) throw new IllegalArgumentException("step '" + id + "' has no text");
  }

  /** The step's text, with {@code {someone}} filled in. */
  public String textFor(String someone) {
    return textFor(Map.of("someone", someone));
  }

  /**
   * The step's text with each {@code {name}} in {@code words} filled in: {@code {someone}} (a
   * person the member trusts), {@code {movable}} and {@code {outer}} (from the other rings of their
   * pod).
   */
  public String textFor(Map<String, String> words) {
    String filled = text;
    for (Map.Entry<String, String> word : words.entrySet()) {
      filled = filled.replace("{" + word.getKey() + "}", word.getValue());
    }
    return filled;
  }

  /** Whether the text names {@code {placeholder}}. */
  public boolean names(String placeholder) {
    return text.contains("{" + placeholder + "}");
  }
}
