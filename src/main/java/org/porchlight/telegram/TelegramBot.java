package org.porchlight.telegram;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.porchlight.core.Hosting;
import org.porchlight.core.MemberId;
import org.porchlight.core.MessageLimit;
import org.porchlight.core.Messages;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.delivery.Messenger;
import org.porchlight.intake.HandledUpdates;
import org.porchlight.intake.OffsetStore;
import org.porchlight.runtime.Daemons;
import org.porchlight.runtime.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Porchlight on Telegram, by long polling or through a webhook. Updates from different chats are
 * handled in parallel, those from one chat in order. Polling stores how far updates have been
 * handled, so a restart neither loses nor repeats them; through the webhook, which any number of
 * instances can serve, each update is claimed in the database, so it is handled once.
 */
public final class TelegramBot implements AutoCloseable {
  /** Where Telegram's posts are served, behind the public address given to Telegram. */
  public static final String WEBHOOK_PATH = "/telegram/webhook";

  private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
  // The updates Porchlight answers, asked for by polling and webhook alike: Telegram keeps the
  // list it was last given, so a webhook's list would otherwise outlive it into polling.
  static final List<String> ALLOWED_UPDATES =
      List.of("message", "callback_query", "my_chat_member");

  private final Conversation conversation;
  private final Hosting hosting;
  private final MemberStore members;
  private final String token;
  private final TelegramUrl url;
  private final Pause pause;
  private final ExecutorService workers;
  // Sending only or by webhook, a getMe this often tells whether Telegram still answers.
  private static final Duration HEARTBEAT = Duration.ofSeconds(60);
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(Daemons.named("telegram-heartbeat"));
  // Every call but the long poll: each within CALL_TIMEOUT and TelegramCalls.MARGIN.
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private final TelegramCalls client;
  private final Outage outage;
  private final TelegramApi api;
  private final TelegramPolling polling;
  private volatile TelegramChat chat;
  private volatile MessageLimit limit = MessageLimit.standard(Clock.systemUTC());
  private final Ticker ticker;
  // When Telegram last answered (by the ticker), for readiness; 0 before it ever did.
  private volatile long lastHeardNanos;
  private volatile boolean polls;
  private volatile TelegramWebhook webhookHandler;
  // From a webhook start until Telegram took the webhook: not connected meanwhile.
  private volatile boolean awaitingWebhook;

  /**
   * Telegram's webhook: the public https address Telegram posts updates to (which reaches {@code
   * /telegram/webhook} here through a TLS proxy), the secret it sends with each, where claims on
   * updates are kept, and the clock they are dated by.
   */
  public record Webhook(String url, String secret, HandledUpdates handledUpdates, Clock clock) {
    public Webhook {
      requireNonNull(url, "url == null");
      requireNonNull(secret, "secret == null");
      requireNonNull(handledUpdates, "handledUpdates == null");
      requireNonNull(clock, "clock == null");
    }

    // The secret never reaches a log, not even through toString.
    @Override
    public String toString() {
      return "Webhook[url=" + url + ", secret=" + (secret.isEmpty() ? "" : "***") + "]";
    }
  }

  /**
   * @param apiUrl the Bot API server, such as {@code https://api.telegram.org}
   * @param workers how many chats are answered at once
   * @param pause how a retry waits
   * @param ticker what tells how long ago Telegram last answered, for readiness
   */
  public TelegramBot(
      Conversation conversation,
      Hosting hosting,
      MemberStore members,
      OffsetStore offsets,
      String token,
      String apiUrl,
      int workers,
      Pause pause,
      Ticker ticker) {
    this.ticker = ticker;
    this.conversation = conversation;
    this.hosting = hosting;
    this.members = members;
    this.token = token;
    this.url = telegramUrl(apiUrl);
    this.pause = pause;
    this.workers = Executors.newFixedThreadPool(workers, Daemons.named("telegram-chat"));
    this.client = new TelegramCalls(token, url, CALL_TIMEOUT);
    this.outage = new Outage(ticker);
    this.api = new TelegramApi(client, outage, pause, id -> cannotBeReached(members, id));
    this.polling =
        new TelegramPolling(offsets, this.workers, () -> chat, this::heardFromTelegram, outage);
  }

  /**
   * Connects: checks the token, sets the command menu, and starts taking updates by long polling.
   * The library deletes any webhook before its first poll, as Telegram refuses to be polled while
   * one is set: an instance that served a webhook can come back to polling.
   */
  public void start() {
    startSendingOnly();
    setCommandMenuMeanwhile();
    polls = true;
    polling.start(token, url);
  }

  /**
   * Connects for sending only: checks the token, takes no updates. For instances beside the one
   * that polls, since Telegram lets only one client poll a bot.
   */
  /** Holds each member to {@code limit} rather than the standard one; call before starting. */
  public TelegramBot limitingEachMember(MessageLimit limit) {
    this.limit = limit;
    return this;
  }

  public void startSendingOnly() {
    User me = whoAmI();
    heardFromTelegram();
    LOG.info("Telegram: signed in as @{}", me.getUserName());
    conversation.knownAs(TelegramChat.PLATFORM, me.getUserName());
    chat = new TelegramChat(conversation, hosting, members, api, me.getUserName(), limit);
    // Without polls, nothing else shows whether Telegram still answers: ask it now and then.
    heartbeat.scheduleWithFixedDelay(
        this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks Telegram who the bot is, unless polls already show it answers; notes when it does. */
  void heartbeat() {
    if (polls) return;
    try {
      client.execute(new GetMe());
      outage.answered();
      heardFromTelegram();
    } catch (TelegramApiException e) {
      outage.failed("getMe: " + TelegramApi.reason(e));
    }
  }

  /**
   * Connects to take updates through Telegram's webhook: checks the webhook's address and secret
   * (refusing to start with what to change), checks the token, sets the command menu, gives {@code
   * route} the handler for {@code POST /telegram/webhook} and then tells Telegram to post there.
   * Any number of instances behind one address can do this for one bot.
   */
  public void startWebhook(Webhook webhook, Consumer<HttpHandler> route) {
    TelegramWebhook.check(webhook);
    awaitingWebhook = true;
    startSendingOnly();
    setCommandMenuMeanwhile();
    webhookHandler =
        new TelegramWebhook(
                webhook.secret(), chat::handle, webhook.handledUpdates(), webhook.clock(), workers)
            .whileTheDatabaseIsAway(chat::answeredCrisisWhileTheDatabaseIsAway);
    route.accept(webhookHandler);
    setWebhook(webhook);
    awaitingWebhook = false;
    LOG.info("Telegram: updates come through the webhook at {}", webhook.url());
  }

  private void setWebhook(Webhook webhook) {
    SetWebhook setWebhook =
        SetWebhook.builder()
            .url(webhook.url())
            .secretToken(webhook.secret())
            .allowedUpdates(ALLOWED_UPDATES)
            .dropPendingUpdates(false)
            .build();
    duringStart(
        () -> client.execute(setWebhook),
        refused ->
            "Telegram refused the webhook at "
                + webhook.url()
                + " ("
                + RetryPolicy.codeOf(refused)
                + " "
                + refused.getApiResponse()
                + "). Check telegram.webhookUrl: an https address Telegram can reach, on port"
                + " 443, 80, 88 or 8443.",
        "Telegram could not be reached to set the webhook. Check telegram.apiUrl and the network.");
  }

  private User whoAmI() {
    return duringStart(
        () -> client.execute(new GetMe()),
        refused -> {
          int code = RetryPolicy.codeOf(refused);
          if (code == 401 || code == 404) {
            return "Telegram did not accept the bot token ("
                + code
                + "). Check TELEGRAM_BOT_TOKEN: it comes from @BotFather and looks like"
                + " 123456:ABC-...";
          }
          return "Telegram did not answer getMe (" + code + " " + refused.getApiResponse() + ")";
        },
        "Telegram could not be reached at "
            + url.getSchema()
            + "://"
            + url.getHost()
            + ":"
            + url.getPort()
            + ". Check telegram.apiUrl and the network.");
  }

  private interface StartCall<T> {
    T execute() throws TelegramApiException;
  }

  /**
   * A call the start cannot go on without, tried as {@link RetryPolicy#START} says; when it gives
   * up, the start stops with what Telegram answered ({@code refused}) or {@code unreachable}.
   */
  private <T> T duringStart(
      StartCall<T> call,
      Function<TelegramApiRequestException, String> refused,
      String unreachable) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.execute();
      } catch (TelegramApiException e) {
        Optional<Duration> wait = RetryPolicy.START.waitAfter(attempt, e);
        if (wait.isEmpty()) {
          String why;
          if (e instanceof TelegramApiRequestException answered) {
            why = refused.apply(answered);
          } else if (e instanceof TelegramCalls.UnreadableAnswer unread) {
            why =
                "Telegram's answer (HTTP "
                    + unread.status()
                    + ") could not be read. Check telegram.apiUrl: it must be a Bot API server.";
          } else {
            why = unreachable;
          }
          throw new TelegramStartException(why, e);
        }
        pause.pause(wait.get());
      }
    }
  }

  /**
   * Sets the command menu on a thread of its own: it is only nice to have, so a server slow or
   * strange in answering it never holds the start. Each call ends within its deadline (logged).
   */
  private void setCommandMenuMeanwhile() {
    Daemons.thread("telegram-menu", this::setCommandMenu).start();
  }

  private void setCommandMenu() {
    List<BotCommand> commands =
        conversation.menu("en").stream()
            .map(entry -> new BotCommand(entry.command(), entry.description()))
            .toList();
    api.call(new SetMyCommands(commands), Optional.empty());
    // In groups, members see what works there; the group's admins see the hosts' commands too.
    Messages texts = conversation.texts("en");
    BotCommand group = new BotCommand("group", texts.get(Text.MENU_GROUP));
    BotCommand about = new BotCommand("about", texts.get(Text.MENU_ABOUT));
    api.call(
        SetMyCommands.builder()
            .commands(List.of(group, about))
            .scope(new BotCommandScopeAllGroupChats())
            .build(),
        Optional.empty());
    api.call(
        SetMyCommands.builder()
            .commands(
                List.of(
                    group,
                    new BotCommand("setup", texts.get(Text.MENU_SETUP)),
                    new BotCommand("post", texts.get(Text.MENU_POST)),
                    new BotCommand("summary", texts.get(Text.MENU_SUMMARY)),
                    about))
            .scope(new BotCommandScopeAllChatAdministrators())
            .build(),
        Optional.empty());
  }

  /** Sends what the outbox owes Telegram members, once {@link #start} has signed in. */
  public Messenger messenger() {
    return new TelegramMessenger(() -> chat);
  }

  private void heardFromTelegram() {
    lastHeardNanos = ticker.nanos();
  }

  /**
   * Whether Porchlight is in touch with Telegram: signed in; when it polls, a poll answered within
   * the last two long polls' time; with a webhook, Telegram took it.
   */
  /**
   * Notes that a member can't be reached. While the database is away it is not noted: the next
   * message to them finds it out again.
   */
  private static void cannotBeReached(MemberStore members, MemberId member) {
    try {
      members.setReachable(member, false);
    } catch (StoreUnavailable e) {
      LOG.debug("a member who can't be reached is not noted while the database is away");
    }
  }

  public boolean isConnected() {
    return isConnected(
        polls
            ? Duration.ofSeconds(2L * TelegramPolling.POLL_SECONDS + 30)
            : HEARTBEAT.multipliedBy(3));
  }

  /** Connected, having heard from Telegram within {@code lately}. */
  boolean isConnected(Duration lately) {
    if (chat == null || lastHeardNanos == 0 || awaitingWebhook || outage.ongoing()) return false;
    return ticker.nanos() - lastHeardNanos < lately.toNanos();
  }

  /** The last update id handled by polling, for tests and health checks. */
  public OptionalLong lastHandledUpdate() {
    return polling.lastHandledUpdate();
  }

  /**
   * Takes no more updates (polling stops; the webhook answers 503, so Telegram posts again to
   * another instance), while sending goes on: for a stop, before the outbox's last sends.
   */
  public void stopTakingUpdates() {
    if (webhookHandler != null) webhookHandler.stop();
    polling.stop();
  }

  @Override
  public void close() {
    api.stopping();
    heartbeat.shutdownNow();
    stopTakingUpdates();
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close(); // a call still in flight ends now
  }

  static TelegramUrl telegramUrl(String apiUrl) {
    URI uri = URI.create(apiUrl.strip());
    String scheme = uri.getScheme() == null ? "https" : uri.getScheme();
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("telegram.apiUrl '" + apiUrl + "' has no host");
    }
    return new TelegramUrl(scheme, uri.getHost(), port, false);
  }
}
