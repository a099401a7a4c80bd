package org.porchlight.telegram;

import java.time.Duration;

/** Waits before a retry; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Pause {
  Pause SLEEP =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };

  void pause(Duration duration);
}
