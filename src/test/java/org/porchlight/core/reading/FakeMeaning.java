package org.porchlight.core.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sentence model that says what a test tells it to: each text its sense, anything else "no
 * crisis, no mood". It keeps every text it was asked about, and can be not ready yet.
 */
public final class FakeMeaning implements Meaning {
  private final Map<String, Sense> senses = new HashMap<>();
  private final List<String> asked = new ArrayList<>();
  private volatile boolean ready = true;

  /** The model will read {@code text} as {@code crisis}, with no mood. */
  public FakeMeaning saying(String text, Sense.Crisis crisis) {
    return saying(text, new Sense(crisis, Optional.empty(), "fake " + crisis));
  }

  /** The model will read {@code text} as no crisis and {@code mood}. */
  public FakeMeaning feeling(String text, Reading mood) {
    return saying(text, new Sense(Sense.Crisis.NO, Optional.of(mood), "fake " + mood));
  }

  public FakeMeaning saying(String text, Sense sense) {
    senses.put(text, sense);
    return this;
  }

  public FakeMeaning notReady() {
    ready = false;
    return this;
  }

  /** Every text the model was asked about, in order. */
  public synchronized List<String> asked() {
    return List.copyOf(asked);
  }

  @Override
  public synchronized Optional<Sense> sense(String text) {
    asked.add(text);
    if (!ready) return Optional.empty();
    return Optional.of(
        senses.getOrDefault(text, new Sense(Sense.Crisis.NO, Optional.empty(), "fake nothing")));
  }

  @Override
  public boolean ready() {
    return ready;
  }
}
