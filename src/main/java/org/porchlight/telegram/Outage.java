package org.porchlight.telegram;

import java.time.Duration;
import org.porchlight.runtime.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Telegram can be reached, said in the log twice an outage: once as it starts, once as it
 * ends with how long it lasted. The tries in between, however many, are quiet: an outage of a few
 * minutes is waiting, not an error, and readiness says it meanwhile.
 */
final class Outage {
  private static final Logger LOG = LoggerFactory.getLogger(Outage.class);

  private final Ticker ticker;
  // When the outage began, by the ticker; -1 while Telegram answers.
  private long since = -1;

  Outage(Ticker ticker) {
    this.ticker = ticker;
  }

  /** A call got no usable answer: {@code what} names the method and the kind of failure. */
  synchronized void failed(String what) {
    if (since >= 0) return;
    since = ticker.nanos();
    LOG.warn("Telegram cannot be reached ({}); trying again quietly until it answers", what);
  }

  /** Telegram answered. */
  synchronized void answered() {
    if (since < 0) return;
    Duration lasted = Duration.ofNanos(ticker.nanos() - since);
    since = -1;
    LOG.info("Telegram answers again, after {} s unreachable", lasted.toSeconds());
  }

  /** Whether the last call got no answer. */
  synchronized boolean ongoing() {
    return since >= 0;
  }
}
