package org.porchlight.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.porchlight.intake.OffsetStore;
import org.porchlight.runtime.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Updates by long polling: each batch answered chat by chat in parallel, each chat's updates in
 * order, then the offset stored, so a restart neither loses nor repeats one.
 */
final class TelegramPolling {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramPolling.class);
  private static final String OFFSET_SOURCE = "telegram";
  static final int POLL_SECONDS = 50;
  private static final Duration POLL_GRACE = Duration.ofSeconds(3);

  private final OffsetStore offsets;
  private final ExecutorService workers;
  private final Supplier<TelegramChat> chat;
  private final Runnable heard;
  private volatile TelegramBotsLongPollingApplication polling;
  private ScheduledExecutorService poller;
  private volatile long lastHandled;

  TelegramPolling(
      OffsetStore offsets, ExecutorService workers, Supplier<TelegramChat> chat, Runnable heard) {
    this.offsets = offsets;
    this.workers = workers;
    this.chat = chat;
    this.heard = heard;
  }

  void start(String token, TelegramUrl url) {
    lastHandled = offsets.lastHandled(OFFSET_SOURCE).orElse(0);
    polling =
        new TelegramBotsLongPollingApplication(
            com.fasterxml.jackson.databind.ObjectMapper::new,
            () ->
                new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(POLL_SECONDS + 20))
                    .build(),
            () ->
                poller = Executors.newSingleThreadScheduledExecutor(Daemons.named("telegram-poll")),
            ExponentialBackOff::new);
    try {
      polling.registerBot(token, () -> url, this::nextUpdates, this::consume);
    } catch (TelegramApiException e) {
      throw new TelegramStartException(
          "Telegram long polling could not start: " + e.getMessage(), e);
    }
  }

  OptionalLong lastHandledUpdate() {
    return lastHandled == 0 ? OptionalLong.empty() : OptionalLong.of(lastHandled);
  }

  /** Stops polling, giving the poll in flight a moment to finish. */
  void stop() {
    TelegramBotsLongPollingApplication stopping = polling;
    polling = null;
    if (stopping != null) {
      try {
        stopping.close();
      } catch (Exception e) {
        LOG.warn("Telegram long polling did not stop cleanly: {}", e.toString());
      }
    }
    // The poll in flight is given a moment to finish: updates it brings are answered; if it takes
    // longer, they are not confirmed to Telegram and so come again at the next start. Either way
    // no poll of this bot outlives close() to log about a server that has gone.
    if (poller != null) {
      poller.shutdown();
      try {
        poller.awaitTermination(POLL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private GetUpdates nextUpdates(Integer lastReceived) {
    long from = Math.max(lastReceived == null ? 0 : lastReceived, lastHandled) + 1;
    TolerantGetUpdates poll = new TolerantGetUpdates((int) from, 100, POLL_SECONDS, heard);
    poll.setAllowedUpdates(TelegramBot.ALLOWED_UPDATES);
    return poll;
  }

  /** One batch: chats in parallel, each chat's updates in order; then the offset is stored. */
  private void consume(List<Update> updates) {
    Map<Long, List<Update>> byChat = new LinkedHashMap<>();
    long newest = lastHandled;
    for (Update update : updates) {
      if (update.getUpdateId() <= lastHandled) continue; // handled before a restart
      byChat.computeIfAbsent(TelegramChat.chatKey(update), key -> new ArrayList<>()).add(update);
      newest = Math.max(newest, update.getUpdateId());
    }
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (List<Update> inOrder : byChat.values()) {
      running.add(CompletableFuture.runAsync(() -> inOrder.forEach(this::handleSafely), workers));
    }
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    if (newest > lastHandled) {
      offsets.handled(OFFSET_SOURCE, newest);
      lastHandled = newest;
    }
  }

  private void handleSafely(Update update) {
    try {
      chat.get().handle(update);
    } catch (RuntimeException e) {
      // One update that fails must not stop the others; the member's words are never logged.
      LOG.error("update {} could not be handled: {}", update.getUpdateId(), e.toString());
      LOG.debug("update {} could not be handled", update.getUpdateId(), e);
    }
  }
}
