package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How Porchlight and a member have been in touch: when they last wrote, when Porchlight last
 * reached out after a run of rough days, and whether it has left the light on after a long silence
 * (no more check-ins until the member writes again).
 *
 * @param lastHeardAt when the member last wrote or pressed a button (to the hour: it is not a log)
 * @param reachedOutOn the local day Porchlight last reached out after rough days in a row
 * @param lightsOnAt when Porchlight said "the light's on" after a silence, until the member writes
 */
public record Contact(
    Instant lastHeardAt, Optional<LocalDate> reachedOutOn, Optional<Instant> lightsOnAt) {

  public Contact {
    requireNonNull(lastHeardAt, "lastHeardAt == null");
    requireNonNull(reachedOutOn, "reachedOutOn == null");
    requireNonNull(lightsOnAt, "lightsOnAt == null");
  }

  /** A member first heard from at {@code at}. */
  public static Contact since(Instant at) {
    return new Contact(at, Optional.empty(), Optional.empty());
  }

  /** The member wrote: a silence, if there was one, is over. */
  public Contact heard(Instant at) {
    return new Contact(at, reachedOutOn, Optional.empty());
  }

  public Contact reachedOut(LocalDate on) {
    return new Contact(lastHeardAt, Optional.of(on), lightsOnAt);
  }

  public Contact lightsOn(Instant at) {
    return new Contact(lastHeardAt, reachedOutOn, Optional.of(at));
  }

  /** True after "the light's on", until the member writes again: no check-ins meanwhile. */
  public boolean isResting() {
    return lightsOnAt.isPresent();
  }
}
