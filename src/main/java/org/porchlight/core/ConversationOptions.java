package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Settings of the conversation that come from configuration rather than from members.
 *
 * @param morning the check-in time offered as "morning", and so on
 * @param crisisRepeatWindow within this time of a crisis reply, a repeat gets a short reminder
 * @param reminderAfter an unanswered check-in gets one gentle reminder this long after
 * @param roughDaysInARow after this many rough days in a row, Porchlight reaches out
 * @param silentDays after this many days without a word, one "the light's on", then quiet
 */
public record ConversationOptions(
    LocalTime morning,
    LocalTime midday,
    LocalTime evening,
    Duration crisisRepeatWindow,
    Duration reminderAfter,
    int roughDaysInARow,
    int silentDays) {
  public static final ConversationOptions DEFAULT =
      new ConversationOptions(
          LocalTime.of(8, 30),
          LocalTime.of(12, 30),
          LocalTime.of(19, 0),
          Duration.ofMinutes(30),
          Duration.ofHours(3),
          3,
          7);

  public ConversationOptions {
    requireNonNull(morning, "morning == null");
    requireNonNull(midday, "midday == null");
    requireNonNull(evening, "evening == null");
    requireNonNull(crisisRepeatWindow, "crisisRepeatWindow == null");
    requireNonNull(reminderAfter, "reminderAfter == null");
    if (roughDaysInARow < 1) throw new IllegalArgumentException("roughDaysInARow < 1");
    if (silentDays < 1) throw new IllegalArgumentException("silentDays < 1");
  }
}
