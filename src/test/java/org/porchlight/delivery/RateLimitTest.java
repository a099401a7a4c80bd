package org.porchlight.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.porchlight.testing.FakeTicker;

class RateLimitTest {
  private final FakeTicker ticker = new FakeTicker();

  /** Waits for a turn however far away it is. */
  private static void acquire(RateLimit limit) throws InterruptedException {
    limit.acquireWithin(Duration.ofDays(1));
  }

  @Test
  void sendsAreSpacedEvenlyAtTheLimitWithNoBurst() throws InterruptedException {
    RateLimit limit = new RateLimit(30, 1, ticker);
    long start = ticker.nanos();

    for (int i = 0; i < 31; i++) acquire(limit);

    // The first goes at once; the 31st goes a full second later, never sooner.
    assertThat(ticker.nanos() - start).isEqualTo(30 * Math.round(1e9 / 30));
    assertThat(ticker.waits()).allMatch(wait -> wait <= Math.round(1e9 / 30));
  }

  @Test
  void idleTimeIsNotSavedUpForABurst() throws InterruptedException {
    RateLimit limit = new RateLimit(10, 1, ticker);
    ticker.advance(Duration.ofSeconds(5)); // five quiet seconds

    acquire(limit);
    acquire(limit);

    assertThat(ticker.waits()).containsExactly(100_000_000L);
  }

  @Test
  void oneChatWaitsASecondBetweenMessagesOtherChatsDoNot() {
    RateLimit limit = new RateLimit(30, 1, ticker);

    assertThat(limit.reserveChat("1001")).isZero();
    assertThat(limit.reserveChat("2002")).isZero();
    ticker.advance(Duration.ofMillis(400));
    assertThat(limit.reserveChat("1001")).isEqualTo(Duration.ofMillis(600));
    ticker.advance(Duration.ofMillis(600));
    assertThat(limit.reserveChat("1001")).isZero();
  }

  @Test
  void aRequestToSlowDownHoldsEveryoneBackForThatLong() throws InterruptedException {
    RateLimit limit = new RateLimit(30, 1, ticker);
    acquire(limit);

    limit.slowDown(Duration.ofSeconds(7));
    long before = ticker.nanos();
    acquire(limit);

    assertThat(ticker.nanos() - before).isEqualTo(7_000_000_000L);
  }

  @Test
  void aTurnTooFarAwayIsNotTakenAndNobodyWaitsForIt() throws InterruptedException {
    RateLimit limit = new RateLimit(30, 1, ticker);
    limit.slowDown(Duration.ofSeconds(2282)); // a real retry_after from Telegram

    Duration away = limit.acquireWithin(Duration.ofSeconds(20));

    assertThat(away).isEqualTo(Duration.ofSeconds(2282));
    assertThat(ticker.waits()).isEmpty();
    ticker.advance(Duration.ofSeconds(2282));
    assertThat(limit.acquireWithin(Duration.ofSeconds(20))).isZero();
  }
}
