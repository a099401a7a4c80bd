package org.porchlight.app;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl+C) start Porchlight's own orderly stop, before the JVM's shutdown
 * begins: once it has, the embedded database closes itself at once, under the feet of senders still
 * confirming what they sent. The JDK's supported API has no other way to hear a signal.
 */
final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  /** Runs {@code stop} on SIGTERM or SIGINT, instead of exiting at once. */
  static void onStop(Runnable stop) {
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), signal -> stop.run());
      } catch (IllegalArgumentException e) {
        // Taken by the JVM (for instance SIGINT under some debuggers): the shutdown hook remains.
        LOG.debug("SIG{} is not ours to handle: {}", name, e.getMessage());
      }
    }
  }
}
