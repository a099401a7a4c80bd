package org.porchlight.core.reading;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A sentence model's sense of one message.
 *
 * @param crisis whether the words sound like a crisis: clearly ({@code YES}), perhaps, so ask
 *     ({@code ASK}), or not ({@code NO})
 * @param mood {@link Reading#FINE} or {@link Reading#ROUGH} when the model is sure enough of
 *     either, else empty
 * @param why a short explanation for the people who tune the examples, such as {@code crisis 0.91
 *     near preparations-and-goodbyes}; never shown to a member
 */
public record Sense(Crisis crisis, Optional<Reading> mood, String why) {
  /** How sure the model is that the words speak of a crisis. */
  public enum Crisis {
    YES,
    ASK,
    NO
  }

  public Sense {
    requireNonNull(crisis, "crisis == null");
    requireNonNull(mood, "mood == null");
    requireNonNull(why, "why == null");
    if (mood.isPresent() && mood.get() != Reading.FINE && mood.get() != Reading.ROUGH) {
      throw new IllegalArgumentException("mood is FINE or ROUGH, not " + mood.get());
    }
  }
}
