package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many messages one member may send before Porchlight stops reading them for a while, so that
 * one chat that floods slows no one else down. Each member may send {@code atOnce} messages in a
 * burst and {@code perMinute} a minute after that; past it, the first message is answered with a
 * kind "I'll catch up with you", and the rest are let go unread until the member has left a gap
 * long enough for a full burst again. Kept in memory, with no database work: each instance keeps
 * its own count.
 */
public final class MessageLimit {
  /** A member may send this many messages a minute, once a burst is spent. */
  public static final int PER_MINUTE = 30;

  /** ...and this many in a burst. */
  public static final int AT_ONCE = 20;

  /** What to do with one message. */
  public enum Verdict {
    /** Read and answer it. */
    READ,
    /** The first message past the limit: say that Porchlight will catch up, and read no further. */
    CATCH_UP,
    /** Past the limit, and already told: let it go unread. */
    DROP
  }

  private final double perMilli;
  private final int atOnce;
  private final Clock clock;
  private final Map<MemberId, Allowance> allowances = new ConcurrentHashMap<>();
  private final AtomicLong asked = new AtomicLong();

  private record Allowance(double left, long at, boolean told) {}

  public MessageLimit(int perMinute, int atOnce, Clock clock) {
    if (perMinute < 1 || atOnce < 1) throw new IllegalArgumentException("limits must be positive");
    this.perMilli = perMinute / 60_000.0;
    this.atOnce = atOnce;
    this.clock = requireNonNull(clock, "clock == null");
  }

  /** The shipped limit: {@value #PER_MINUTE} a minute, {@value #AT_ONCE} at once. */
  public static MessageLimit standard(Clock clock) {
    return new MessageLimit(PER_MINUTE, AT_ONCE, clock);
  }

  /** Counts one message from {@code member} and says what to do with it. */
  public Verdict admit(MemberId member) {
    requireNonNull(member, "member == null");
    long now = clock.millis();
    Verdict[] verdict = new Verdict[1];
    allowances.compute(
        member,
        (id, before) -> {
          Allowance now0 = refilled(before, now);
          if (now0.left() >= 1) {
            verdict[0] = Verdict.READ;
            return new Allowance(now0.left() - 1, now, now0.told());
          }
          verdict[0] = now0.told() ? Verdict.DROP : Verdict.CATCH_UP;
          return new Allowance(now0.left(), now, true);
        });
    forgetTheQuiet(now);
    return verdict[0];
  }

  private Allowance refilled(Allowance before, long now) {
    if (before == null) return new Allowance(atOnce, now, false);
    double left = Math.min(atOnce, before.left() + Math.max(0, now - before.at()) * perMilli);
    // A full allowance again means the flood is over: a next one is answered once more.
    return new Allowance(left, now, before.told() && left < atOnce);
  }

  // Members whose allowance has grown full again need no entry; looked for now and then.
  private void forgetTheQuiet(long now) {
    if (asked.incrementAndGet() % 10_000 != 0) return;
    for (Iterator<Allowance> each = allowances.values().iterator(); each.hasNext(); ) {
      Allowance one = each.next();
      if (one.left() + (now - one.at()) * perMilli >= atOnce) each.remove();
    }
  }
}
