package org.porchlight.metrics;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.porchlight.core.Mood;
import org.porchlight.core.Prompt;
import org.porchlight.core.port.Tally;
import org.porchlight.delivery.Outbox;
import org.porchlight.runtime.Ticker;

/**
 * Porchlight's numbers for Prometheus, at {@code /metrics}: what was sent and answered, the outbox,
 * the platforms' connections, the JVM and the database pool. Labels name a platform, a kind of
 * message or a mood, never a person.
 */
public final class Metrics implements Tally, AutoCloseable {
  // The outbox is read at most this often, however often Prometheus scrapes.
  private static final Duration BACKLOG_FRESH_FOR = Duration.ofSeconds(5);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Clock clock;
  private final Ticker ticker;

  public Metrics(Clock clock) {
    this(clock, Ticker.SYSTEM);
  }

  /** Dates by {@code clock}; tells how fresh the outbox's numbers are by {@code ticker}. */
  public Metrics(Clock clock, Ticker ticker) {
    this.clock = clock;
    this.ticker = ticker;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** For the database pool's own metrics (HikariCP takes any Micrometer registry). */
  public MeterRegistry registry() {
    return registry;
  }

  /** How many messages wait in the outbox, and for how long the oldest has. */
  public void watch(Outbox outbox) {
    Supplier<Outbox.Backlog> backlog = new Fresh<>(outbox::backlog, BACKLOG_FRESH_FOR, ticker);
    Gauge.builder("porchlight.outbox.messages", () -> backlog.get().count())
        .description("Messages waiting to be sent")
        .register(registry);
    Gauge.builder(
            "porchlight.outbox.oldest.age",
            () ->
                backlog
                    .get()
                    .oldest()
                    .map(oldest -> Duration.between(oldest, clock.instant()).toMillis() / 1000.0)
                    .orElse(0.0))
        .description("How long the oldest waiting message has waited")
        .baseUnit("seconds")
        .register(registry);
  }

  /** 1 while Porchlight is connected to {@code platform}, 0 while not. */
  public void watch(String platform, BooleanSupplier connected) {
    Gauge.builder("porchlight.platform.connected", () -> connected.getAsBoolean() ? 1 : 0)
        .description("Whether Porchlight is connected to the platform")
        .tag("platform", platform)
        .register(registry);
  }

  /** The numbers in Prometheus's text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** Serves {@link #scrape()} for {@code GET /metrics}. */
  public HttpHandler handler() {
    return exchange -> {
      try (exchange) {
        if (!exchange.getRequestMethod().equals("GET")) {
          exchange.sendResponseHeaders(405, -1);
          return;
        }
        byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
        exchange
            .getResponseHeaders()
            .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    };
  }

  // ---- Tally ----

  @Override
  public void answered(String platform, Mood mood) {
    Counter.builder("porchlight.checkins.answered")
        .description("Check-ins answered, by mood")
        .tag("platform", platform)
        .tag("mood", mood.key())
        .register(registry)
        .increment();
  }

  @Override
  public void crisisReply(String platform) {
    count("porchlight.crisis.replies", "Crisis language answered with crisis lines", platform);
  }

  @Override
  public void reachedOut(String platform) {
    count("porchlight.outreach", "Reach-outs after several rough days", platform);
  }

  @Override
  public void sent(String platform, Prompt prompt, Duration took) {
    Counter.builder("porchlight.messages.sent")
        .description("Check-ins, reminders and light's-on messages delivered")
        .tag("platform", platform)
        .tag("kind", prompt.key().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
    Timer.builder("porchlight.send")
        .description("How long the platform took to take a message")
        .tag("platform", platform)
        .register(registry)
        .record(took);
  }

  @Override
  public void slowedDown(String platform) {
    count("porchlight.send.slowdowns", "Rate limits hit (HTTP 429)", platform);
  }

  @Override
  public void retried(String platform) {
    count("porchlight.send.retries", "Sends that failed and will be tried again", platform);
  }

  @Override
  public void unreachable(String platform) {
    count("porchlight.members.unreachable", "Members found blocked or with DMs closed", platform);
  }

  private void count(String name, String description, String platform) {
    Counter.builder(name)
        .description(description)
        .tag("platform", platform)
        .register(registry)
        .increment();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  /** A value read again only once it is older than {@code freshFor}. */
  private static final class Fresh<T> implements Supplier<T> {
    private final Supplier<T> source;
    private final long freshForNanos;
    private final Ticker ticker;
    private T value;
    private long readAt;

    Fresh(Supplier<T> source, Duration freshFor, Ticker ticker) {
      this.ticker = ticker;
      this.source = source;
      this.freshForNanos = freshFor.toNanos();
    }

    @Override
    public synchronized T get() {
      long now = ticker.nanos();
      if (value == null || now - readAt > freshForNanos) {
        try {
          value = source.get();
        } catch (RuntimeException e) {
          // The database away, say: the last numbers read stand until it answers again.
          if (value == null) throw e;
        }
        readAt = now;
      }
      return value;
    }
  }
}
