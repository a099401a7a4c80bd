package org.porchlight.runtime;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Porchlight's own threads: daemons, so none of them keeps the process alive once the orderly stop
 * is done, each named {@code porchlight-<name>-<n>} so a thread dump says whose it is.
 */
public final class Daemons {
  private Daemons() {}

  /** Threads named {@code porchlight-<name>-1}, {@code -2} and so on. */
  public static ThreadFactory named(String name) {
    requireNonNull(name, "name == null");
    AtomicInteger count = new AtomicInteger();
    return task -> start(task, name + "-" + count.incrementAndGet());
  }

  /** One thread, named {@code porchlight-<name>}, not yet started. */
  public static Thread thread(String name, Runnable task) {
    return start(task, name);
  }

  private static Thread start(Runnable task, String name) {
    Thread thread = new Thread(task, "porchlight-" + name);
    thread.setDaemon(true);
    return thread;
  }
}
