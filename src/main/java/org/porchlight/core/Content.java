package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What hosts can change without code, read from {@code config/}: the texts in each language, the
 * small steps, the crisis lines and the group's meeting.
 */
public record Content(
    Map<String, Messages> messages,
    String defaultLocale,
    Steps steps,
    CrisisLines crisisLines,
    Group group) {

  public Content {
    requireNonNull(defaultLocale, "defaultLocale == null");
    requireNonNull(steps, "steps == null");
    requireNonNull(crisisLines, "crisisLines == null");
    requireNonNull(group, "group == null");
    messages = Map.copyOf(messages);
    if (!messages.containsKey(defaultLocale)) {
      throw new IllegalArgumentException("no messages for the default locale " + defaultLocale);
    }
  }

  /** The texts for {@code locale}, or for the default locale when there are none. */
  public Messages messagesFor(String locale) {
    return messages.getOrDefault(locale, messages.get(defaultLocale));
  }
}
