package org.porchlight.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Mood;
import org.porchlight.core.Prompt;
import org.porchlight.delivery.Outbox;

class MetricsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");
  private final Metrics metrics = new Metrics(Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void whatHappensIsCountedByPlatformKindAndMoodOnly() {
    metrics.answered("telegram", Mood.ROUGH);
    metrics.answered("telegram", Mood.ROUGH);
    metrics.answered("discord", Mood.FINE);
    metrics.crisisReply("telegram");
    metrics.reachedOut("discord");
    metrics.sent("telegram", Prompt.REMINDER, Duration.ofMillis(120));
    metrics.slowedDown("telegram");
    metrics.retried("discord");
    metrics.unreachable("discord");

    assertThat(metrics.scrape())
        .contains("porchlight_checkins_answered_total{mood=\"rough\",platform=\"telegram\"} 2.0")
        .contains("porchlight_checkins_answered_total{mood=\"fine\",platform=\"discord\"} 1.0")
        .contains("porchlight_crisis_replies_total{platform=\"telegram\"} 1.0")
        .contains("porchlight_outreach_total{platform=\"discord\"} 1.0")
        .contains("porchlight_messages_sent_total{kind=\"reminder\",platform=\"telegram\"} 1.0")
        .contains("porchlight_send_seconds_count{platform=\"telegram\"} 1")
        .contains("porchlight_send_slowdowns_total{platform=\"telegram\"} 1.0")
        .contains("porchlight_send_retries_total{platform=\"discord\"} 1.0")
        .contains("porchlight_members_unreachable_total{platform=\"discord\"} 1.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void theOutboxIsReadAtMostEveryFewSecondsAndItsOldestAgeIsInSeconds() {
    AtomicInteger reads = new AtomicInteger();
    metrics.watch(
        new Outbox() {
          @Override
          public List<Letter> take(
              java.util.Set<String> platforms, Instant now, Duration lease, int limit) {
            return List.of();
          }

          @Override
          public void sent(java.util.Collection<Long> ids) {}

          @Override
          public void retry(long id, Instant notBefore) {}

          @Override
          public void drop(long id) {}

          @Override
          public Backlog backlog() {
            reads.incrementAndGet();
            return new Backlog(42, Optional.of(NOW.minusSeconds(90)));
          }
        });

    String first = metrics.scrape();
    metrics.scrape();

    assertThat(first)
        .contains("porchlight_outbox_messages 42.0")
        .contains("porchlight_outbox_oldest_age_seconds 90.0");
    assertThat(reads.get()).as("one read serves both gauges and both scrapes").isEqualTo(1);
  }

  @Test
  void aPlatformsConnectionIsOneOrZero() {
    AtomicBoolean up = new AtomicBoolean(true);
    metrics.watch("telegram", up::get);
    String connected = metrics.scrape();
    up.set(false);

    assertThat(connected).contains("porchlight_platform_connected{platform=\"telegram\"} 1.0");
    assertThat(metrics.scrape())
        .contains("porchlight_platform_connected{platform=\"telegram\"} 0.0");
  }
}
