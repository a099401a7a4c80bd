package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.MutableClock;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.intake.HandledUpdates;
import org.porchlight.intake.HandledUpdates.Claim;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.Corpus;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;
import org.porchlight.web.WebServer;
import org.slf4j.LoggerFactory;

/**
 * Porchlight on Telegram through a webhook, end to end: each instance is a bot with its own HTTP
 * server, and the fake Bot API posts updates to them as Telegram does through a proxy in front.
 */
class TelegramWebhookTest {
  private static final String TOKEN = "123456:TEST-token-for-the-webhook-0123456789";
  private static final String SECRET = "Webhook_secret-0123456789abcdef";
  private static final String HOOK = "https://porchlight.example.org/telegram/webhook";
  private static final long ALEX = 5001;
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private FakeBotApi telegram;
  private Database database;
  private final Deque<AutoCloseable> open = new ArrayDeque<>();
  private final List<WebServer> servers = new ArrayList<>();
  private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void start() {
    log.start();
    root().addAppender(log);
    telegram = FakeBotApi.start(TOKEN);
    database = TestH2.open(dir, 8);
  }

  @AfterEach
  void stop() throws Exception {
    while (!open.isEmpty()) open.pop().close();
    telegram.close();
    database.close();
    root().detachAppender(log);
    // Neither the token nor the webhook's secret reach the log.
    for (ILoggingEvent event : logged()) {
      String text =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(text).doesNotContain(TOKEN.substring(7)).doesNotContain(SECRET);
    }
  }

  // ---- instances ----

  /** One instance: a bot on the shared database, with its own HTTP server, through the webhook. */
  private TelegramBot instance() {
    return instance(database.members(), Clock.systemUTC());
  }

  private TelegramBot instance(MemberStore members, Clock clock) {
    TelegramBot bot = bot(members, clock);
    WebServer web = server();
    bot.startWebhook(
        webhook(HOOK, SECRET, clock), handler -> web.route(TelegramBot.WEBHOOK_PATH, handler));
    return bot;
  }

  private TelegramBot bot(MemberStore members, Clock clock) {
    TelegramBot bot =
        new TelegramBot(
            RealConversation.with(
                members,
                database.checkIns(),
                database.steps(),
                database.communities(),
                database.support(RealConversation.TEST_SEALER),
                database.reachOuts(),
                database.buddies(RealConversation.TEST_SEALER),
                database.meetingReminders(),
                clock),
            RealConversation.hosting(database, clock),
            members,
            database.offsets(),
            TOKEN,
            telegram.baseUrl(),
            4,
            pauses::add,
            Ticker.SYSTEM);
    open.push(bot);
    return bot;
  }

  private WebServer server() {
    WebServer web = WebServer.start("127.0.0.1", 0);
    open.push(web);
    servers.add(web);
    telegram.webhookReaches(
        servers.stream().map(s -> "http://127.0.0.1:" + s.port()).toArray(String[]::new));
    return web;
  }

  private TelegramBot.Webhook webhook(String url, String secret, Clock clock) {
    return new TelegramBot.Webhook(url, secret, database.handledUpdates(), clock);
  }

  // ---- helpers ----

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private List<ILoggingEvent> logged() {
    synchronized (log) {
      return new ArrayList<>(log.list);
    }
  }

  private List<String> loggedLines() {
    return logged().stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private List<String> textsTo(long chat) {
    return telegram.sent().stream()
        .filter(call -> call.param("chat_id").equals(String.valueOf(chat)))
        .map(call -> call.param("text"))
        .toList();
  }

  private static List<Integer> statuses(List<FakeBotApi.Post> posts) {
    return posts.stream().map(FakeBotApi.Post::status).toList();
  }

  private int count(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** A member store whose next {@code failures} reads fail, as a database that went away would. */
  private static final class FailingMembers implements MemberStore {
    private final MemberStore real;
    final AtomicInteger failures = new AtomicInteger();

    FailingMembers(MemberStore real) {
      this.real = real;
    }

    @Override
    public Optional<Member> find(MemberId id) {
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("the database went away");
      }
      return real.find(id);
    }

    @Override
    public void save(Member member) {
      real.save(member);
    }

    @Override
    public boolean forget(MemberId id) {
      return real.forget(id);
    }

    @Override
    public List<MemberId> all() {
      return real.all();
    }

    @Override
    public void setReachable(MemberId id, boolean reachable) {
      real.setReachable(id, reachable);
    }

    @Override
    public boolean isReachable(MemberId id) {
      return real.isReachable(id);
    }
  }

  // ---- starting ----

  @Test
  void startSetsTheWebhookWithTheSecretAndTheMenuAndIsThenConnected() throws Exception {
    TelegramBot bot = instance();

    // The menu is set beside the start, which it never holds.
    await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.calls("setMyCommands").isEmpty());
    List<String> order = telegram.calls().stream().map(FakeBotApi.Call::method).toList();
    FakeBotApi.Call set = telegram.calls("setWebhook").get(0);
    assertThat(order).containsSubsequence("getMe", "setWebhook");
    assertThat(set.param("url")).isEqualTo(HOOK);
    assertThat(set.param("secret_token")).isEqualTo(SECRET);
    assertThat(set.param("drop_pending_updates")).isEqualTo("false");
    assertThat(JSON.readTree(set.param("allowed_updates")))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(TelegramBot.ALLOWED_UPDATES);
    assertThat(telegram.webhook()).isPresent();
    assertThat(bot.isConnected()).isTrue();
  }

  @Test
  void notConnectedUntilTelegramTookTheWebhook() {
    telegram.failNext(
        "setWebhook", 1, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
    TelegramBot bot = bot(database.members(), Clock.systemUTC());
    WebServer web = server();
    AtomicBoolean connectedWhenRouted = new AtomicBoolean(true);

    bot.startWebhook(
        webhook(HOOK, SECRET, Clock.systemUTC()),
        handler -> {
          connectedWhenRouted.set(bot.isConnected());
          web.route(TelegramBot.WEBHOOK_PATH, handler);
        });

    assertThat(connectedWhenRouted).isFalse();
    assertThat(telegram.calls("setWebhook")).hasSize(2);
    assertThat(bot.isConnected()).isTrue();
  }

  @Test
  void startRefusesAPlainHttpAddressBeforeAskingTelegramAnything() {
    TelegramBot bot = bot(database.members(), Clock.systemUTC());

    assertThatThrownBy(
            () ->
                bot.startWebhook(
                    webhook(
                        "http://porchlight.example.org/telegram/webhook",
                        SECRET,
                        Clock.systemUTC()),
                    handler -> {}))
        .isInstanceOf(TelegramStartException.class)
        .hasMessageContaining("telegram.webhookUrl")
        .hasMessageContaining("https")
        .hasMessageContaining("'http://porchlight.example.org/telegram/webhook'");
    assertThat(telegram.calls()).isEmpty();
    assertThat(bot.isConnected()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "two words", "pässword", "base64+/=", "0123456789abcdef0123456789"})
  void startRefusesASecretTelegramWouldNotTakeWithoutSayingIt(String secret) {
    String badSecret = secret.equals("0123456789abcdef0123456789") ? secret.repeat(10) : secret;
    TelegramBot bot = bot(database.members(), Clock.systemUTC());

    assertThatThrownBy(
            () -> bot.startWebhook(webhook(HOOK, badSecret, Clock.systemUTC()), handler -> {}))
        .isInstanceOf(TelegramStartException.class)
        .hasMessageContaining("telegram.webhookSecret (PORCHLIGHT_TELEGRAM_WEBHOOK_SECRET)")
        .hasMessageContaining("A-Z or a-z, a digit, _ or -")
        .hasMessageContaining("openssl rand -hex 32")
        .satisfies(
            e -> assertThat(badSecret.isEmpty() || !e.getMessage().contains(badSecret)).isTrue());
    assertThat(telegram.calls()).isEmpty();
  }

  @Test
  void anAddressTelegramRefusesStopsTheStartWithTelegramsReason() {
    TelegramBot bot = bot(database.members(), Clock.systemUTC());

    assertThatThrownBy(
            () ->
                bot.startWebhook(
                    webhook(
                        "https://porchlight.example.org:8080/telegram/webhook",
                        SECRET,
                        Clock.systemUTC()),
                    handler -> {}))
        .isInstanceOf(TelegramStartException.class)
        .hasMessageContaining("Telegram refused the webhook")
        .hasMessageContaining("only on ports 80, 88, 443 or 8443");
    assertThat(bot.isConnected()).isFalse();
  }

  @Test
  void pollingAsksForTheSameUpdatesAndTakesTheWebhookDown() {
    instance().close();
    TelegramBot polling = bot(database.members(), Clock.systemUTC());

    polling.start();
    long id = telegram.push(telegram.textMessage(ALEX, ALEX, "/start"));

    telegram.awaitCall("sendMessage", call -> true, WAIT);
    assertThat(telegram.webhook()).isEmpty();
    assertThat(telegram.calls("deleteWebhook")).isNotEmpty();
    FakeBotApi.Call poll = telegram.awaitCall("getUpdates", call -> true, WAIT);
    assertThat(poll.params().path("allowed_updates"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(TelegramBot.ALLOWED_UPDATES);
    assertThat(id).isPositive();
  }

  // ---- answering ----

  @Test
  void anUpdatePostedWithTheSecretIsAnsweredBeforeItsPostIs() {
    instance();

    List<FakeBotApi.Post> posts =
        telegram.deliver(TelegramPayloads.update("private_command_start_older_shape.json"));

    assertThat(statuses(posts)).containsExactly(200);
    // Answered by the time the post was: a post that fails is one Telegram makes again.
    assertThat(textsTo(2718281)).isNotEmpty();
    assertThat(textsTo(2718281).get(0)).contains("not therapy");
  }

  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#updateNames")
  void everyKindOfUpdateIsTakenWith200(String fixture) {
    takenWith200(TelegramPayloads.update(fixture));
  }

  @Tag(Corpus.TAG)
  @ParameterizedTest
  @MethodSource("org.porchlight.telegram.TelegramPayloads#corpusUpdateNames")
  void everyCorpusUpdateIsTakenWith200(String fileName) {
    takenWith200(TelegramPayloads.corpusUpdate(fileName));
  }

  private void takenWith200(String update) {
    instance();

    List<FakeBotApi.Post> posts = telegram.deliver(update);

    assertThat(statuses(posts)).containsExactly(200);
    assertThat(loggedLines()).noneMatch(line -> line.contains("could not be handled"));
  }

  @Test
  void aWrongOrMissingSecretIsRefusedAndNothingIsHandledOrLogged() throws Exception {
    instance();
    String update = telegram.textMessage(ALEX, ALEX, "I feel awful today");

    int wrong = telegram.post(0, update, Optional.of("not-the-secret"));
    int missing = telegram.post(0, update, Optional.empty());
    int almost = telegram.post(0, update, Optional.of(SECRET + "x"));

    assertThat(List.of(wrong, missing, almost)).containsOnly(401);
    assertThat(telegram.sent()).isEmpty();
    assertThat(database.members().all()).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM handled_updates")).isZero();
    // One warning for the burst (a scanner must not flood the log); the rest are counted in it.
    assertThat(loggedLines())
        .filteredOn(line -> line.contains("was refused (401)"))
        .singleElement()
        .asString()
        .contains("wrong secret token");
    assertThat(loggedLines())
        .noneMatch(line -> line.contains("not-the-secret") || line.contains("awful"));
  }

  @Test
  void aThousandPostsWithAWrongSecretAreRefusedBeforeAnyDatabaseWorkAndWithoutAnError() {
    java.util.concurrent.atomic.AtomicInteger storeCalls =
        new java.util.concurrent.atomic.AtomicInteger();
    org.porchlight.intake.HandledUpdates store = database.handledUpdates();
    org.porchlight.intake.HandledUpdates counting =
        new org.porchlight.intake.HandledUpdates() {
          @Override
          public Claim claim(String source, long updateId, java.time.Instant now, Duration lapse) {
            storeCalls.incrementAndGet();
            return store.claim(source, updateId, now, lapse);
          }

          @Override
          public void handled(Claim.Held claim, java.time.Instant now) {
            storeCalls.incrementAndGet();
            store.handled(claim, now);
          }

          @Override
          public void failed(Claim.Held claim) {
            storeCalls.incrementAndGet();
            store.failed(claim);
          }

          @Override
          public int forgetBefore(java.time.Instant cutoff) {
            storeCalls.incrementAndGet();
            return store.forgetBefore(cutoff);
          }
        };
    TelegramBot bot = bot(database.members(), Clock.systemUTC());
    WebServer web = server();
    bot.startWebhook(
        new TelegramBot.Webhook(HOOK, SECRET, counting, Clock.systemUTC()),
        handler -> web.route(TelegramBot.WEBHOOK_PATH, handler));
    String update = telegram.textMessage(ALEX, ALEX, "hello");

    for (int i = 0; i < 1_000; i++) {
      assertThat(telegram.post(0, update, Optional.of("wrong-" + i))).isEqualTo(401);
    }

    assertThat(storeCalls).hasValue(0);
    assertThat(database.members().all()).isEmpty();
    assertThat(telegram.sent()).isEmpty();
    assertThat(logged()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    assertThat(loggedLines()).filteredOn(line -> line.contains("was refused (401)")).hasSize(1);
  }

  @Test
  void whileTheDatabaseIsAwayCrisisIsAnsweredAtOnceAndTheRestIsAskedToComeBackLater() {
    AtomicBoolean away = new AtomicBoolean(true);
    HandledUpdates store = database.handledUpdates();
    HandledUpdates awayAWhile =
        new HandledUpdates() {
          @Override
          public Claim claim(String source, long updateId, Instant now, Duration lapse) {
            if (away.get()) throw new StoreUnavailable("the database can't be reached", null);
            return store.claim(source, updateId, now, lapse);
          }

          @Override
          public void handled(Claim.Held claim, Instant now) {
            store.handled(claim, now);
          }

          @Override
          public void failed(Claim.Held claim) {
            store.failed(claim);
          }

          @Override
          public int forgetBefore(Instant cutoff) {
            return store.forgetBefore(cutoff);
          }
        };
    TelegramBot bot = bot(database.members(), Clock.systemUTC());
    WebServer web = server();
    bot.startWebhook(
        new TelegramBot.Webhook(HOOK, SECRET, awayAWhile, Clock.systemUTC()),
        handler -> web.route(TelegramBot.WEBHOOK_PATH, handler));
    String crisis = telegram.textMessage(ALEX, ALEX, "I want to end my life tonight");
    String help = telegram.textMessage(ALEX + 1, ALEX + 1, "/help");

    // Crisis language: the lines at once, from the words alone, and no post again.
    assertThat(statuses(telegram.deliver(crisis))).containsExactly(200);
    assertThat(textsTo(ALEX)).singleElement().asString().contains("findahelpline.com");
    // Anything else: 503 until the database is back, and then answered, once.
    CompletableFuture<List<FakeBotApi.Post>> helping =
        CompletableFuture.supplyAsync(() -> telegram.deliver(help));
    await().atMost(Duration.ofSeconds(10)).until(() -> telegram.posts().size() >= 3);
    assertThat(textsTo(ALEX + 1)).isEmpty();
    away.set(false);
    List<Integer> helpStatuses = statuses(helping.join());

    assertThat(helpStatuses).startsWith(503, 503).endsWith(200);
    assertThat(helpStatuses.subList(0, helpStatuses.size() - 1)).containsOnly(503);
    assertThat(textsTo(ALEX + 1)).isNotEmpty();
    assertThat(textsTo(ALEX)).hasSize(1);
    assertThat(logged()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
  }

  @Test
  void aBodyThatIsNotAnUpdateGets400AndTheNextUpdateIsStillAnswered() {
    instance();

    List<Integer> refused = new ArrayList<>();
    for (String body :
        List.of(
            "not json at all", "[1, 2]", "{\"message\": {}}", "{\"update_id\": \"seven\"}", "")) {
      refused.add(telegram.post(0, body, Optional.of(SECRET)));
    }
    List<FakeBotApi.Post> next = telegram.deliver(telegram.textMessage(ALEX, ALEX, "/start"));

    assertThat(refused).containsOnly(400);
    assertThat(statuses(next)).containsExactly(200);
    assertThat(textsTo(ALEX)).isNotEmpty();
    assertThat(loggedLines()).anyMatch(line -> line.contains("not an update"));
  }

  @Test
  void onlyPostIsAnswered() throws Exception {
    instance();
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + servers.get(0).port() + "/telegram/webhook"))
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
  }

  // ---- once, and again after a failure ----

  @Test
  void anUpdateWhoseHandlingFailedIsHandledOnTelegramsRetry() throws Exception {
    FailingMembers members = new FailingMembers(database.members());
    instance(members, Clock.systemUTC());
    members.failures.set(1);

    List<FakeBotApi.Post> posts = telegram.deliver(telegram.textMessage(ALEX, ALEX, "/start"));

    assertThat(statuses(posts)).containsExactly(500, 200);
    assertThat(textsTo(ALEX).stream().filter(text -> text.contains("not therapy"))).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM handled_updates WHERE failures = 1")).isEqualTo(1);
  }

  @Test
  void anUpdateThatKeepsFailingIsGivenUpSoItsChatGoesOn() {
    FailingMembers members = new FailingMembers(database.members());
    instance(members, Clock.systemUTC());
    members.failures.set(100);

    List<FakeBotApi.Post> failing = telegram.deliver(telegram.textMessage(ALEX, ALEX, "/start"));
    members.failures.set(0);
    List<FakeBotApi.Post> next = telegram.deliver(telegram.textMessage(ALEX, ALEX, "/start"));

    assertThat(statuses(failing)).containsExactly(500, 500, 500, 500, 200);
    assertThat(loggedLines()).anyMatch(line -> line.contains("given up after 5 tries"));
    assertThat(statuses(next)).containsExactly(200);
    assertThat(textsTo(ALEX)).anyMatch(text -> text.contains("not therapy"));
  }

  @Test
  void aRetryWhileTheFirstPostIsStillBeingHandledIsAskedToComeBackLater() {
    instance();
    instance();
    telegram.delayNext("sendMessage", Duration.ofMillis(1500));

    CompletableFuture<List<FakeBotApi.Post>> first =
        CompletableFuture.supplyAsync(
            () -> telegram.deliver(telegram.textMessage(ALEX, ALEX, "/start")));
    telegram.awaitCall("sendMessage", call -> true, WAIT); // instance 0 is answering it
    long id = telegram.lastPushedId();
    FakeBotApi.Post meanwhile = telegram.redeliver(id, 1);
    List<FakeBotApi.Post> firstPosts = first.join();
    FakeBotApi.Post after = telegram.redeliver(id, 1);

    assertThat(meanwhile.status()).isEqualTo(503);
    assertThat(meanwhile.retryAfter()).isEqualTo("5");
    assertThat(statuses(firstPosts)).containsExactly(200);
    assertThat(after.status()).isEqualTo(200);
    assertThat(textsTo(ALEX).stream().filter(text -> text.contains("not therapy"))).hasSize(1);
  }

  @Test
  void twoInstancesAnswerEachUpdateOnceThoughTelegramPostsSomeAgain() throws Exception {
    instance();
    instance();
    // Telegram gives up waiting after a while and posts the update again, on whichever instance
    // the proxy picks, while the first may still be answering it.
    telegram.webhookTimesOutAfter(Duration.ofMillis(300));
    telegram.delayNext("sendMessage", Duration.ofMillis(800));
    List<Long> people = List.of(6001L, 6002L, 6003L, 6004L, 6005L, 6006L);
    List<FakeBotApi.Post> lostAnswers = Collections.synchronizedList(new ArrayList<>());
    ExecutorService chats = Executors.newFixedThreadPool(people.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (long person : people) {
        running.add(
            chats.submit(
                () -> {
                  // Telegram posts a chat's next update once the one before was answered.
                  for (String text :
                      List.of("/time 20:00", "/timezone Europe/London", "/checkin")) {
                    List<FakeBotApi.Post> posts =
                        telegram.deliver(telegram.textMessage(person, person, text));
                    FakeBotApi.Post answered = posts.get(posts.size() - 1);
                    // Its 200 lost on the way back: Telegram posts it again, to the other one.
                    lostAnswers.add(
                        telegram.redeliver(answered.updateId(), 1 - answered.instance()));
                  }
                }));
      }
      for (Future<?> chat : running) chat.get();
    } finally {
      chats.shutdownNow();
    }

    for (long person : people) {
      List<String> texts = textsTo(person);
      assertThat(texts).as("messages to %d", person).hasSize(5);
      assertThat(texts.get(1)).startsWith("Got it: 20:00");
      assertThat(texts.get(3)).contains("all set");
    }
    assertThat(lostAnswers).extracting(FakeBotApi.Post::status).containsOnly(200);
    assertThat(telegram.posts())
        .extracting(FakeBotApi.Post::status)
        .contains(FakeBotApi.NO_ANSWER)
        .containsOnly(200, 503, FakeBotApi.NO_ANSWER);
    assertThat(telegram.posts()).extracting(FakeBotApi.Post::instance).contains(0, 1);
    assertThat(count("SELECT COUNT(*) FROM handled_updates WHERE handled_at IS NOT NULL"))
        .isEqualTo(18);
  }

  @Test
  void whileAChatsUpdateIsAnsweredItsNextOneWaits() {
    instance();
    telegram.delayNext("sendMessage", Duration.ofMillis(600));

    CompletableFuture<List<FakeBotApi.Post>> first =
        CompletableFuture.supplyAsync(
            () -> telegram.deliver(telegram.textMessage(ALEX, ALEX, "/time 20:00")));
    FakeBotApi.Call heldUp = telegram.awaitCall("sendMessage", call -> true, WAIT);
    List<FakeBotApi.Post> second =
        telegram.deliver(telegram.textMessage(ALEX, ALEX, "/timezone Europe/London"));
    first.join();

    assertThat(statuses(second)).containsExactly(200);
    Instant released = heldUp.at().plusMillis(500);
    assertThat(telegram.sent())
        .filteredOn(call -> call.at().isAfter(heldUp.at()) && call.at().isBefore(released))
        .isEmpty();
    assertThat(textsTo(ALEX).get(textsTo(ALEX).size() - 1)).contains("all set");
  }

  @Test
  void anInstanceThatStoppedAnswers503AndTheRetryIsAnsweredByAnother() {
    instance().close();
    instance();

    List<FakeBotApi.Post> posts = telegram.deliver(telegram.textMessage(ALEX, ALEX, "/start"));

    assertThat(statuses(posts)).containsExactly(503, 200);
    assertThat(posts).extracting(FakeBotApi.Post::instance).containsExactly(0, 1);
    assertThat(textsTo(ALEX).stream().filter(text -> text.contains("not therapy"))).hasSize(1);
  }

  @Test
  void anInstanceThatIsStoppingTakesNoMoreUpdatesAndTheRetryGoesToAnother() throws Exception {
    instance().stopTakingUpdates(); // what a SIGTERM does first, while the last sends go out
    instance();

    List<FakeBotApi.Post> posts = telegram.deliver(telegram.textMessage(ALEX, ALEX, "/start"));

    assertThat(statuses(posts)).containsExactly(503, 200);
    assertThat(textsTo(ALEX).stream().filter(text -> text.contains("not therapy"))).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM handled_updates")).as("not even claimed").isEqualTo(1);
  }

  @Test
  void updatesAreForgottenADayAfterTheirClaim() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T16:00:00Z"));
    instance(database.members(), clock);

    telegram.deliver(telegram.textMessage(ALEX, ALEX, "/start"));
    clock.advance(Duration.ofHours(25));
    telegram.deliver(telegram.textMessage(ALEX, ALEX, "/help"));

    assertThat(count("SELECT COUNT(*) FROM handled_updates")).isEqualTo(1);
  }
}
