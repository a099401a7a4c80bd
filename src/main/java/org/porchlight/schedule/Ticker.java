package org.porchlight.schedule;

/** Time for pacing: a monotonic clock in nanoseconds and a way to wait. Tests give a fake. */
public interface Ticker {
  long nanos();

  void sleep(long nanos) throws InterruptedException;

  Ticker SYSTEM =
      new Ticker() {
        @Override
        public long nanos() {
          return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
          if (nanos > 0) Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
      };
}
