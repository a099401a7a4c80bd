package org.porchlight.app;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.porchlight.runtime.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database out of reach, said twice: once as a warning when the probe first finds it gone, and
 * once when it answers again, with how long it was away. Nothing is said between, whatever the
 * sweep, the senders and the updates meet meanwhile; the libraries' complaints about the lost
 * connections are dropped ({@link OutageNoise}).
 */
final class DatabaseOutage implements Consumer<Boolean> {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

  private final Ticker ticker;
  private volatile long awaySince;
  private volatile boolean away;
  private volatile String reason = "no answer";

  DatabaseOutage(Ticker ticker) {
    this.ticker = ticker;
  }

  /** The database's check for the probe: whether it is reachable, noting why when it is not. */
  BooleanSupplier check(Supplier<Optional<String>> whyUnreachable) {
    return () -> {
      Optional<String> why = whyUnreachable.get();
      why.ifPresent(reason -> this.reason = reason);
      return why.isEmpty();
    };
  }

  @Override
  public void accept(Boolean reachable) {
    if (!reachable) {
      awaySince = ticker.nanos();
      away = true;
      OutageNoise.databaseAway(true);
      LOG.warn(
          "Porchlight can't reach the database ({}): waiting for it. Check-ins and answers wait"
              + " until it is back; nothing is lost. Ready again once it is (/health/ready).",
          reason);
    } else {
      if (!away) return;
      away = false;
      OutageNoise.databaseAway(false);
      Duration away = Duration.ofNanos(ticker.nanos() - awaySince);
      LOG.info(
          "The database is back, {} s after Porchlight found it gone: catching up with the"
              + " check-ins and answers that waited.",
          Math.max(1, away.toSeconds()));
    }
  }
}
