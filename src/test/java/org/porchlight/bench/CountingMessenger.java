package org.porchlight.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.delivery.Messenger;

/**
 * A platform in the same process that takes every message at once and counts it per member: the
 * pipeline measured with nothing behind it.
 */
final class CountingMessenger implements Messenger {
  private final String platform;
  private final Map<String, Integer> perMember = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();
  private volatile long lastAt;

  CountingMessenger(String platform) {
    this.platform = platform;
  }

  @Override
  public String platform() {
    return platform;
  }

  @Override
  public Delivery send(MemberId to, Reply reply) {
    perMember.merge(to.userId(), 1, Integer::sum);
    total.incrementAndGet();
    lastAt = System.nanoTime();
    return Delivery.sent();
  }

  long total() {
    return total.get();
  }

  /** When the latest message came, on {@link System#nanoTime()}. */
  long lastAt() {
    return lastAt;
  }

  /** Messages per member, by user id. */
  Map<String, Integer> perMember() {
    return Map.copyOf(perMember);
  }
}
