package org.porchlight.runtime;

import java.util.concurrent.locks.LockSupport;

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
          // Parking keeps sub-millisecond spacing, where Thread.sleep rounds up to whole ms.
          long until = System.nanoTime() + nanos;
          for (long left = nanos; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) throw new InterruptedException();
          }
        }
      };
}
