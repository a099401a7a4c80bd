package org.porchlight.core.reading;

import java.util.Optional;

/**
 * What a sentence model makes of a member's words: the port the reader asks beside its patterns.
 * The model behind it loads in the background; until it is ready it has nothing to say and the
 * patterns alone answer. It is asked only about words a member wrote, never about a button or a
 * command.
 */
public interface Meaning {
  /** The model's sense of {@code text}, or empty while it is not ready. */
  Optional<Sense> sense(String text);

  /** Whether the model is loaded and answering. */
  boolean ready();

  /** No model: the patterns alone answer. */
  Meaning NONE =
      new Meaning() {
        @Override
        public Optional<Sense> sense(String text) {
          return Optional.empty();
        }

        @Override
        public boolean ready() {
          return false;
        }
      };
}
