package org.porchlight.app;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.porchlight.config.ConfigException;
import org.porchlight.config.Settings;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.discord.DiscordBot;
import org.porchlight.runtime.Daemons;
import org.porchlight.runtime.Ticker;
import org.porchlight.schedule.Scheduling;
import org.porchlight.telegram.Pause;
import org.porchlight.telegram.TelegramBot;
import org.porchlight.web.Health;
import org.porchlight.web.Probe;
import org.porchlight.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Porchlight running on its platforms, from start to an orderly stop: the database, the HTTP
 * server, each platform with a token, the sweep; on SIGTERM or SIGINT no new updates, the last
 * sends, then everything closed in the reverse order, within {@code shutdown.deadline}.
 */
public final class Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
  // Discord interactions answered at once; DMs queue in JDA behind its rate limits.
  private static final int DISCORD_WORKERS = 8;

  private final Settings settings;
  private final Supplier<Porchlight> open;
  private final Clock clock;

  public Lifecycle(Settings settings, Supplier<Porchlight> open, Clock clock) {
    this.settings = settings;
    this.open = open;
    this.clock = clock;
  }

  /** Runs on the platforms with a token until the process is asked to stop. */
  public void serve() {
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Duration deadline = settings.shutdown().deadline();
    // Not ready until everything has started; not ready again once stopping.
    Health health = new Health();
    AtomicReference<Scheduling> scheduling = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean();
    // Opening the database migrates its schema: the deadline never cuts a migration in two.
    CountDownLatch migrating = new CountDownLatch(1);
    Runnable stop =
        () -> {
          if (!stopping.compareAndSet(false, true)) return;
          LOG.info(
              "Stopping: no new updates or sends; finishing what is under way (at most {} s)",
              deadline.toSeconds());
          health.stopping();
          Scheduling running = scheduling.get();
          if (running != null) running.stopTaking();
          stopped.countDown();
          watchdog(closed, deadline, migrating);
        };
    // From the first moment: a SIGTERM while starting stops as orderly as one later.
    Signals.onStop(stop);
    Runtime.getRuntime()
        .addShutdownHook(
            Daemons.thread(
                "stop",
                () -> {
                  if (closed.getCount() == 0) return; // already closed: nothing to wait for
                  // Any other way out (System.exit, SIGHUP): the same stop, awaited here, since
                  // the JVM ends once its hooks return.
                  stop.run();
                  Stopping.begin();
                  awaitQuietly(closed, deadline);
                }));
    // Closed in the reverse order of opening: the platforms, then the database.
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      Porchlight porchlight;
      try {
        porchlight = open.get();
      } finally {
        migrating.countDown();
      }
      opened.push(porchlight);
      DatabaseOutage outage = new DatabaseOutage(Ticker.SYSTEM);
      Probe database =
          Probe.every(
                  Duration.ofSeconds(5),
                  "database",
                  outage.check(porchlight.database::whyUnreachable))
              .whenChanged(outage);
      opened.push(database);
      health.check("database", database);
      // Loads in the background; until it is ready the patterns alone read members' words.
      health.detail("understanding", porchlight.understand()::ready);
      WebServer web;
      try {
        web = WebServer.start(settings.server().bindAddress(), settings.server().port());
      } catch (UncheckedIOException e) {
        throw new ConfigException(
            e.getMessage()
                + ". Is another Porchlight, or another program, using it? Choose another with"
                + " server.port or PORCHLIGHT_SERVER_PORT.");
      }
      opened.push(web);
      web.route("/health/live", health.live());
      web.route("/health/ready", health.ready());
      web.route("/metrics", porchlight.metrics.handler());
      List<Sender.Channel> channels = new ArrayList<>();
      // Closed first of all when stopping: no new updates while the last sends go out.
      List<AutoCloseable> updates = new ArrayList<>();
      if (settings.telegram().tokenIfSet().isPresent() && !stopping.get()) {
        channels.add(
            telegram(settings.telegram(), porchlight, health, opened, updates, web, clock));
      }
      if (settings.discord().tokenIfSet().isPresent() && !stopping.get()) {
        channels.add(discord(settings.discord(), porchlight, health, opened, clock));
      }
      Scheduling sweeping = porchlight.scheduling(channels);
      opened.push(sweeping);
      updates.forEach(opened::push);
      scheduling.set(sweeping);
      if (!stopping.get()) {
        sweeping.start();
        health.started();
        LOG.info("Porchlight is running. Stop it with Ctrl+C or SIGTERM.");
      }
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeAll(opened);
      closed.countDown();
    }
    LOG.info("Stopped.");
  }

  private static boolean awaitQuietly(CountDownLatch closed, Duration deadline) {
    try {
      return closed.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Past the deadline, the process ends however far the stop has come. */
  private static void watchdog(CountDownLatch closed, Duration deadline, CountDownLatch migrating) {
    Thread watchdog =
        Daemons.thread(
            "stop-deadline",
            () -> {
              if (awaitQuietly(closed, deadline)) return;
              if (migrating.getCount() > 0) {
                LOG.warn("Still migrating the database's schema: exiting once that is done");
                awaitQuietly(migrating, Duration.ofMinutes(10));
              }
              LOG.warn(
                  "Still stopping after {} s (shutdown.deadline): exiting now. Messages"
                      + " not sent wait in the outbox for the next start.",
                  deadline.toSeconds());
              Runtime.getRuntime().halt(1);
            });
    watchdog.start();
  }

  private static Sender.Channel telegram(
      Settings.Telegram settings,
      Porchlight porchlight,
      Health health,
      Deque<AutoCloseable> opened,
      List<AutoCloseable> updates,
      WebServer web,
      Clock clock) {
    TelegramBot telegram =
        new TelegramBot(
            porchlight.conversation,
            porchlight.hosting,
            porchlight.database.members(),
            porchlight.database.offsets(),
            settings.token().reveal(),
            settings.apiUrl(),
            settings.workers(),
            Pause.SLEEP,
            Ticker.SYSTEM);
    opened.push(telegram);
    updates.add(telegram::stopTakingUpdates);
    health.check("telegram", telegram::isConnected);
    porchlight.metrics.watch("telegram", telegram::isConnected);
    if (settings.mode() == Settings.Telegram.Mode.SEND_ONLY) {
      telegram.startSendingOnly();
    } else if (settings.mode() == Settings.Telegram.Mode.WEBHOOK) {
      TelegramBot.Webhook webhook =
          new TelegramBot.Webhook(
              settings.webhookUrl(),
              settings.webhookSecret().reveal(),
              porchlight.database.handledUpdates(),
              clock);
      telegram.startWebhook(webhook, handler -> web.route(TelegramBot.WEBHOOK_PATH, handler));
    } else {
      telegram.start();
    }
    RateLimit pace =
        new RateLimit(
            settings.messagesPerSecond(), settings.messagesPerSecondPerChat(), Ticker.SYSTEM);
    return new Sender.Channel(telegram.messenger(), pace);
  }

  private static Sender.Channel discord(
      Settings.Discord settings,
      Porchlight porchlight,
      Health health,
      Deque<AutoCloseable> opened,
      Clock clock) {
    DiscordBot discord =
        new DiscordBot(
                porchlight.conversation,
                porchlight.hosting,
                porchlight.database.members(),
                settings.token().reveal(),
                settings.apiUrl(),
                settings.gatewayUrl(),
                settings.devGuildIdIfSet(),
                DISCORD_WORKERS)
            .keepingMeetingEvents(porchlight.database.meetingEvents(), clock);
    opened.push(discord);
    health.check("discord", discord::isConnected);
    porchlight.metrics.watch("discord", discord::isConnected);
    discord.start();
    // JDA keeps to Discord's own limits; this only spreads a wave of check-ins out.
    RateLimit pace = new RateLimit(settings.messagesPerSecond(), 1, Ticker.SYSTEM);
    return new Sender.Channel(discord.messenger(), pace);
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        LOG.warn("could not close cleanly: {}", e.toString());
      }
    }
  }
}
