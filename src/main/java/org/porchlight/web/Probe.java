package org.porchlight.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.porchlight.runtime.Daemons;
import org.porchlight.runtime.Ticker;

/**
 * A check run in the background every so often, whose last answer a health probe reads at once: a
 * database that takes its time to hand out a connection slows this thread, never a probe (nor the
 * HTTP server's threads, which also take Telegram's webhook posts). An answer older than three
 * rounds counts as down.
 */
public final class Probe implements BooleanSupplier, AutoCloseable {
  private final ScheduledExecutorService thread;
  private final Ticker ticker;
  private final long staleAfterNanos;
  private volatile boolean up;
  private volatile long answeredAt;
  private volatile Consumer<Boolean> changed = answer -> {};

  private Probe(String name, BooleanSupplier check, Duration every, Ticker ticker) {
    this.ticker = ticker;
    this.staleAfterNanos = every.multipliedBy(3).toNanos();
    this.thread = Executors.newSingleThreadScheduledExecutor(Daemons.named("probe-" + name));
    thread.scheduleWithFixedDelay(
        () -> {
          boolean answer;
          try {
            answer = check.getAsBoolean();
          } catch (RuntimeException e) {
            answer = false;
          }
          // The first answer counts as a change only when it is down: up is what was assumed.
          boolean before = answeredAt == 0 || up;
          up = answer;
          answeredAt = ticker.nanos();
          if (answer != before) tell(answer);
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Runs {@code check} now and then every {@code every}. */
  public static Probe every(Duration every, String name, BooleanSupplier check) {
    return every(every, name, check, Ticker.SYSTEM);
  }

  /**
   * As {@link #every(Duration, String, BooleanSupplier)}, telling the answer's age by {@code
   * ticker}.
   */
  static Probe every(Duration every, String name, BooleanSupplier check, Ticker ticker) {
    return new Probe(name, check, every, ticker);
  }

  /**
   * Tells {@code changed} each time the check's answer changes, on the probe's own thread: false
   * when it fails (its first answer too), true when it passes again.
   */
  public Probe whenChanged(Consumer<Boolean> changed) {
    this.changed = changed;
    return this;
  }

  private void tell(boolean answer) {
    try {
      changed.accept(answer);
    } catch (RuntimeException e) {
      // Whoever listens must never stop the checks: readiness depends on them.
    }
  }

  @Override
  public boolean getAsBoolean() {
    long at = answeredAt;
    return at != 0 && up && ticker.nanos() - at < staleAfterNanos;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
