package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The texts of one language, with {@code {placeholders}} filled in when they are used. */
public final class Messages {
  private final String locale;
  private final Map<Text, List<String>> texts;

  /**
   * @param texts each key of {@link Text} to one text, or to several variants of which one is
   *     picked at a time
   * @throws IllegalArgumentException naming every missing key
   */
  public Messages(String locale, Map<String, List<String>> texts) {
    this.locale = requireNonNull(locale, "locale == null");
    this.texts = new EnumMap<>(Text.class);
    List<String> missing = new ArrayList<>();
    for (Text text : Text.values()) {
      List<String> variants = texts.get(text.key());
      if (variants == null || variants.isEmpty() || variants.stream().anyMatch(String::isBlank)) {
        missing.add(text.key());
      } else {
        this.texts.put(text, List.copyOf(variants));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing or empty: " + String.join(", ", missing));
    }
  }

  public String locale() {
    return locale;
  }

  /** The text for {@code key} (its first variant), with {@code args} given as name, value pairs. */
  public String get(Text key, Object... args) {
    return fill(texts.get(key).get(0), args);
  }

  /** One of the variants of {@code key}, chosen by {@code random}. */
  public String any(Text key, RandomGenerator random, Object... args) {
    List<String> variants = texts.get(key);
    return fill(variants.get(random.nextInt(variants.size())), args);
  }

  private static String fill(String template, Object... args) {
    if (args.length % 2 != 0) throw new IllegalArgumentException("args come in name, value pairs");
    String result = template;
    for (int i = 0; i < args.length; i += 2) {
      result = result.replace("{" + args[i] + "}", String.valueOf(args[i + 1]));
    }
    return result.strip();
  }
}
