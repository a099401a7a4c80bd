package org.porchlight.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A check run in the background every so often, whose last answer a health probe reads at once: a
 * database that takes its time to hand out a connection slows this thread, never a probe (nor the
 * HTTP server's threads, which also take Telegram's webhook posts). An answer older than three
 * rounds counts as down.
 */
public final class Probe implements BooleanSupplier, AutoCloseable {
  private final ScheduledExecutorService thread;
  private final long staleAfterNanos;
  private volatile boolean up;
  private volatile long answeredAt;

  private Probe(String name, BooleanSupplier check, Duration every) {
    this.staleAfterNanos = every.multipliedBy(3).toNanos();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "porchlight-probe-" + name);
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        () -> {
          boolean answer;
          try {
            answer = check.getAsBoolean();
          } catch (RuntimeException e) {
            answer = false;
          }
          up = answer;
          answeredAt = System.nanoTime();
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Runs {@code check} now and then every {@code every}. */
  public static Probe every(Duration every, String name, BooleanSupplier check) {
    return new Probe(name, check, every);
  }

  @Override
  public boolean getAsBoolean() {
    long at = answeredAt;
    return at != 0 && up && System.nanoTime() - at < staleAfterNanos;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
