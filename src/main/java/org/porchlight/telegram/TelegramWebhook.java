package org.porchlight.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.intake.HandledUpdates;
import org.porchlight.intake.HandledUpdates.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram's updates, one a request. A request without Telegram's
 * secret token is refused before anything is read. Each update is claimed, so that it is handled
 * once however many instances serve the bot and however often Telegram posts it again; it is
 * handled as a polled one is, and answered 200 only then, so that Telegram posts again what failed.
 * One chat's updates are handled here in the order they arrived, chats side by side.
 */
final class TelegramWebhook implements HttpHandler {
  private static final String SOURCE = "telegram";
  private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);
  private static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  // Telegram's updates are a few kilobytes; anything this big is not one.
  private static final int MOST_BYTES = 1 << 20;
  // A claim this old was left by an instance that stopped mid-update: a retry may take it over.
  // Far longer than an update takes while its instance is alive, even when a reply waits out one
  // of Telegram's 429s (up to 2 minutes), so a live instance is not overtaken and the member
  // answered twice; Telegram keeps posting the update, so one a dead instance held is answered
  // after this. (Several long 429s in one update could still outlast it.)
  private static final Duration LAPSE = Duration.ofMinutes(15);
  // Telegram keeps an update for a day at most, so no retry comes later than that.
  private static final Duration KEEP = Duration.ofHours(24);
  private static final Duration FORGET_EVERY = Duration.ofMinutes(10);
  // Telegram posts a chat's next message only once this one is answered 2xx: an update that keeps
  // failing is given up after this many tries, so that it does not hold its chat back for a day.
  private static final int TRIES = 5;
  // Seconds Telegram is asked to wait before posting again an update another instance holds.
  private static final String BUSY_RETRY_AFTER = "5";

  private static final int OK = 200;
  private static final int BAD_REQUEST = 400;
  private static final int UNAUTHORIZED = 401;
  private static final int NOT_POST = 405;
  private static final int TOO_LARGE = 413;
  private static final int FAILED = 500;
  private static final int UNAVAILABLE = 503;

  private final byte[] secretDigest;
  private final Consumer<Update> chat;
  private final HandledUpdates handled;
  private final Clock clock;
  private final Executor workers;
  // The last update taken on for each chat, for the next one to wait for.
  private final Map<Long, CompletableFuture<Void>> lastOfChat = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> forgottenAt = new AtomicReference<>();
  private volatile boolean stopped;
  private static final Duration REFUSAL_WARNING_EVERY = Duration.ofMinutes(1);
  private final AtomicLong refusedSince = new AtomicLong();
  private final AtomicLong lastRefusalWarning = new AtomicLong();
  private volatile Predicate<Update> crisisAlone = update -> false;
  // Claims kept for Telegram's next post of an update the database's going cut short.
  private final Map<Long, Claim.Held> heldWhileTheDatabaseWasAway = new ConcurrentHashMap<>();

  /**
   * @param chat handles one update (the conversation's answer and all)
   * @param workers where updates are handled, so the HTTP server's threads stay free
   */
  TelegramWebhook(
      String secret, Consumer<Update> chat, HandledUpdates handled, Clock clock, Executor workers) {
    this.secretDigest = digest(secret);
    this.chat = chat;
    this.handled = handled;
    this.clock = clock;
    this.workers = workers;
  }

  /**
   * While the database is away, {@code crisis} answers an update in crisis language from its words
   * alone, and says whether it did, never throwing: that update is then answered 200, and not
   * handled again.
   */
  TelegramWebhook whileTheDatabaseIsAway(Predicate<Update> crisis) {
    this.crisisAlone = crisis;
    return this;
  }

  /**
   * Says that a post was refused, at most once a minute as a warning (a scanner finding the public
   * address must not flood the log), with how many were refused since.
   */
  private void refused(String how) {
    long refused = refusedSince.incrementAndGet();
    long now = clock.millis();
    long last = lastRefusalWarning.get();
    if (last != 0 && now - last < REFUSAL_WARNING_EVERY.toMillis()) {
      LOG.debug("Telegram webhook: a post {} was refused (401)", how);
      return;
    }
    if (!lastRefusalWarning.compareAndSet(last, now)) return;
    refusedSince.addAndGet(-refused);
    LOG.warn(
        "Telegram webhook: a post {} was refused (401){}",
        how,
        refused > 1 ? "; " + refused + " refused in the last minute" : "");
  }

  /** From now on every post is answered 503: Telegram posts it again, to another instance. */
  void stop() {
    stopped = true;
  }

  @Override
  public void handle(HttpExchange exchange) {
    if (stopped) {
      exchange.getResponseHeaders().set("Retry-After", "5");
      finish(exchange, UNAVAILABLE);
      return;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      finish(exchange, NOT_POST);
      return;
    }
    // The header's value and the body are never logged: one could be a near miss of the secret,
    // the other a member's words.
    String secret = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
    if (secret == null) {
      refused("without Telegram's secret token");
      finish(exchange, UNAUTHORIZED);
      return;
    }
    if (!MessageDigest.isEqual(digest(secret), secretDigest)) {
      refused("with a wrong secret token");
      finish(exchange, UNAUTHORIZED);
      return;
    }
    byte[] body;
    try {
      body = exchange.getRequestBody().readNBytes(MOST_BYTES + 1);
    } catch (IOException e) {
      LOG.info("Telegram webhook: a post could not be read ({})", e.toString());
      finish(exchange, BAD_REQUEST);
      return;
    }
    if (body.length > MOST_BYTES) {
      LOG.warn("Telegram webhook: a post over {} bytes was refused (413)", MOST_BYTES);
      finish(exchange, TOO_LARGE);
      return;
    }
    Optional<Update> update = read(body);
    if (update.isEmpty()) {
      finish(exchange, BAD_REQUEST);
      return;
    }
    inOrder(
        TelegramChat.chatKey(update.get()),
        () -> finish(exchange, answer(update.get())),
        () -> finish(exchange, UNAVAILABLE));
  }

  private static Optional<Update> read(byte[] body) {
    JsonNode node;
    try {
      node = UpdateReader.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      LOG.warn("Telegram webhook: a post that is not JSON was answered 400");
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("Telegram webhook: a post could not be read ({}); answered 400", e.toString());
      return Optional.empty();
    }
    JsonNode id = node == null ? null : node.get("update_id");
    if (id == null || !id.isIntegralNumber() || !id.canConvertToInt() || id.asInt() < 0) {
      LOG.warn("Telegram webhook: a post that is not an update (no update_id) was answered 400");
      return Optional.empty();
    }
    return Optional.of(UpdateReader.read(node));
  }

  /**
   * Runs {@code work} on a worker once the chat's update before it is done, or {@code refused} if
   * the workers have stopped.
   */
  private void inOrder(long chatKey, Runnable work, Runnable refused) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> before = lastOfChat.put(chatKey, mine);
    Runnable done =
        () -> {
          lastOfChat.remove(chatKey, mine);
          mine.complete(null);
        };
    Runnable start =
        () -> {
          try {
            workers.execute(
                () -> {
                  try {
                    work.run();
                  } finally {
                    done.run();
                  }
                });
          } catch (RejectedExecutionException e) {
            try {
              refused.run();
            } finally {
              done.run();
            }
          }
        };
    if (before == null) {
      start.run();
    } else {
      before.whenComplete((ignored, error) -> start.run());
    }
  }

  /** Claims, handles and marks one update; the status to answer Telegram with. */
  private int answer(Update update) {
    long id = update.getUpdateId();
    Claim claim;
    try {
      // A claim this instance still holds from a try the database's going cut short is used
      // again: nobody else can take the update until it lapses.
      Claim.Held kept = heldWhileTheDatabaseWasAway.remove(id);
      claim = kept != null ? kept : handled.claim(SOURCE, id, clock.instant(), LAPSE);
    } catch (StoreUnavailable e) {
      // The database is away (said once, by whoever watches it). Crisis language is answered
      // now, from the words alone; the rest Telegram posts again later.
      if (crisisAlone.test(update)) return OK;
      LOG.debug("Telegram webhook: update {} waits for the database; answered 503", id);
      return UNAVAILABLE;
    } catch (RuntimeException e) {
      LOG.warn(
          "Telegram webhook: update {} could not be claimed ({}); answered 503", id, e.toString());
      return UNAVAILABLE;
    }
    if (claim instanceof Claim.HandledBefore) {
      LOG.debug("Telegram webhook: update {} was handled before; its retry is answered 200", id);
      return OK;
    }
    if (!(claim instanceof Claim.Held held)) {
      LOG.info("Telegram webhook: update {} is being handled elsewhere; Telegram will retry", id);
      return UNAVAILABLE;
    }
    try {
      chat.accept(update);
    } catch (RuntimeException e) {
      if (StoreUnavailable.isCause(e)) {
        // Telegram posts it again; this instance keeps the claim for that post, which is not
        // counted as a try that failed.
        LOG.debug("Telegram webhook: update {} waits for the database; answered 503", id);
        heldWhileTheDatabaseWasAway.put(id, held);
        return UNAVAILABLE;
      }
      return failed(held, e);
    }
    try {
      handled.handled(held, clock.instant());
    } catch (RuntimeException e) {
      // It was answered: 200 all the same, or Telegram's retry would answer it twice.
      LOG.atLevel(StoreUnavailable.isCause(e) ? Level.DEBUG : Level.WARN)
          .log(
              "Telegram webhook: update {} was answered but not marked handled: {}",
              id,
              e.toString());
    }
    forgetOldClaims();
    return OK;
  }

  private int failed(Claim.Held held, RuntimeException e) {
    long id = held.updateId();
    int tries = held.failures() + 1;
    // The member's words are never logged: the update's id and what went wrong only.
    LOG.error("update {} could not be handled (try {} of {}): {}", id, tries, TRIES, e.toString());
    LOG.debug("update {} could not be handled", id, e);
    try {
      if (tries >= TRIES) {
        LOG.error("update {} is given up after {} tries", id, tries);
        handled.handled(held, clock.instant());
        return OK;
      }
      handled.failed(held);
    } catch (RuntimeException storeFailed) {
      // The claim then lapses, and a retry after that takes it.
      LOG.warn("update {}: its claim could not be updated: {}", id, storeFailed.toString());
    }
    return FAILED;
  }

  // Now and then, never at every update: claims are kept a day, and deleting is cheap but not free.
  private void forgetOldClaims() {
    Instant now = clock.instant();
    Instant last = forgottenAt.get();
    if (last != null && now.isBefore(last.plus(FORGET_EVERY))) return;
    if (!forgottenAt.compareAndSet(last, now)) return;
    try {
      int forgotten = handled.forgetBefore(now.minus(KEEP));
      LOG.debug("Telegram webhook: {} updates older than a day forgotten", forgotten);
    } catch (RuntimeException e) {
      LOG.warn("Telegram webhook: old updates could not be forgotten: {}", e.toString());
    }
  }

  private static void finish(HttpExchange exchange, int status) {
    try (exchange) {
      if (status == UNAVAILABLE) exchange.getResponseHeaders().set("Retry-After", BUSY_RETRY_AFTER);
      exchange.sendResponseHeaders(status, -1);
    } catch (IOException e) {
      // Telegram gave up waiting: it posts the update again, and the claim answers that.
      LOG.debug("Telegram webhook: the answer {} could not be sent: {}", status, e.toString());
    }
  }

  // Compared as digests, in constant time: neither the secret nor its length leaks through timing.
  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  // Telegram's rule for a webhook's secret token.
  private static final Pattern SECRET_RULE = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  /**
   * Refuses to start with a webhook Telegram would not take, saying what to change: an address that
   * is not https, or a secret that is missing or breaks Telegram's rule.
   */
  static void check(TelegramBot.Webhook webhook) {
    URI url = null;
    try {
      url = new URI(webhook.url());
    } catch (URISyntaxException e) {
      // reported below
    }
    if (url == null || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
      throw new TelegramStartException(
          "telegram.webhookUrl (PORCHLIGHT_TELEGRAM_WEBHOOK_URL) must be the public https address"
              + " of /telegram/webhook, like https://bot.example.org/telegram/webhook"
              + (webhook.url().isEmpty()
                  ? ", and it is not set"
                  : "; it is '" + webhook.url() + "'")
              + ". Telegram posts only to https, on port 443, 80, 88 or 8443.");
    }
    String secret = webhook.secret();
    String rule = "1 to 256 characters, each a letter A-Z or a-z, a digit, _ or -";
    String makeOne = ". Make one with: openssl rand -hex 32";
    if (secret.isEmpty()) {
      throw new TelegramStartException(
          "webhook mode needs telegram.webhookSecret (PORCHLIGHT_TELEGRAM_WEBHOOK_SECRET), "
              + rule
              + ", which Telegram sends with every update so that Porchlight can tell its posts"
              + " from anyone else's"
              + makeOne);
    }
    if (!SECRET_RULE.matcher(secret).matches()) {
      // What is wrong with it, never the secret itself.
      String wrong =
          secret.length() > 256
              ? "it has " + secret.length() + " characters"
              : "it has other characters";
      throw new TelegramStartException(
          "telegram.webhookSecret (PORCHLIGHT_TELEGRAM_WEBHOOK_SECRET) must be "
              + rule
              + "; "
              + wrong
              + makeOne);
    }
  }
}
