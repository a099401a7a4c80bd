package org.porchlight.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Once the process is stopping, the libraries' complaints are dropped from the log: the embedded
 * database closes itself at JVM exit while Quartz and the Telegram poller still hold connections,
 * and what they say then is noise, not news. Porchlight's own lines still appear. Wired in {@code
 * logback.xml}; {@link #begin} is called by the shutdown hook.
 */
public final class Stopping extends TurboFilter {
  private static volatile boolean stopping;

  /** From now on, the process is on its way out. */
  static void begin() {
    stopping = true;
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (stopping && !logger.getName().startsWith("org.porchlight")) return FilterReply.DENY;
    return FilterReply.NEUTRAL;
  }
}
