package org.porchlight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.porchlight.testing.FakeTicker;

class ProbeTest {
  @Test
  void aProbeAnswersAtOnceWhateverTheCheckIsDoing() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Probe stuck =
        Probe.every(
            Duration.ofMillis(50),
            "stuck",
            () -> {
              try {
                release.await(); // a database that never hands out a connection
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return true;
            })) {
      long started = System.nanoTime();
      boolean up = stuck.getAsBoolean();
      // Timed before the first assertion, whose classes may take a while to load.
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(up).as("no answer yet is not up").isFalse();
      assertThat(took).isLessThan(Duration.ofMillis(50));
      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(stuck::getAsBoolean);
    }
  }

  @Test
  void itFollowsTheCheckAndAnAnswerTooOldIsDown() throws Exception {
    AtomicBoolean reachable = new AtomicBoolean(true);
    CountDownLatch hang = new CountDownLatch(1);
    AtomicBoolean hanging = new AtomicBoolean();
    try (Probe probe =
        Probe.every(
            Duration.ofMillis(50),
            "database",
            () -> {
              if (hanging.get()) {
                try {
                  hang.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return reachable.get();
            })) {
      await().atMost(Duration.ofSeconds(5)).until(probe::getAsBoolean);
      reachable.set(false);
      await().atMost(Duration.ofSeconds(5)).until(() -> !probe.getAsBoolean());
      reachable.set(true);
      await().atMost(Duration.ofSeconds(5)).until(probe::getAsBoolean);

      hanging.set(true); // the next check never returns: its last answer grows old
      await().atMost(Duration.ofSeconds(5)).until(() -> !probe.getAsBoolean());
      hang.countDown();
    }
  }

  @Test
  void itTellsEachChangeOfAnswerOnceAndNotTheFirstAnswer() {
    AtomicBoolean reachable = new AtomicBoolean(true);
    List<Boolean> changes = new CopyOnWriteArrayList<>();
    try (Probe probe =
        Probe.every(Duration.ofMillis(20), "database", reachable::get).whenChanged(changes::add)) {
      await().atMost(Duration.ofSeconds(5)).until(probe::getAsBoolean);
      reachable.set(false);
      await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() == 1);
      Thread.sleep(200); // several more rounds, all down
      reachable.set(true);
      await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() == 2);
      Thread.sleep(200);

      assertThat(changes).containsExactly(false, true);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anAnswerCountsForThreeRoundsOfTheTickerAndNoLonger() {
    FakeTicker ticker = new FakeTicker();
    // An hour apart: only the first check runs while the test moves time on.
    try (Probe probe = Probe.every(Duration.ofHours(1), "database", () -> true, ticker)) {
      await().atMost(Duration.ofSeconds(5)).until(probe::getAsBoolean);

      ticker.advance(Duration.ofHours(3).minusNanos(1));
      assertThat(probe.getAsBoolean()).as("just under three rounds old").isTrue();

      ticker.advance(Duration.ofNanos(1));
      assertThat(probe.getAsBoolean()).as("three rounds old").isFalse();
    }
  }
}
