package org.porchlight.core.reading;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A message's reading with its reasons.
 *
 * @param reading what the conversation goes by
 * @param crisis whether it sounds like a crisis: yes, perhaps (ask), or no
 * @param mood fine or rough, when the patterns or the model could tell
 * @param step whether it asks for a small step
 * @param why which part decided, for the people who tune the patterns and examples
 */
public record Explanation(
    Reading reading, Sense.Crisis crisis, Optional<Reading> mood, boolean step, String why) {
  public Explanation {
    requireNonNull(reading, "reading == null");
    requireNonNull(crisis, "crisis == null");
    requireNonNull(mood, "mood == null");
    requireNonNull(why, "why == null");
  }
}
