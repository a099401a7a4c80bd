package org.porchlight.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.porchlight.runtime.Ticker;

/** Time that passes only when a test moves it or someone waits; the waits are kept. */
public final class FakeTicker implements Ticker {
  private volatile long now = 1_000_000_000L;
  private final List<Long> waits = new ArrayList<>();

  @Override
  public long nanos() {
    return now;
  }

  @Override
  public synchronized void sleep(long nanos) {
    waits.add(nanos);
    now += nanos;
  }

  /** Moves time on by {@code duration}, as if it had passed. */
  public synchronized void advance(Duration duration) {
    now += duration.toNanos();
  }

  /** Every wait asked for, in nanoseconds, in order. */
  public synchronized List<Long> waits() {
    return List.copyOf(waits);
  }
}
