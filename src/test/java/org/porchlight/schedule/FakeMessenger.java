package org.porchlight.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.delivery.Messenger;

/** A platform that keeps what it is sent, and answers with scripted failures when told to. */
final class FakeMessenger implements Messenger {
  private final String platform;
  private final Map<MemberId, List<String>> received = new ConcurrentHashMap<>();
  private final Deque<Delivery> script = new ArrayDeque<>();

  FakeMessenger(String platform) {
    this.platform = platform;
  }

  /** The next sends answer these, in order, instead of succeeding. */
  synchronized FakeMessenger answerNext(Delivery... deliveries) {
    script.addAll(List.of(deliveries));
    return this;
  }

  @Override
  public String platform() {
    return platform;
  }

  @Override
  public Delivery send(MemberId to, Reply reply) {
    synchronized (this) {
      Delivery scripted = script.poll();
      if (scripted != null) return scripted;
    }
    received.computeIfAbsent(to, id -> new ArrayList<>());
    received.compute(
        to,
        (id, texts) -> {
          List<String> all = new ArrayList<>(texts);
          all.add(reply.text());
          return all;
        });
    return Delivery.sent();
  }

  List<String> to(MemberId member) {
    return received.getOrDefault(member, List.of());
  }

  Map<MemberId, List<String>> all() {
    return Map.copyOf(received);
  }

  int total() {
    return received.values().stream().mapToInt(List::size).sum();
  }
}
