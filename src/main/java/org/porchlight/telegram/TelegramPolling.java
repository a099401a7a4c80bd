package org.porchlight.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.intake.OffsetStore;
import org.porchlight.runtime.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Updates by long polling: each batch answered chat by chat in parallel, each chat's updates in
 * order, then the offset stored, so a restart neither loses nor repeats one.
 *
 * <p>The loop is ours rather than the library's: each poll ends within its deadline, an outage is
 * logged as it starts and as it ends (not once a try, with a stack trace), and a stop cancels the
 * poll in flight instead of waiting on a server that may never answer.
 */
final class TelegramPolling {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramPolling.class);
  private static final String OFFSET_SOURCE = "telegram";
  static final int POLL_SECONDS = 50;
  // A long poll is held up to POLL_SECONDS by the server: OkHttp gives it this much more.
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(POLL_SECONDS + 15);
  private static final Duration POLL_GRACE = Duration.ofSeconds(3);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);
  // How often a batch put off for the database is tried again: each try waits for a connection
  // (up to the store's own wait) before it gives up.
  private static final Duration WHILE_THE_DATABASE_IS_AWAY = Duration.ofSeconds(1);

  private final OffsetStore offsets;
  private final ExecutorService workers;
  private final Supplier<TelegramChat> chat;
  private final Runnable heard;
  private final Outage outage;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile TelegramCalls calls;
  private volatile Thread poller;
  private volatile long lastHandled;
  // Updates of the batch in hand already answered: when the database goes away mid-batch, the
  // batch comes again whole, and these are not answered twice.
  private final Set<Integer> doneBeforeTheDatabaseWent = ConcurrentHashMap.newKeySet();

  TelegramPolling(
      OffsetStore offsets,
      ExecutorService workers,
      Supplier<TelegramChat> chat,
      Runnable heard,
      Outage outage) {
    this.offsets = offsets;
    this.workers = workers;
    this.chat = chat;
    this.heard = heard;
    this.outage = outage;
  }

  void start(String token, TelegramUrl url) {
    lastHandled = offsets.lastHandled(OFFSET_SOURCE).orElse(0);
    calls = new TelegramCalls(token, url, POLL_TIMEOUT);
    poller = Daemons.thread("telegram-poll", this::poll);
    poller.start();
  }

  OptionalLong lastHandledUpdate() {
    return lastHandled == 0 ? OptionalLong.empty() : OptionalLong.of(lastHandled);
  }

  /**
   * Stops polling: the poll in flight is cancelled, and a batch being answered is given a moment to
   * finish. Updates not confirmed by then come again at the next start.
   */
  void stop() {
    stopping.countDown();
    TelegramCalls polling = calls;
    if (polling != null) polling.close();
    Thread running = poller;
    if (running == null) return;
    try {
      running.join(POLL_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void poll() {
    boolean webhookDeleted = false;
    Duration backoff = FIRST_BACKOFF;
    while (stopping.getCount() > 0) {
      String method = webhookDeleted ? "getUpdates" : "deleteWebhook";
      try {
        if (!webhookDeleted) {
          // Telegram refuses to be polled while a webhook is set: an instance that served one can
          // come back to polling. Updates waiting are kept.
          calls.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
          webhookDeleted = true;
          continue;
        }
        List<Update> updates = calls.execute(nextUpdates());
        outage.answered();
        backoff = FIRST_BACKOFF;
        consume(updates);
      } catch (TelegramApiException e) {
        if (stopping.getCount() == 0) return;
        outage.failed(method + ": " + TelegramApi.reason(e));
        LOG.debug("{} failed: {}", method, TelegramApi.reason(e));
        backoff = pauseAfterFailure(backoff);
      } catch (StoreUnavailable e) {
        // The database is away: the batch was not confirmed, so Telegram keeps it and it comes
        // again. The outage is logged once, by whoever watches the database.
        LOG.debug("updates wait for the database: {}", e.getMessage());
        pause(WHILE_THE_DATABASE_IS_AWAY);
      } catch (RuntimeException e) {
        if (stopping.getCount() == 0) return;
        // The batch could not be answered in full: its offset was not stored, so the same updates
        // come again.
        LOG.warn("updates could not be answered; they come again: {}", e.toString());
        backoff = pauseAfterFailure(backoff);
      }
    }
  }

  private Duration pauseAfterFailure(Duration backoff) {
    pause(backoff);
    Duration next = backoff.multipliedBy(2);
    return next.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : next;
  }

  private void pause(Duration pause) {
    try {
      stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.countDown();
    }
  }

  private GetUpdates nextUpdates() {
    TolerantGetUpdates poll =
        new TolerantGetUpdates((int) (lastHandled + 1), 100, POLL_SECONDS, heard);
    poll.setAllowedUpdates(TelegramBot.ALLOWED_UPDATES);
    return poll;
  }

  /**
   * One batch: chats in parallel, each chat's updates in order; then the offset is stored. When the
   * database is away, the batch stops where it got to and is not confirmed: it comes again, and the
   * updates answered before are passed over then.
   *
   * @throws StoreUnavailable when the database was away for some of the batch
   */
  private void consume(List<Update> updates) {
    Map<Long, List<Update>> byChat = new LinkedHashMap<>();
    long newest = lastHandled;
    for (Update update : updates) {
      if (update.getUpdateId() <= lastHandled) continue; // handled before a restart
      newest = Math.max(newest, update.getUpdateId());
      if (doneBeforeTheDatabaseWent.contains(update.getUpdateId())) continue;
      byChat.computeIfAbsent(TelegramChat.chatKey(update), key -> new ArrayList<>()).add(update);
    }
    AtomicBoolean away = new AtomicBoolean();
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (List<Update> inOrder : byChat.values()) {
      running.add(CompletableFuture.runAsync(() -> handleInOrder(inOrder, away), workers));
    }
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    if (away.get()) throw new StoreUnavailable("updates put off: the database is away", null);
    if (newest > lastHandled) {
      offsets.handled(OFFSET_SOURCE, newest);
      lastHandled = newest;
    }
    doneBeforeTheDatabaseWent.clear();
  }

  /**
   * One chat's updates in order, until one finds the database away (here or in another chat). From
   * then on only crisis language is answered, from the words alone; the rest wait for the database.
   */
  private void handleInOrder(List<Update> inOrder, AtomicBoolean away) {
    for (Update update : inOrder) {
      boolean done;
      if (away.get()) {
        done = chat.get().answeredCrisisWhileTheDatabaseIsAway(update);
      } else {
        done = handleSafely(update);
        if (!done) away.set(true);
      }
      if (done) doneBeforeTheDatabaseWent.add(update.getUpdateId());
    }
  }

  /** Answers one update; false when it could not be, the database being away. */
  private boolean handleSafely(Update update) {
    try {
      chat.get().handle(update);
      return true;
    } catch (RuntimeException e) {
      if (StoreUnavailable.isCause(e)) return false;
      // One update that fails must not stop the others; the member's words are never logged.
      LOG.error("update {} could not be handled: {}", update.getUpdateId(), e.toString());
      LOG.debug("update {} could not be handled", update.getUpdateId(), e);
      return true;
    }
  }
}
