package org.porchlight.delivery;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.porchlight.runtime.Ticker;

/**
 * Paces sends to a platform: evenly spaced in all (never a burst over the limit, so the platform
 * has no reason to answer 429), and no faster than the per-chat limit to any one chat. A 429's
 * {@code retry_after} holds every sender back.
 */
public final class RateLimit {
  private final Ticker ticker;
  private final long spacing;
  private final long chatSpacing;
  private final Map<String, Long> nextForChat = new ConcurrentHashMap<>();
  private long nextFree;
  private final AtomicLong reservations = new AtomicLong();

  /**
   * @param perSecond messages a second in all
   * @param perSecondPerChat messages a second to one chat
   */
  public RateLimit(double perSecond, double perSecondPerChat, Ticker ticker) {
    if (perSecond <= 0 || perSecondPerChat <= 0) {
      throw new IllegalArgumentException("rates must be positive");
    }
    this.ticker = ticker;
    this.spacing = Math.round(1e9 / perSecond);
    this.chatSpacing = Math.round(1e9 / perSecondPerChat);
    this.nextFree = ticker.nanos();
  }

  /**
   * How long until {@code chat} may be sent another message; zero if now. Claims the slot when it
   * is free, so call it once per message.
   */
  public Duration reserveChat(String chat) {
    long now = ticker.nanos();
    long[] wait = new long[1];
    nextForChat.compute(
        chat,
        (key, next) -> {
          if (next != null && next > now) {
            wait[0] = next - now;
            return next;
          }
          return now + chatSpacing;
        });
    cleanUp(now);
    return Duration.ofNanos(wait[0]);
  }

  /**
   * Waits for this sender's turn if it comes within {@code most}, and returns zero; otherwise takes
   * no turn, waits not at all, and returns how long the turn is away.
   */
  public Duration acquireWithin(Duration most) throws InterruptedException {
    long at;
    synchronized (this) {
      long now = ticker.nanos();
      at = Math.max(now, nextFree);
      if (at - now > most.toNanos()) return Duration.ofNanos(at - now);
      nextFree = at + spacing;
    }
    long wait = at - ticker.nanos();
    if (wait > 0) ticker.sleep(wait);
    return Duration.ZERO;
  }

  /** The platform asked for a pause: nobody sends until it is over. */
  public void slowDown(Duration pause) {
    synchronized (this) {
      nextFree = Math.max(nextFree, ticker.nanos() + pause.toNanos());
    }
  }

  // Chats last sent to longer ago than the per-chat spacing need no entry.
  private void cleanUp(long now) {
    if (reservations.incrementAndGet() % 10_000 != 0) return;
    for (Iterator<Long> next = nextForChat.values().iterator(); next.hasNext(); ) {
      if (next.next() <= now) next.remove();
    }
  }

  /** The time this limit paces by. */
  public Ticker ticker() {
    return ticker;
  }
}
