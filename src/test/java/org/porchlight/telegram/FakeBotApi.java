package org.porchlight.telegram;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.porchlight.testing.MultipartForm;

/**
 * An in-process Telegram Bot API server: real HTTP on 127.0.0.1, the real envelope ({@code
 * {"ok":true,"result":...}}), the real getUpdates offset and long-poll rules, and a record of every
 * call. Adapter tests point the TelegramBots library at {@link #baseUrl()}. With a webhook set, it
 * posts updates to the instances {@link #webhookReaches} names, with the secret token, as Telegram
 * does through the proxy in front of them.
 */
public final class FakeBotApi implements AutoCloseable {
  static final String BOT_USERNAME = "PorchlightTestBot";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // Tests must stay fast: a client asking for a 50 s long poll gets at most this (a stopping bot
  // waits for its poll in flight). Telegram too may answer a long poll early.
  private static final Duration LONG_POLL_CAP = Duration.ofMillis(500);
  private static final int MAX_MESSAGE_LENGTH = 4096;
  private static final long FIRST_UPDATE_ID = 700_000_001L;

  private static final List<String> METHODS =
      List.of(
          "getMe",
          "setWebhook",
          "deleteWebhook",
          "getWebhookInfo",
          "getUpdates",
          "sendMessage",
          "editMessageText",
          "editMessageReplyMarkup",
          "answerCallbackQuery",
          "setMyCommands",
          "deleteMyCommands",
          "sendDocument",
          "sendChatAction",
          "getChat",
          "getChatMember");
  private static final Map<String, String> CANONICAL =
      METHODS.stream().collect(Collectors.toMap(FakeBotApi::key, name -> name));

  /** One request the fake answered; {@code failed} when it got an error instead of a result. */
  public record Call(String method, JsonNode params, Instant at, boolean failed, JsonNode result) {
    public Call {
      requireNonNull(method, "method == null");
      requireNonNull(params, "params == null");
      requireNonNull(at, "at == null");
    }

    /** The id of the message this call sent, or -1. */
    public long messageId() {
      return result.path("message_id").asLong(-1);
    }

    /** The parameter as text, or "" when the call did not have it. */
    public String param(String name) {
      JsonNode value = params.path(name);
      return value.isValueNode() ? value.asText() : value.isMissingNode() ? "" : value.toString();
    }
  }

  private record Failure(int httpStatus, String body, Map<String, String> headers) {}

  // Headers beyond Content-Type (application/json unless given here).
  private record Answer(int httpStatus, String body, Map<String, String> headers) {
    Answer(int httpStatus, String body) {
      this(httpStatus, body, Map.of());
    }

    static Answer ok(JsonNode result) {
      ObjectNode envelope = NODES.objectNode().put("ok", true);
      envelope.set("result", result);
      return new Answer(200, envelope.toString());
    }

    static Answer error(int httpStatus, String description) {
      ObjectNode envelope = NODES.objectNode().put("ok", false);
      envelope.put("error_code", httpStatus).put("description", description);
      return new Answer(httpStatus, envelope.toString());
    }

    boolean failed() {
      return httpStatus != 200;
    }
  }

  private final String token;
  private final Clock clock;
  private volatile HttpServer server;
  private final InetSocketAddress address;
  private final ExecutorService executor;
  private final Map<String, String> unreadable = new ConcurrentHashMap<>();
  private volatile boolean pollsHang;
  private final AtomicInteger heldPolls = new AtomicInteger();
  private final long botId;

  private final ReentrantLock updatesLock = new ReentrantLock();
  private final Condition updateArrived = updatesLock.newCondition();
  private final Deque<ObjectNode> pending = new ArrayDeque<>();
  private final List<Long> confirmed = new ArrayList<>();
  private long lastUpdateId = FIRST_UPDATE_ID - 1;
  private long lastOffset;

  // Not copy-on-write: benchmarks send a hundred thousand messages through one fake.
  private final List<Call> calls = new ArrayList<>();
  private final AtomicLong tooManyRequests = new AtomicLong();
  private RateBucket sendLimit;
  private final Map<String, Deque<Failure>> failures = new HashMap<>();
  private final Map<String, Duration> delays = new HashMap<>();
  private final Set<String> missing = ConcurrentHashMap.newKeySet();
  private final Map<Long, ObjectNode> chats = new ConcurrentHashMap<>();
  private final Map<String, String> standings = new ConcurrentHashMap<>();
  private final Set<Long> strangers = ConcurrentHashMap.newKeySet();
  private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
  private final AtomicLong messageIds = new AtomicLong(1000);
  private final AtomicLong fileIds = new AtomicLong(1);
  private final AtomicLong callbackIds = new AtomicLong(1);
  // What getWebhookInfo answers when a test scripts it; null: the webhook as registered.
  private volatile ObjectNode scriptedWebhookInfo;

  private volatile Webhook webhook;
  private volatile List<URI> instances = List.of();
  private volatile Duration webhookTimeout = Duration.ofSeconds(30);
  private final AtomicInteger nextInstance = new AtomicInteger();
  private final Map<Long, String> delivered = new ConcurrentHashMap<>();
  private final List<Post> posts = new ArrayList<>();
  private final HttpClient webhookClient =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static {
    // The JDK's HttpServer leaves Nagle's algorithm on: each small response then waits ~40 ms for
    // the client's delayed ACK, and the fake, not Porchlight, would set the pace. Telegram's
    // servers answer at once. Read once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private volatile Duration longPollCap = LONG_POLL_CAP;

  private FakeBotApi(String token, Clock clock) throws IOException {
    this.token = requireNonNull(token, "token == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.botId = botIdOf(token);
    this.executor =
        Executors.newFixedThreadPool(
            8,
            runnable -> {
              Thread thread = new Thread(runnable, "fake-bot-api");
              thread.setDaemon(true);
              return thread;
            });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    this.address = server.getAddress();
  }

  /** Starts a fake that answers requests for {@code token}, dating everything by the system. */
  public static FakeBotApi start(String token) {
    return start(token, Clock.systemUTC());
  }

  /**
   * Holds an empty long poll at most {@code cap}, 500 ms unless set: shorter for tests that start
   * and stop a bot many times and are not about long polls, since a stopping bot waits for its poll
   * in flight.
   */
  public void longPollsAtMost(Duration cap) {
    this.longPollCap = requireNonNull(cap, "cap == null");
  }

  /** Starts a fake that answers requests for {@code token}, dating messages and calls by clock. */
  static FakeBotApi start(String token, Clock clock) {
    try {
      return new FakeBotApi(token, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like {@code http://127.0.0.1:PORT}, with no trailing slash. */
  public String baseUrl() {
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    // Interrupts long polls and scripted delays still holding a thread.
    executor.shutdownNow();
  }

  // ---- updates -------------------------------------------------------------------------------

  /**
   * Queues one update. Keeps its {@code update_id} when it is above every id queued so far, as
   * Telegram's ids only grow; otherwise (none, or a fixture pushed twice) gives it the next one, so
   * the client's offset cannot silently swallow it. Returns the id it got.
   */
  public long push(String updateJson) {
    updatesLock.lock();
    try {
      ObjectNode numbered = numbered(parseObject(updateJson, "update"));
      pending.addLast(numbered);
      updateArrived.signalAll();
      return numbered.path("update_id").asLong();
    } finally {
      updatesLock.unlock();
    }
  }

  // Under updatesLock: the update with the next id (its own when above every id so far).
  private ObjectNode numbered(ObjectNode update) {
    JsonNode given = update.get("update_id");
    long id =
        given != null && given.canConvertToLong() && given.asLong() > lastUpdateId
            ? given.asLong()
            : lastUpdateId + 1;
    ObjectNode numbered = NODES.objectNode().put("update_id", id);
    update.remove("update_id");
    numbered.setAll(update);
    lastUpdateId = id;
    rememberChats(numbered);
    return numbered;
  }

  /** The id of the update pushed last. */
  long lastPushedId() {
    updatesLock.lock();
    try {
      return lastUpdateId;
    } finally {
      updatesLock.unlock();
    }
  }

  /** Ids the client confirmed by passing an offset beyond them, in the order it did. */
  List<Long> confirmedUpdateIds() {
    updatesLock.lock();
    try {
      return List.copyOf(confirmed);
    } finally {
      updatesLock.unlock();
    }
  }

  /** The offset of the latest getUpdates call, 0 before any. */
  long lastOffset() {
    updatesLock.lock();
    try {
      return lastOffset;
    } finally {
      updatesLock.unlock();
    }
  }

  // ---- realistic updates ---------------------------------------------------------------------

  /** A text message in the private chat with the member; a leading /command gets its entity. */
  public String textMessage(long chatId, long userId, String text) {
    ObjectNode message = incomingMessage(privateChat(chatId), userId, text);
    return NODES.objectNode().set("message", message).toString();
  }

  /** A text message in a supergroup; a leading /command gets its entity. */
  String groupCommand(long chatId, long userId, String text) {
    ObjectNode message = incomingMessage(supergroup(chatId), userId, text);
    return NODES.objectNode().set("message", message).toString();
  }

  // ---- groups --------------------------------------------------------------------------------

  /** The user Telegram shows as the sender of a message an anonymous admin sent for the group. */
  public static final long GROUP_ANONYMOUS_BOT = 1_087_968_824L;

  /**
   * A member's standing in a group, as getChatMember answers it: "creator", "administrator",
   * "member" (anyone not named here), "left" or "kicked".
   */
  public void standing(long chatId, long userId, String status) {
    standings.put(chatId + ":" + userId, status);
  }

  /** A message in a basic group, as small groups start: {@code chatId} like -4021987654. */
  public String inGroup(long chatId, long userId, String text) {
    ObjectNode chat =
        NODES
            .objectNode()
            .put("id", chatId)
            .put("title", "Harbour Lights")
            .put("type", "group")
            .put("all_members_are_administrators", false);
    return NODES.objectNode().set("message", incomingMessage(chat, userId, text)).toString();
  }

  /** A message in a supergroup, {@code chatId} like -1001987654321. */
  public String inSupergroup(long chatId, long userId, String text) {
    return groupCommand(chatId, userId, text);
  }

  /** A message in a forum supergroup's topic, as Telegram sends it: in the topic's thread. */
  public String inTopic(long chatId, int topicId, long userId, String text) {
    ObjectNode chat = supergroup(chatId).put("is_forum", true);
    ObjectNode message = incomingMessage(chat, userId, text);
    message.put("message_thread_id", topicId).put("is_topic_message", true);
    // A message in a topic replies to the topic's first message, the service one.
    ObjectNode created = message.putObject("reply_to_message");
    created.put("message_id", topicId).put("date", now());
    created.set("from", member(userId));
    created.set("chat", chat.deepCopy());
    created.put("message_thread_id", topicId).put("is_topic_message", true);
    created.putObject("forum_topic_created").put("name", "Check-ins").put("icon_color", 7322096);
    return NODES.objectNode().set("message", message).toString();
  }

  /**
   * A message an anonymous admin sent: from Telegram's GroupAnonymousBot, with the group itself as
   * the sender chat.
   */
  public String fromAnonymousAdmin(long chatId, String text) {
    ObjectNode message = incomingMessage(supergroup(chatId), GROUP_ANONYMOUS_BOT, text);
    message.set(
        "from",
        NODES
            .objectNode()
            .put("id", GROUP_ANONYMOUS_BOT)
            .put("is_bot", true)
            .put("first_name", "Group")
            .put("username", "GroupAnonymousBot"));
    message.set("sender_chat", supergroup(chatId));
    return NODES.objectNode().set("message", message).toString();
  }

  /**
   * A basic group upgraded to a supergroup: Telegram's two service messages, the old group's with
   * {@code migrate_to_chat_id} and the new supergroup's with {@code migrate_from_chat_id}.
   */
  public List<String> upgraded(long groupId, long supergroupId, long byUser) {
    ObjectNode old = NODES.objectNode().put("message_id", messageIds.getAndIncrement());
    old.set("from", member(byUser));
    old.set(
        "chat",
        NODES.objectNode().put("id", groupId).put("title", "Harbour Lights").put("type", "group"));
    old.put("date", now()).put("migrate_to_chat_id", supergroupId);
    ObjectNode fresh = NODES.objectNode().put("message_id", 1);
    fresh.set(
        "from",
        NODES
            .objectNode()
            .put("id", GROUP_ANONYMOUS_BOT)
            .put("is_bot", true)
            .put("first_name", "Group")
            .put("username", "GroupAnonymousBot"));
    fresh.set("sender_chat", supergroup(supergroupId));
    fresh.set("chat", supergroup(supergroupId));
    fresh.put("date", now()).put("migrate_from_chat_id", groupId);
    chats.put(groupId, (ObjectNode) old.get("chat").deepCopy());
    chats.put(supergroupId, supergroup(supergroupId));
    return List.of(
        NODES.objectNode().set("message", old).toString(),
        NODES.objectNode().set("message", fresh).toString());
  }

  /**
   * A user who never opened a private chat with the bot: Telegram refuses to let the bot write to
   * them first (403), as it does for anyone seen only in a group.
   */
  public void neverStarted(long userId) {
    strangers.add(userId);
  }

  /** Messages the bot sent to one chat, in order. */
  public List<Call> sentTo(long chatId) {
    return calls().stream()
        .filter(call -> !call.failed())
        .filter(call -> call.method().equals("sendMessage"))
        .filter(call -> call.params().path("chat_id").asLong() == chatId)
        .toList();
  }

  /**
   * The member pressing an inline button under the bot's message {@code messageId}; the message is
   * the one the bot sent when the fake knows it.
   */
  public String callback(long chatId, long userId, long messageId, String data) {
    ObjectNode message = messages.get(messageKey(chatId, messageId));
    if (message == null) {
      message = NODES.objectNode().put("message_id", messageId);
      message.set("from", botUser());
      message.set("chat", chat(chatId));
      message.put("date", now()).put("text", "Porchlight check-in");
    }
    ObjectNode query = NODES.objectNode();
    query.put("id", String.valueOf(4_000_000_000_000_000L + callbackIds.getAndIncrement()));
    query.set("from", member(userId));
    query.set("message", message.deepCopy());
    query.put("chat_instance", String.valueOf(Math.abs(chatId * 31 + 7)));
    query.put("data", data);
    return NODES.objectNode().set("callback_query", query).toString();
  }

  /**
   * A press on a message Telegram no longer shows the bot (deleted, or too old): it comes as an
   * inaccessible message, with its chat and id and {@code "date": 0}, and nothing else.
   */
  public String callbackOnInaccessible(long chatId, long userId, long messageId, String data) {
    ObjectNode message = NODES.objectNode();
    message.set("chat", chat(chatId));
    message.put("message_id", messageId).put("date", 0);
    ObjectNode query = NODES.objectNode();
    query.put("id", String.valueOf(4_000_000_000_000_000L + callbackIds.getAndIncrement()));
    query.set("from", member(userId));
    query.set("message", message);
    query.put("chat_instance", String.valueOf(Math.abs(chatId * 31 + 7)));
    query.put("data", data);
    return NODES.objectNode().set("callback_query", query).toString();
  }

  /**
   * The bot's own membership changing to {@code newStatus} ("kicked" when a member blocks the bot,
   * "member" when they unblock it or a group adds it, "left", "administrator").
   */
  String myChatMember(long chatId, long userId, String newStatus) {
    boolean joining = newStatus.equals("member") || newStatus.equals("administrator");
    String oldStatus = joining ? (chatId > 0 ? "kicked" : "left") : "member";
    ObjectNode change = NODES.objectNode();
    change.set("chat", chat(chatId));
    change.set("from", member(userId));
    change.put("date", now());
    change.set("old_chat_member", chatMember(oldStatus));
    change.set("new_chat_member", chatMember(newStatus));
    return NODES.objectNode().set("my_chat_member", change).toString();
  }

  // ---- recording -----------------------------------------------------------------------------

  /** Every call in the order it was answered. */
  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** Forgets the calls so far: a fuzz test makes thousands. */
  void forgetCalls() {
    synchronized (calls) {
      calls.clear();
    }
  }

  /** Calls of one method, named in any case. */
  public List<Call> calls(String method) {
    return calls().stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
  }

  /** How many sendMessage calls were refused with 429 by {@link #limitMessages}. */
  public long tooManyRequests() {
    return tooManyRequests.get();
  }

  /**
   * Limits sendMessage as Telegram does, to {@code perSecond} with bursts of at most {@code burst}:
   * a call over the limit gets a real 429 with {@code retry_after}, and is counted.
   */
  public void limitMessages(double perSecond, int burst) {
    synchronized (calls) {
      sendLimit = new RateBucket(perSecond, burst);
    }
  }

  /** A token bucket on the system's monotonic clock. */
  private static final class RateBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last = System.nanoTime();

    RateBucket(double perSecond, int burst) {
      this.perNano = perSecond / 1e9;
      this.capacity = burst;
      this.tokens = burst;
    }

    synchronized boolean take() {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    }
  }

  /** The sendMessage calls that succeeded: what members actually received. */
  public List<Call> sent() {
    return calls("sendMessage").stream().filter(call -> !call.failed()).toList();
  }

  /** Waits for a call of {@code method} matching {@code which}; fails with the calls seen. */
  Call awaitCall(String method, Predicate<Call> which, Duration timeout) {
    try {
      return Awaitility.await()
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> calls(method).stream().filter(which).findFirst(), Optional::isPresent)
          .orElseThrow();
    } catch (ConditionTimeoutException e) {
      String seen =
          calls().stream()
              .map(call -> call.method() + (call.failed() ? "(failed)" : "") + " " + call.params())
              .collect(Collectors.joining("\n  "));
      throw new AssertionError(
          "no matching " + method + " call within " + timeout + "; calls:\n  " + seen, e);
    }
  }

  // ---- scripting -----------------------------------------------------------------------------

  /** The next {@code times} calls of {@code method} get this status and body, unexecuted. */
  public void failNext(String method, int times, int httpStatus, String bodyJson) {
    parseObject(bodyJson, "error body");
    synchronized (failures) {
      Deque<Failure> queue = failures.computeIfAbsent(key(method), name -> new ArrayDeque<>());
      for (int i = 0; i < times; i++) {
        queue.addLast(new Failure(httpStatus, bodyJson, Map.of()));
      }
    }
  }

  /**
   * The next call of {@code method} is answered {@code httpStatus} with these headers and {@code
   * body}, unexecuted; the body need not be what the Bot API would send, nor JSON.
   */
  void failNextUnreadably(String method, int httpStatus, Map<String, String> headers, String body) {
    requireNonNull(body, "body == null");
    synchronized (failures) {
      failures
          .computeIfAbsent(key(method), name -> new ArrayDeque<>())
          .addLast(new Failure(httpStatus, body, Map.copyOf(headers)));
    }
  }

  /**
   * What getWebhookInfo answers from now on, whatever setWebhook registered: the {@code url} (""
   * for none), the updates waiting, and the last delivery error with its time, when {@code
   * lastError} is not empty.
   */
  public void webhook(String url, int pendingUpdates, String lastError, Instant lastErrorAt) {
    ObjectNode info = NODES.objectNode();
    info.put("url", url).put("has_custom_certificate", false);
    info.put("pending_update_count", pendingUpdates);
    if (!lastError.isEmpty()) {
      info.put("last_error_date", lastErrorAt.getEpochSecond());
      info.put("last_error_message", lastError);
    }
    info.put("max_connections", 40);
    scriptedWebhookInfo = info;
  }

  /**
   * The next call of {@code method} takes effect, but is answered 200 with {@code body}, which need
   * not be what the Bot API would send, nor JSON.
   */
  void answerUnreadablyNext(String method, String body) {
    unreadable.put(key(method), requireNonNull(body, "body == null"));
  }

  /** From now on getUpdates is never answered: each poll is held until the fake closes. */
  void pollsNeverAnswer() {
    pollsHang = true;
  }

  /** How many polls are held unanswered, or were. */
  int heldPolls() {
    return heldPolls.get();
  }

  /** The server goes away: connections to it are refused until {@link #comeBack}. */
  void goAway() {
    server.stop(0);
  }

  /** The server is back, at the address it had. */
  void comeBack() {
    try {
      HttpServer again = HttpServer.create(address, 0);
      again.setExecutor(executor);
      again.createContext("/", this::handle);
      again.start();
      server = again;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** These methods answer 404, as on servers that implement only part of the API. */
  void withoutMethods(String... methods) {
    for (String method : methods) {
      missing.add(key(method));
    }
  }

  /**
   * The next call of {@code method} takes effect at once but is answered {@code delay} later, as
   * over a slow network: a client that times out and retries has already been heard once.
   */
  void delayNext(String method, Duration delay) {
    synchronized (delays) {
      delays.put(key(method), requireNonNull(delay, "delay == null"));
    }
  }

  // ---- webhook ------------------------------------------------------------------------------

  // Telegram's rule for secret_token: 1 to 256 of these characters.
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Set<Integer> WEBHOOK_PORTS = Set.of(443, 80, 88, 8443);
  // Telegram retries an update until it is answered 2xx, for up to a day; tests wait less.
  private static final Duration DELIVERY_PATIENCE = Duration.ofSeconds(15);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(50);

  /** The webhook Telegram was given: where to post, with which secret, which updates. */
  record Webhook(String url, String secret, List<String> allowedUpdates) {
    Webhook {
      requireNonNull(url, "url == null");
      requireNonNull(secret, "secret == null");
      allowedUpdates = List.copyOf(allowedUpdates);
    }
  }

  /** The status of a post that got no answer: it timed out, or the instance was not there. */
  static final int NO_ANSWER = 0;

  /** One POST of an update to the webhook, and what the instance answered. */
  record Post(long updateId, int instance, int status, String retryAfter) {}

  /**
   * How long Telegram waits for an instance to answer a post before it gives up on it and posts the
   * update again (30 s unless set): the instance may still be handling the first.
   */
  void webhookTimesOutAfter(Duration timeout) {
    webhookTimeout = requireNonNull(timeout, "timeout == null");
  }

  /** The webhook set now, if any. */
  Optional<Webhook> webhook() {
    return Optional.ofNullable(webhook);
  }

  /**
   * The instances behind the webhook's public https address, by their plain {@code
   * http://host:port}: the TLS proxy (or load balancer) in front of them forwards the webhook's
   * path to each in turn, as {@code proxy_pass} does.
   */
  void webhookReaches(String... instanceBaseUrls) {
    instances = Stream.of(instanceBaseUrls).map(URI::create).toList();
    nextInstance.set(0);
  }

  /**
   * Delivers one update as Telegram does: numbered like {@link #push}, posted as JSON with the
   * secret token to the webhook, which the proxy sends to the next instance; an answer that is not
   * 2xx (or none) is retried on whichever instance comes next, until one is 2xx. Returns every post
   * it took, the last one answered 2xx.
   */
  List<Post> deliver(String updateJson) {
    long id = number(parseObject(updateJson, "update"));
    Instant giveUp = Instant.now().plus(DELIVERY_PATIENCE);
    List<Post> tries = new ArrayList<>();
    while (true) {
      int instance = Math.floorMod(nextInstance.getAndIncrement(), instances().size());
      Post post = postUpdate(id, instance);
      tries.add(post);
      if (post.status() / 100 == 2) return tries;
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("update " + id + " was never answered 2xx: " + tries);
      }
      try {
        Thread.sleep(RETRY_PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while delivering update " + id, e);
      }
    }
  }

  /**
   * Posts a delivered update once more, to one instance: Telegram's retry after its first post
   * timed out, or after the answer was lost on the way. Returns what the instance answered.
   */
  Post redeliver(long updateId, int instance) {
    if (!delivered.containsKey(updateId)) {
      throw new IllegalArgumentException("update " + updateId + " was never delivered");
    }
    return postUpdate(updateId, instance);
  }

  /**
   * One POST of {@code body} to an instance's webhook path, with {@code secret} in Telegram's
   * header, or without the header; for requests that did not come from Telegram. Returns the
   * status.
   */
  int post(int instance, String body, Optional<String> secret) {
    return send(instance, body, secret).statusCode();
  }

  /** Every post of an update to the webhook, in the order they were answered. */
  List<Post> posts() {
    synchronized (posts) {
      return List.copyOf(posts);
    }
  }

  private Post postUpdate(long updateId, int instance) {
    Webhook current = webhook;
    if (current == null) {
      throw new IllegalStateException("no webhook is set: Telegram would not post");
    }
    Post post;
    try {
      HttpResponse<String> answer =
          send(instance, delivered.get(updateId), Optional.of(current.secret()));
      post =
          new Post(
              updateId,
              instance,
              answer.statusCode(),
              answer.headers().firstValue("Retry-After").orElse(""));
    } catch (UncheckedIOException e) {
      // No answer in time, or none at all: Telegram counts it a failure and posts again.
      post = new Post(updateId, instance, NO_ANSWER, "");
    }
    synchronized (posts) {
      posts.add(post);
    }
    return post;
  }

  private HttpResponse<String> send(int instance, String body, Optional<String> secret) {
    Webhook current = webhook;
    URI publicUrl = URI.create(current == null ? "https://unset.invalid/" : current.url());
    URI target = instances().get(instance).resolve(publicUrl.getRawPath());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(webhookTimeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    secret.ifPresent(value -> request.header("X-Telegram-Bot-Api-Secret-Token", value));
    try {
      return webhookClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not post to " + target, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted posting to " + target, e);
    }
  }

  private List<URI> instances() {
    List<URI> now = instances;
    if (now.isEmpty()) {
      throw new IllegalStateException("webhookReaches() names no instance to post to");
    }
    return now;
  }

  // Numbers the update as push() does, and keeps it for redelivery.
  private long number(ObjectNode update) {
    updatesLock.lock();
    try {
      ObjectNode numbered = numbered(update);
      long id = numbered.path("update_id").asLong();
      delivered.put(id, numbered.toString());
      return id;
    } finally {
      updatesLock.unlock();
    }
  }

  private Answer setWebhook(ObjectNode params) {
    String url = params.path("url").asText("");
    if (url.isEmpty()) {
      return deleteWebhook(params); // Telegram: an empty url removes the webhook
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Answer.error(400, "Bad Request: bad webhook: Failed to parse URL");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return Answer.error(
          400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
    }
    int port = uri.getPort() < 0 ? 443 : uri.getPort();
    if (!WEBHOOK_PORTS.contains(port)) {
      return Answer.error(
          400, "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
    }
    String secret = params.path("secret_token").asText("");
    if (params.has("secret_token") && secret.length() > 256) {
      return Answer.error(400, "Bad Request: secret token is too long");
    }
    if (params.has("secret_token") && !SECRET.matcher(secret).matches()) {
      return Answer.error(400, "Bad Request: secret token contains unallowed characters");
    }
    List<String> allowed = new ArrayList<>();
    JsonNode allowedUpdates = params.path("allowed_updates");
    if (allowedUpdates.isTextual()) {
      try {
        allowedUpdates = JSON.readTree(allowedUpdates.asText());
      } catch (JsonProcessingException e) {
        return Answer.error(400, "Bad Request: can't parse allowed updates JSON object");
      }
    }
    allowedUpdates.forEach(type -> allowed.add(type.asText()));
    if (params.path("drop_pending_updates").asBoolean(false)) {
      dropPending();
    }
    webhook = new Webhook(url, secret, allowed);
    return Answer.ok(NODES.booleanNode(true));
  }

  private Answer deleteWebhook(ObjectNode params) {
    webhook = null;
    if (params.path("drop_pending_updates").asBoolean(false)) {
      dropPending();
    }
    return Answer.ok(NODES.booleanNode(true));
  }

  private void dropPending() {
    updatesLock.lock();
    try {
      pending.clear();
    } finally {
      updatesLock.unlock();
    }
  }

  private ObjectNode webhookInfo() {
    ObjectNode scripted = scriptedWebhookInfo;
    if (scripted != null) return scripted.deepCopy();
    Webhook current = webhook;
    ObjectNode info = NODES.objectNode();
    info.put("url", current == null ? "" : current.url());
    info.put("has_custom_certificate", false);
    updatesLock.lock();
    try {
      info.put("pending_update_count", pending.size());
    } finally {
      updatesLock.unlock();
    }
    if (current != null) {
      info.put("max_connections", 40);
      if (!current.allowedUpdates().isEmpty()) {
        ArrayNode allowed = info.putArray("allowed_updates");
        current.allowedUpdates().forEach(allowed::add);
      }
    }
    return info;
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Instant at = clock.instant();
      String path = exchange.getRequestURI().getPath();
      int slash = path.indexOf('/', 1);
      if (!path.startsWith("/bot") || slash < 0) {
        respond(exchange, Answer.error(404, "Not Found"));
        return;
      }
      String requestToken = path.substring("/bot".length(), slash);
      String asked = path.substring(slash + 1);
      String method = CANONICAL.getOrDefault(key(asked), asked);

      ObjectNode params;
      Answer answer;
      try {
        params = params(exchange);
      } catch (IllegalArgumentException e) {
        params = NODES.objectNode();
        answer = Answer.error(400, "Bad Request: " + e.getMessage());
        record(method, params, at, answer);
        respond(exchange, answer);
        return;
      }
      Failure failure = null;
      if (!requestToken.equals(token)) {
        answer = Answer.error(401, "Unauthorized");
      } else if (!CANONICAL.containsKey(key(asked)) || missing.contains(key(asked))) {
        answer = Answer.error(404, "Not Found");
      } else if ((failure = nextFailure(method)) != null) {
        answer = new Answer(failure.httpStatus(), failure.body(), failure.headers());
      } else if (pollsHang && method.equals("getUpdates")) {
        heldPolls.incrementAndGet();
        Thread.sleep(Long.MAX_VALUE); // until the fake closes
        return;
      } else {
        answer = execute(method, params);
        String garbled = unreadable.remove(key(method));
        if (garbled != null) answer = new Answer(200, garbled);
      }
      record(method, params, at, answer);
      Duration delay = nextDelay(method);
      if (delay != null) {
        Thread.sleep(delay.toMillis());
      }
      respond(exchange, answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(String method, ObjectNode params, Instant at, Answer answer) {
    JsonNode result;
    try {
      result = JSON.readTree(answer.body()).path("result");
    } catch (IOException e) {
      result = NODES.missingNode();
    }
    synchronized (calls) {
      calls.add(new Call(method, params, at, answer.failed(), result));
    }
  }

  private static void respond(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    answer.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(answer.httpStatus(), body.length);
    exchange.getResponseBody().write(body);
  }

  private Failure nextFailure(String method) {
    synchronized (failures) {
      Deque<Failure> queue = failures.get(key(method));
      return queue == null ? null : queue.pollFirst();
    }
  }

  private Duration nextDelay(String method) {
    synchronized (delays) {
      return delays.remove(key(method));
    }
  }

  /** The parameters as Telegram takes them: query string, then JSON, form or multipart body. */
  private static ObjectNode params(HttpExchange exchange) throws IOException {
    ObjectNode params = NODES.objectNode();
    putForm(params, exchange.getRequestURI().getRawQuery());
    byte[] body = exchange.getRequestBody().readAllBytes();
    String contentType =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    String type = contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      multipart(body, contentType, params);
    } else if (type.startsWith("application/x-www-form-urlencoded")) {
      putForm(params, new String(body, StandardCharsets.UTF_8));
    } else if (body.length > 0) {
      try {
        JsonNode json = JSON.readTree(body);
        if (!json.isObject()) {
          throw new IllegalArgumentException("parameters must be a JSON object");
        }
        params.setAll((ObjectNode) json);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("can't parse JSON");
      }
    }
    return params;
  }

  private static void putForm(ObjectNode params, String form) {
    if (form == null || form.isEmpty()) {
      return;
    }
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
  }

  // ---- the methods ---------------------------------------------------------------------------

  private Answer execute(String method, ObjectNode params) throws InterruptedException {
    return switch (method) {
      case "getMe" -> Answer.ok(getMe());
      case "getUpdates" ->
          webhook != null
              ? Answer.error(
                  409,
                  "Conflict: can't use getUpdates method while webhook is active;"
                      + " use deleteWebhook to delete the webhook first")
              : Answer.ok(getUpdates(params));
      case "setWebhook" -> setWebhook(params);
      case "deleteWebhook" -> deleteWebhook(params);
      case "getWebhookInfo" -> Answer.ok(webhookInfo());
      case "sendMessage" -> sendMessage(params);
      case "editMessageText", "editMessageReplyMarkup" -> editMessage(params);
      case "sendDocument" -> sendDocument(params);
      case "getChat" -> Answer.ok(getChat(params));
      case "getChatMember" -> getChatMember(params);
      case "answerCallbackQuery", "setMyCommands", "deleteMyCommands", "sendChatAction" ->
          Answer.ok(NODES.booleanNode(true));
      default -> throw new IllegalStateException("no handler for " + method);
    };
  }

  private Answer getChatMember(ObjectNode params) {
    if (params.path("chat_id").asText().isEmpty() || !params.has("user_id")) {
      return Answer.error(400, "Bad Request: chat_id is empty");
    }
    long chatId = chatIdOf(params);
    long userId = params.path("user_id").asLong();
    if (chatId > 0 && chatId != userId) {
      return Answer.error(400, "Bad Request: member list is inaccessible");
    }
    String status = standings.getOrDefault(chatId + ":" + userId, "member");
    ObjectNode member = standingOf(status);
    member.set("user", member(userId));
    return Answer.ok(member);
  }

  private ObjectNode getMe() {
    ObjectNode me = botUser();
    me.put("can_join_groups", true);
    me.put("can_read_all_group_messages", false);
    me.put("supports_inline_queries", false);
    me.put("can_connect_to_business", false);
    me.put("has_main_web_app", false);
    return me;
  }

  private ArrayNode getUpdates(ObjectNode params) throws InterruptedException {
    long offset = params.path("offset").asLong(0);
    int limit = params.has("limit") ? params.path("limit").asInt(100) : 100;
    limit = Math.max(1, Math.min(100, limit));
    Duration timeout = Duration.ofSeconds(Math.max(0, params.path("timeout").asLong(0)));
    if (timeout.compareTo(longPollCap) > 0) {
      timeout = longPollCap;
    }
    updatesLock.lock();
    try {
      lastOffset = offset;
      confirmUpTo(offset);
      long nanos = timeout.toNanos();
      while (pending.isEmpty() && nanos > 0) {
        nanos = updateArrived.awaitNanos(nanos);
      }
      ArrayNode result = NODES.arrayNode();
      Iterator<ObjectNode> queued = pending.iterator();
      while (queued.hasNext() && result.size() < limit) {
        result.add(queued.next().deepCopy());
      }
      return result;
    } finally {
      updatesLock.unlock();
    }
  }

  // Telegram's rule: a positive offset confirms every update below it; a negative one keeps only
  // the last -offset updates.
  private void confirmUpTo(long offset) {
    if (offset > 0) {
      while (!pending.isEmpty() && pending.peekFirst().path("update_id").asLong() < offset) {
        confirmed.add(pending.removeFirst().path("update_id").asLong());
      }
    } else if (offset < 0) {
      while (pending.size() > -offset) {
        confirmed.add(pending.removeFirst().path("update_id").asLong());
      }
    }
  }

  private Answer sendMessage(ObjectNode params) {
    RateBucket limit;
    synchronized (calls) {
      limit = sendLimit;
    }
    if (limit != null && !limit.take()) {
      tooManyRequests.incrementAndGet();
      return new Answer(
          429,
          "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after"
              + " 1\",\"parameters\":{\"retry_after\":1}}");
    }
    if (params.path("chat_id").asText().isEmpty()) {
      return Answer.error(400, "Bad Request: chat_id is empty");
    }
    if (strangers.contains(chatIdOf(params))) {
      return Answer.error(403, "Forbidden: bot can't initiate conversation with a user");
    }
    String text = params.path("text").asText();
    if (text.isBlank()) {
      return Answer.error(400, "Bad Request: message text is empty");
    }
    if (text.length() > MAX_MESSAGE_LENGTH) {
      return Answer.error(400, "Bad Request: message is too long");
    }
    ObjectNode message = outgoingMessage(params);
    message.put("text", text);
    copyMarkup(params, message);
    remember(message);
    return Answer.ok(message);
  }

  private Answer editMessage(ObjectNode params) {
    if (params.hasNonNull("inline_message_id")) {
      return Answer.ok(NODES.booleanNode(true));
    }
    long chatId = chatIdOf(params);
    long messageId = params.path("message_id").asLong();
    ObjectNode message = messages.get(messageKey(chatId, messageId));
    if (message == null) {
      // The fake does not know every message a test refers to, so it edits a plausible one.
      message = NODES.objectNode().put("message_id", messageId);
      message.set("from", botUser());
      message.set("chat", chat(chatId));
      message.put("date", now());
    } else {
      message = message.deepCopy();
    }
    message.put("edit_date", now());
    if (params.has("text")) {
      message.put("text", params.path("text").asText());
    }
    message.remove("reply_markup");
    copyMarkup(params, message);
    remember(message);
    return Answer.ok(message);
  }

  private Answer sendDocument(ObjectNode params) {
    if (params.path("chat_id").asText().isEmpty()) {
      return Answer.error(400, "Bad Request: chat_id is empty");
    }
    JsonNode sent = params.path("document");
    if (sent.isMissingNode()) {
      return Answer.error(400, "Bad Request: there is no document in the request");
    }
    long number = fileIds.getAndIncrement();
    ObjectNode document = NODES.objectNode();
    document.put("file_id", "BQACAgIAAxkDAAI" + number);
    document.put("file_unique_id", "AgAD" + number);
    if (sent.isObject()) {
      document.put("file_name", sent.path("file_name").asText());
      document.put("mime_type", sent.path("content_type").asText("application/octet-stream"));
      document.put("file_size", sent.path("size").asLong());
    }
    ObjectNode message = outgoingMessage(params);
    message.set("document", document);
    if (params.has("caption")) {
      message.put("caption", params.path("caption").asText());
    }
    copyMarkup(params, message);
    remember(message);
    return Answer.ok(message);
  }

  private ObjectNode getChat(ObjectNode params) {
    ObjectNode info = chat(chatIdOf(params));
    info.put("accent_color_id", 0);
    info.put("max_reaction_count", 11);
    ObjectNode gifts = info.putObject("accepted_gift_types");
    gifts.put("unlimited_gifts", false).put("limited_gifts", false);
    gifts.put("unique_gifts", false).put("premium_subscription", false);
    return info;
  }

  // ---- building messages ---------------------------------------------------------------------

  private ObjectNode outgoingMessage(ObjectNode params) {
    ObjectNode message = NODES.objectNode().put("message_id", messageIds.getAndIncrement());
    message.set("from", botUser());
    ObjectNode chat = chat(chatIdOf(params));
    message.set("chat", chat);
    message.put("date", now());
    if (params.has("message_thread_id") && chat.path("is_forum").asBoolean()) {
      // Only a forum's messages belong to a topic.
      message.put("message_thread_id", params.path("message_thread_id").asInt());
      message.put("is_topic_message", true);
    }
    return message;
  }

  private ObjectNode incomingMessage(ObjectNode chat, long userId, String text) {
    ObjectNode message = NODES.objectNode().put("message_id", messageIds.getAndIncrement());
    message.set("from", member(userId));
    message.set("chat", chat);
    message.put("date", now());
    message.put("text", text);
    if (text.startsWith("/")) {
      int end = text.indexOf(' ');
      int length = end < 0 ? text.length() : end;
      ObjectNode entity = message.putArray("entities").addObject();
      entity.put("offset", 0).put("length", length).put("type", "bot_command");
    }
    chats.put(chat.path("id").asLong(), chat.deepCopy());
    return message;
  }

  // Multipart and form bodies carry reply_markup as JSON text; a message carries it as an object.
  private static void copyMarkup(ObjectNode params, ObjectNode message) {
    JsonNode markup = params.get("reply_markup");
    if (markup == null || markup.isNull()) {
      return;
    }
    if (markup.isTextual()) {
      try {
        markup = JSON.readTree(markup.asText());
      } catch (JsonProcessingException e) {
        return;
      }
    }
    // Only inline keyboards appear on a sent message.
    if (markup.has("inline_keyboard")) {
      message.set("reply_markup", markup);
    }
  }

  private void remember(ObjectNode message) {
    long chatId = message.path("chat").path("id").asLong();
    messages.put(messageKey(chatId, message.path("message_id").asLong()), message.deepCopy());
  }

  private void rememberChats(JsonNode node) {
    if (node.isObject()) {
      JsonNode chat = node.get("chat");
      if (chat != null && chat.isObject() && chat.has("id") && chat.has("type")) {
        chats.putIfAbsent(chat.path("id").asLong(), (ObjectNode) chat.deepCopy());
      }
      node.elements().forEachRemaining(this::rememberChats);
    }
  }

  private ObjectNode chat(long chatId) {
    ObjectNode known = chats.get(chatId);
    if (known != null) {
      return known.deepCopy();
    }
    return chatId > 0 ? privateChat(chatId) : supergroup(chatId);
  }

  private static ObjectNode privateChat(long chatId) {
    return NODES
        .objectNode()
        .put("id", chatId)
        .put("first_name", "Alex")
        .put("username", "member" + chatId)
        .put("type", "private");
  }

  private static ObjectNode supergroup(long chatId) {
    return NODES
        .objectNode()
        .put("id", chatId)
        .put("title", "Porchlight Circle")
        .put("type", "supergroup");
  }

  private static ObjectNode member(long userId) {
    return NODES
        .objectNode()
        .put("id", userId)
        .put("is_bot", false)
        .put("first_name", "Alex")
        .put("username", "member" + userId)
        .put("language_code", "en");
  }

  private ObjectNode botUser() {
    return NODES
        .objectNode()
        .put("id", botId)
        .put("is_bot", true)
        .put("first_name", "Porchlight")
        .put("username", BOT_USERNAME);
  }

  private ObjectNode chatMember(String status) {
    ObjectNode member = standingOf(status);
    member.set("user", botUser());
    return member;
  }

  // A ChatMember's fields for a status, as Telegram sends them (the user is set by the caller).
  private static ObjectNode standingOf(String status) {
    ObjectNode member = NODES.objectNode();
    member.put("status", status);
    switch (status) {
      case "kicked" -> member.put("until_date", 0);
      case "creator" -> member.put("is_anonymous", false);
      case "administrator" -> {
        member.put("can_be_edited", false).put("is_anonymous", false);
        for (String right :
            List.of(
                "can_manage_chat",
                "can_delete_messages",
                "can_manage_video_chats",
                "can_restrict_members",
                "can_promote_members",
                "can_change_info",
                "can_invite_users",
                "can_post_stories",
                "can_edit_stories",
                "can_delete_stories")) {
          member.put(right, right.equals("can_manage_chat"));
        }
      }
      default -> {}
    }
    return member;
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  // ---- small helpers -------------------------------------------------------------------------

  private static String key(String method) {
    return method.toLowerCase(Locale.ROOT);
  }

  private static String messageKey(long chatId, long messageId) {
    return chatId + ":" + messageId;
  }

  // A chat_id may be a number, a number as text, or @channelusername, which the fake treats as a
  // channel it has no number for.
  private static long chatIdOf(ObjectNode params) {
    JsonNode chatId = params.path("chat_id");
    return chatId.canConvertToLong() ? chatId.asLong() : chatId.asLong(-1_001_000_000_001L);
  }

  // A real token starts with the bot's id ("123456:ABC..."); any other token gets a fixed id.
  private static long botIdOf(String token) {
    int colon = token.indexOf(':');
    try {
      return Long.parseLong(colon < 0 ? token : token.substring(0, colon));
    } catch (NumberFormatException e) {
      return 7_000_000_001L;
    }
  }

  private static ObjectNode parseObject(String json, String what) {
    try {
      JsonNode node = JSON.readTree(requireNonNull(json, what + " == null"));
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(what + " must be a JSON object: " + json);
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not JSON: " + json, e);
    }
  }

  /** A multipart/form-data body as parameters: text fields as text, files as name and content. */
  private static void multipart(byte[] body, String contentType, ObjectNode into) {
    for (MultipartForm.Part part : MultipartForm.parse(body, MultipartForm.boundary(contentType))) {
      if (part.fileName().isEmpty()) {
        into.put(part.name(), part.text());
        continue;
      }
      ObjectNode file = into.putObject(part.name());
      file.put("file_name", part.fileName().get());
      file.put("content", part.text());
      file.put("content_type", part.contentType());
      file.put("size", part.content().length);
    }
  }
}
