package org.porchlight.intake;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * Updates that reach several instances, some more than once (Telegram's webhook retries an update
 * it got no answer for, and a retry can land on any instance): an update is claimed before it is
 * handled, so it is handled once. A claim whose handling failed is given back, so a retry handles
 * it again; a claim left by an instance that stopped mid-way lapses.
 */
public interface HandledUpdates {
  /** What a claim found. */
  sealed interface Claim {
    /**
     * The update is this caller's to handle; then {@link HandledUpdates#handled} or {@link
     * HandledUpdates#failed}.
     */
    record Held(String source, long updateId, String token, int failures) implements Claim {
      public Held {
        requireNonNull(source, "source == null");
        requireNonNull(token, "token == null");
      }
    }

    /** It was handled before: a retry of an update already answered. */
    record HandledBefore() implements Claim {}

    /** Someone is handling it right now: ask again later. */
    record InHand() implements Claim {}
  }

  /**
   * Claims update {@code updateId} of {@code source}, unless it was handled or is held by a claim
   * made less than {@code lapseAfter} before {@code now}.
   */
  Claim claim(String source, long updateId, Instant now, Duration lapseAfter);

  /** The update was handled: every later claim finds it so. */
  void handled(Claim.Held claim, Instant now);

  /** Handling failed: the claim is given back, with one failure more, for a retry to take. */
  void failed(Claim.Held claim);

  /** Forgets updates last claimed before {@code cutoff}; returns how many. */
  int forgetBefore(Instant cutoff);
}
