package org.porchlight.discord;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.porchlight.testing.MultipartForm;

/**
 * An in-process Discord: the REST API over HTTP and the gateway over a WebSocket, both on
 * 127.0.0.1, speaking the protocol JDA speaks, built from {@link DiscordPayloads}: ours by default,
 * the corpus's for the corpus checks. It holds one guild (the real one in {@code
 * discord4j__GuildCreate.json}) with a host and a member patched in, records every REST call, and
 * turns test calls like {@link #slashCommand} into INTERACTION_CREATE dispatches. Adapter tests
 * point JDA at {@link #apiUrl()} and {@link #gatewayUrl()}.
 */
public final class FakeDiscord implements AutoCloseable {
  /** The server in our GUILD_CREATE fixture. */
  public static final String GUILD_ID = "1085261609959558209";

  /**
   * The server's "check-ins" text channel: no permission overwrites, so the bot may post there
   * ("welcome" denies @everyone SEND_MESSAGES).
   */
  public static final String CHECK_IN_CHANNEL_ID = "1085266307580038867";

  /** The server's "Hosts" role, with MANAGE_GUILD (not ADMINISTRATOR). */
  public static final String ADMIN_ROLE_ID = "1085263493202054006";

  /** How often the fake asks for heartbeats unless told otherwise: often enough to see in tests. */
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

  private static final String API_PREFIX = "/api/v10/";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long DISCORD_EPOCH = 1_420_070_400_000L;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private static final long ADMINISTRATOR = 1L << 3;
  private static final long ALL_PERMISSIONS = (1L << 51) - 1;
  // What a bot may do in a DM: view, send, embed, attach, read history, react, external emoji,
  // use application commands.
  private static final long DM_PERMISSIONS =
      (1L << 10)
          | (1L << 11)
          | (1L << 14)
          | (1L << 15)
          | (1L << 16)
          | (1L << 6)
          | (1L << 18)
          | (1L << 31);
  private static final int EPHEMERAL = 1 << 6;
  private static final int LOADING = 1 << 7;
  private static final int MAX_CONTENT_LENGTH = 2000;

  // Interaction types and callback types from Discord's docs.
  private static final int APPLICATION_COMMAND = 2;
  private static final int MESSAGE_COMPONENT = 3;
  private static final int MODAL_SUBMIT = 5;
  private static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
  private static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
  private static final int DEFERRED_UPDATE_MESSAGE = 6;
  private static final int UPDATE_MESSAGE = 7;
  private static final int MODAL = 9;

  /**
   * One REST request the fake answered: the path below {@code /api/v10/} and the query apart; the
   * JSON body, {@code null} JSON when there was none, and for a multipart body its {@code
   * payload_json} with the file parts listed under {@code files}.
   */
  public record Call(
      String method, String path, JsonNode body, int status, String query, Instant at) {
    public Call {
      requireNonNull(method, "method == null");
      requireNonNull(path, "path == null");
      requireNonNull(body, "body == null");
      requireNonNull(query, "query == null");
      requireNonNull(at, "at == null");
    }

    /** Whether this call was {@code method} on a path matching {@code pathRegex}. */
    public boolean is(String method, String pathRegex) {
      return this.method.equals(method) && path.matches(pathRegex);
    }
  }

  /** One interaction callback the bot sent: its type (4 reply, 9 modal, ...) and its data. */
  public record Callback(int type, JsonNode data) {
    public Callback {
      requireNonNull(data, "data == null");
    }
  }

  /** Where an interaction happens: in the user's DMs with the bot, or in one guild channel. */
  public sealed interface Where {
    static Where dm() {
      return new InDms();
    }

    static Where channel(String channelId) {
      return new InChannel(channelId);
    }

    /** The user's DM channel with the bot. */
    record InDms() implements Where {}

    /** A text channel of the fake's server. */
    record InChannel(String channelId) implements Where {
      public InChannel {
        requireNonNull(channelId, "channelId == null");
      }
    }
  }

  /**
   * A slash command option value that is a channel (type 7), for commands the fake does not know.
   */
  public record ChannelOption(String channelId) {
    public ChannelOption {
      requireNonNull(channelId, "channelId == null");
    }
  }

  private static final Answer NOT_FOUND = Answer.error(404, 0, "404: Not Found");

  // A raw body, when not null, is sent as it is, as text/html, in place of the JSON body.
  private record Answer(int status, JsonNode body, Map<String, String> headers, String raw) {
    Answer(int status, JsonNode body, Map<String, String> headers) {
      this(status, body, headers, null);
    }

    static Answer unreadable(int status, String raw) {
      return new Answer(status, NullNode.getInstance(), Map.of(), raw);
    }

    static Answer ok(JsonNode body) {
      return new Answer(200, body, Map.of());
    }

    static Answer noContent() {
      return new Answer(204, NullNode.getInstance(), Map.of());
    }

    static Answer error(int status, int code, String message) {
      ObjectNode body = NODES.objectNode().put("message", message).put("code", code);
      return new Answer(status, body, Map.of());
    }
  }

  /** What the fake knows about one interaction it dispatched. */
  private static final class Interaction {
    final String id;
    final String token;
    final int type;
    final String userId;
    final String channelId;
    final boolean inGuild;
    final String name;
    // The message a component sits on, or the message a modal was opened from.
    final String messageId;
    final List<Callback> callbacks = new ArrayList<>();
    final List<JsonNode> responses = new ArrayList<>();
    // The messages sent in answer: the reply's and each follow-up's, in order.
    final List<String> messageIds = new ArrayList<>();
    Integer acknowledgedWith;
    String originalMessageId;
    // The modal this interaction opened, with Discord's component ids filled in.
    ArrayNode modalLayout;

    Interaction(ObjectNode payload, String name, String messageId) {
      this.id = payload.path("id").asText();
      this.token = payload.path("token").asText();
      this.type = payload.path("type").asInt();
      this.userId =
          payload.has("member")
              ? payload.path("member").path("user").path("id").asText()
              : payload.path("user").path("id").asText();
      this.channelId = payload.path("channel_id").asText();
      this.inGuild = payload.has("guild_id");
      this.name = name;
      this.messageId = messageId;
    }
  }

  private final String token;
  private final HttpServer server;
  private final ExecutorService executor;
  private final FakeGateway gateway;
  private final RateLimits rateLimits = new RateLimits();
  private final AtomicLong lastSnowflake = new AtomicLong();

  private final JsonNode errorCases;
  private final JsonNode dmMessageTemplate;
  private final String guildId;
  private final String checkInChannelId;
  private final String adminRoleId;
  private final ObjectNode readyTemplate;
  private final ObjectNode guildTemplate;
  private final ObjectNode botUser;
  private final String botId;
  private final String applicationId;
  private final String hostUserId;
  private final String memberUserId;

  // Everything below is guarded by state.
  private final Object state = new Object();
  private final Map<String, ObjectNode> users = new HashMap<>();
  private final Map<String, ObjectNode> members = new LinkedHashMap<>();
  private final Map<String, ObjectNode> guildChannels = new LinkedHashMap<>();
  private final Map<String, Long> rolePermissions = new HashMap<>();
  private final Map<String, String> dmChannels = new HashMap<>();
  private final Map<String, String> dmUsers = new HashMap<>();
  private final Set<String> closedDms = new HashSet<>();
  private final Map<String, ObjectNode> messages = new LinkedHashMap<>();
  private final List<ObjectNode> globalCommands = new ArrayList<>();
  private final Map<String, List<ObjectNode>> guildCommands = new HashMap<>();
  private final Map<String, String> unregisteredCommandIds = new HashMap<>();
  private final Map<String, Interaction> interactions = new LinkedHashMap<>();
  private final Map<String, String> interactionsByToken = new HashMap<>();
  private final FakeScheduledEvents scheduledEvents;
  private Answer nextMessageFails;
  // How registering commands (PUT .../commands) is answered: held until the latch opens, or with an
  // unreadable 500. Read outside the state lock: a held call must hold nothing else up.
  private volatile CountDownLatch commandsHeld;
  private volatile boolean commandsUnreadable;
  private final AtomicInteger heldCommandCalls = new AtomicInteger();
  private int tooManyRequestsLeft;
  private Duration tooManyRequestsRetryAfter = Duration.ZERO;
  private int rateLimited;

  // Not copy-on-write: an adapter test may make thousands of calls.
  private final List<Call> calls = new ArrayList<>();
  private final List<Call> routeMisses = new ArrayList<>();

  static {
    // The JDK's HttpServer leaves Nagle's algorithm on: each small response then waits ~40 ms for
    // the client's delayed ACK. Discord answers at once. Read once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeDiscord(DiscordPayloads payloads, Duration heartbeatInterval) throws IOException {
    this.errorCases = payloads.restErrors();
    this.dmMessageTemplate = payloads.dmMessage();
    this.guildId = payloads.guildId();
    this.checkInChannelId = payloads.checkInChannelId();
    this.adminRoleId = payloads.adminRoleId();
    JsonNode ready = payloads.ready();
    JsonNode guild = payloads.guild();
    this.readyTemplate = (ObjectNode) ready.deepCopy();
    this.guildTemplate = (ObjectNode) guild.deepCopy();

    this.botUser = (ObjectNode) ready.path("user").deepCopy();
    botUser.put("username", "Porchlight").put("bot", true);
    this.botId = botUser.path("id").asText();
    this.applicationId = ready.path("application").path("id").asText(botId);
    this.token =
        Base64.getEncoder().withoutPadding().encodeToString(botId.getBytes(StandardCharsets.UTF_8))
            + ".GfAkEd."
            + HexFormat.of().formatHex(randomBytes(19));

    loadGuild();
    this.scheduledEvents = new FakeScheduledEvents(guildId, publicUser(botUser), this::snowflake);
    this.hostUserId = addMember("Robin", List.of(adminRoleId));
    this.memberUserId = addMember("Sam", List.of());

    this.executor =
        Executors.newFixedThreadPool(
            8,
            runnable -> {
              Thread thread = new Thread(runnable, "fake-discord-rest");
              thread.setDaemon(true);
              return thread;
            });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    try {
      this.gateway = new FakeGateway(token, heartbeatInterval, payloads, new GatewayWorld());
    } catch (IOException | RuntimeException e) {
      server.stop(0);
      executor.shutdownNow();
      throw e;
    }
  }

  /** Starts a fake Discord on ephemeral ports, asking for a heartbeat every second. */
  public static FakeDiscord start() {
    return start(DEFAULT_HEARTBEAT_INTERVAL);
  }

  /** Starts a fake Discord whose HELLO asks for a heartbeat every {@code heartbeatInterval}. */
  public static FakeDiscord start(Duration heartbeatInterval) {
    return start(DiscordPayloads.ours(), heartbeatInterval);
  }

  /** Starts a fake Discord built from {@code payloads}. */
  static FakeDiscord start(DiscordPayloads payloads, Duration heartbeatInterval) {
    try {
      return new FakeDiscord(payloads, heartbeatInterval);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    // Held calls are answered first: cut off, the client would read an I/O error.
    commandsAnswerAgain();
    gateway.close();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- where and who -------------------------------------------------------------------------

  /** Like {@code http://127.0.0.1:PORT/api/v10/}: what {@code RestConfig.setBaseUrl} takes. */
  public String apiUrl() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + API_PREFIX;
  }

  /** Like {@code ws://127.0.0.1:PORT/}; JDA adds {@code ?encoding=json&v=10}. */
  public String gatewayUrl() {
    return gateway.url();
  }

  /** The only bot token the fake accepts. */
  public String token() {
    return token;
  }

  /** The bot's user id, from READY. */
  public String botId() {
    return botId;
  }

  /** The application id, from READY; the same as the bot's id, as for newer bots. */
  public String applicationId() {
    return applicationId;
  }

  public String guildId() {
    return guildId;
  }

  public String checkInChannelId() {
    return checkInChannelId;
  }

  /** A guild member with the admin role, which has MANAGE_GUILD; not the guild's owner. */
  public String hostUserId() {
    return hostUserId;
  }

  /** A guild member with no role but @everyone, which lacks MANAGE_GUILD. */
  public String memberUserId() {
    return memberUserId;
  }

  /** A new user, not in the guild, who can be DMed. */
  public String newUser(String name) {
    requireNonNull(name, "name == null");
    synchronized (state) {
      String id = snowflake();
      users.put(id, userJson(id, name));
      return id;
    }
  }

  // ---- gateway -------------------------------------------------------------------------------

  /** Waits until READY and the GUILD_CREATE went out and the client heartbeats. */
  public void awaitReady(Duration timeout) {
    gateway.awaitReady(timeout);
  }

  public int identifies() {
    return gateway.identifies();
  }

  public int resumes() {
    return gateway.resumes();
  }

  /** The intents of the latest IDENTIFY, or -1 before any. */
  public long identifyIntents() {
    return gateway.identifyIntents();
  }

  public int heartbeatsAcked() {
    return gateway.heartbeatsAcked();
  }

  /** The path and query of every gateway connection, like {@code /?encoding=json&v=10}. */
  public List<String> gatewayConnections() {
    return gateway.connectTargets();
  }

  /** Every payload the client sent on the gateway, in order. */
  public List<JsonNode> gatewayPayloads() {
    return gateway.received();
  }

  /**
   * Sends a dispatch with the next sequence number; while the client is away it is kept and
   * replayed when the client resumes.
   */
  public void dispatch(String type, JsonNode data) {
    gateway.dispatch(type, data);
  }

  /** Sends op 7 RECONNECT: the client should close and RESUME. */
  public void requestReconnect() {
    gateway.requestReconnect();
  }

  /** Closes the client's connection without a close frame: the client should RESUME. */
  public void dropConnection() {
    gateway.dropConnection();
  }

  // ---- interactions --------------------------------------------------------------------------

  /**
   * {@code userId} runs slash command {@code name} with options: Strings are type 3, whole numbers
   * type 4, {@link ChannelOption}s type 7; for a registered command its option types win. Returns
   * the interaction id.
   */
  /**
   * A user writes to the bot in their DM: a MESSAGE_CREATE in the shape of Discord's example
   * message (which has no guild_id, as a DM's), with this author, channel and content.
   */
  public String directMessage(String userId, String content) {
    ObjectNode message;
    synchronized (state) {
      requireUser(userId);
      message = (ObjectNode) dmMessageTemplate.deepCopy();
      message.put("id", snowflake());
      message.put("channel_id", dmChannelId(userId));
      message.set("author", users.get(userId).deepCopy());
      message.put("content", content);
      message.put("timestamp", Instant.now().toString());
      message.putArray("reactions");
    }
    dispatch("MESSAGE_CREATE", message);
    return message.path("id").asText();
  }

  /** A user sends the bot a sticker in their DM: a message with no words. */
  public String directSticker(String userId) {
    ObjectNode message;
    synchronized (state) {
      requireUser(userId);
      message = (ObjectNode) dmMessageTemplate.deepCopy();
      message.put("id", snowflake());
      message.put("channel_id", dmChannelId(userId));
      message.set("author", users.get(userId).deepCopy());
      message.put("content", "");
      message.put("timestamp", Instant.now().toString());
      message.putArray("reactions");
      message
          .putArray("sticker_items")
          .addObject()
          .put("id", "749054660769218631")
          .put("name", "Wave")
          .put("format_type", 3);
    }
    dispatch("MESSAGE_CREATE", message);
    return message.path("id").asText();
  }

  public String slashCommand(String userId, Where where, String name, Map<String, ?> options) {
    requireNonNull(name, "name == null");
    requireNonNull(options, "options == null");
    ObjectNode payload;
    synchronized (state) {
      payload = newInteraction(APPLICATION_COMMAND, userId, where);
      Optional<ObjectNode> command = registeredCommand(name, where);
      ObjectNode data = payload.putObject("data");
      String commandId =
          command
              .map(known -> known.path("id").asText())
              .orElseGet(() -> unregisteredCommandIds.computeIfAbsent(name, n -> snowflake()));
      data.put("id", commandId).put("name", name).put("type", 1);
      if (command.isPresent() && command.get().has("guild_id")) {
        data.put("guild_id", command.get().path("guild_id").asText());
      }
      ArrayNode optionList = data.putArray("options");
      ObjectNode resolvedChannels = NODES.objectNode();
      for (Map.Entry<String, ?> option : options.entrySet()) {
        int type = optionType(command, option.getKey(), option.getValue());
        ObjectNode value = optionList.addObject().put("name", option.getKey()).put("type", type);
        switch (type) {
          case 4 -> value.put("value", ((Number) option.getValue()).longValue());
          case 5 -> value.put("value", (Boolean) option.getValue());
          case 10 -> value.put("value", ((Number) option.getValue()).doubleValue());
          case 7 -> {
            String channelId = channelIdOf(option.getValue());
            value.put("value", channelId);
            resolvedChannels.set(channelId, resolvedChannel(channelId, userId));
          }
          default -> value.put("value", String.valueOf(option.getValue()));
        }
      }
      if (!resolvedChannels.isEmpty()) {
        data.putObject("resolved").set("channels", resolvedChannels);
      }
      remember(new Interaction(payload, name, null));
    }
    gateway.dispatch("INTERACTION_CREATE", payload);
    return payload.path("id").asText();
  }

  /**
   * {@code userId} presses the button {@code customId} on the bot's message {@code messageId}; the
   * payload carries that message as the bot sent it. Returns the interaction id.
   */
  public String buttonPress(String userId, Where where, String messageId, String customId) {
    requireNonNull(messageId, "messageId == null");
    requireNonNull(customId, "customId == null");
    ObjectNode payload;
    synchronized (state) {
      ObjectNode message = messages.get(messageId);
      if (message == null) {
        throw new IllegalArgumentException("the bot sent no message " + messageId);
      }
      payload = newInteraction(MESSAGE_COMPONENT, userId, where);
      if (!payload.path("channel_id").asText().equals(message.path("channel_id").asText())) {
        throw new IllegalArgumentException(
            "message " + messageId + " is in channel " + message.path("channel_id").asText());
      }
      JsonNode button =
          Components.find(message.path("components"), 2, customId)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "message " + messageId + " has no button " + customId));
      ObjectNode data = payload.putObject("data");
      data.put("custom_id", customId).put("component_type", 2).put("id", button.path("id").asInt());
      payload.set("message", message.deepCopy());
      remember(new Interaction(payload, customId, messageId));
    }
    gateway.dispatch("INTERACTION_CREATE", payload);
    return payload.path("id").asText();
  }

  /**
   * {@code userId} submits the modal {@code customId} the bot last opened for them, with these text
   * input values; the submitted components mirror the modal's layout (Labels, type 18, as JDA 6.5
   * reads them). Returns the interaction id.
   */
  public String modalSubmit(
      String userId, Where where, String customId, Map<String, String> textInputs) {
    requireNonNull(customId, "customId == null");
    requireNonNull(textInputs, "textInputs == null");
    ObjectNode payload;
    synchronized (state) {
      Interaction opener = modalOpener(userId, customId);
      payload = newInteraction(MODAL_SUBMIT, userId, where);
      ObjectNode data = payload.putObject("data");
      data.put("custom_id", customId);
      Set<String> unused = new HashSet<>(textInputs.keySet());
      data.set("components", Components.submitted(opener.modalLayout, textInputs, unused));
      if (!unused.isEmpty()) {
        throw new IllegalArgumentException(
            "modal " + customId + " has no text inputs " + unused.stream().sorted().toList());
      }
      if (opener.messageId != null && messages.containsKey(opener.messageId)) {
        payload.set("message", messages.get(opener.messageId).deepCopy());
      }
      remember(new Interaction(payload, customId, opener.messageId));
    }
    gateway.dispatch("INTERACTION_CREATE", payload);
    return payload.path("id").asText();
  }

  /**
   * Sends an interaction recorded elsewhere (our fixtures, or the corpus) as recorded, but for what
   * routes it to this fake: a new id and token and this application's id; in a server, this server
   * and its check-in channel (the bot is in no other); the guild, channel and context that
   * recordings older than 2024 lack and JDA 6 requires; the id Porchlight's command was registered
   * with; and the user and the message it carries made known here, so the bot's answers reach it.
   * Returns the interaction id.
   */
  String replayInteraction(JsonNode recorded) {
    ObjectNode payload = (ObjectNode) recorded.deepCopy();
    boolean inGuild = payload.has("guild_id");
    synchronized (state) {
      payload.put("id", snowflake());
      payload.put("token", interactionToken());
      payload.put("application_id", applicationId);
      if (inGuild) {
        payload.put("guild_id", guildId);
        payload.put("channel_id", checkInChannelId);
        if (payload.path("guild").isObject()) {
          payload.with("guild").put("id", guildId);
        }
        if (payload.path("channel").isObject()) {
          payload.with("channel").put("id", checkInChannelId).put("guild_id", guildId);
        }
        if (payload.path("message").isObject()) {
          payload.with("message").put("channel_id", checkInChannelId);
        }
      }
      if (!payload.path("channel").isObject()) {
        ObjectNode channel =
            inGuild
                ? guildChannels.get(checkInChannelId).deepCopy().put("guild_id", guildId)
                : NODES.objectNode().put("id", payload.path("channel_id").asText()).put("type", 1);
        if (inGuild) {
          String member = payload.path("member").path("user").path("id").asText();
          channel.put("permissions", Long.toString(permissions(member, checkInChannelId)));
        }
        payload.set("channel", channel);
      }
      if (inGuild && !payload.path("guild").isObject()) {
        ObjectNode guild = payload.putObject("guild");
        guild.put("id", guildId).put("locale", guildTemplate.path("preferred_locale").asText());
        guild.set("features", guildTemplate.path("features").deepCopy());
      }
      if (!payload.has("context")) {
        payload.put("context", inGuild ? 0 : 1);
        payload.putObject("authorizing_integration_owners").put("0", inGuild ? guildId : "0");
      }
      JsonNode user =
          payload.has("member") ? payload.path("member").path("user") : payload.path("user");
      users.putIfAbsent(user.path("id").asText(), (ObjectNode) user.deepCopy());
      JsonNode data = payload.path("data");
      String name =
          data.has("custom_id") ? data.path("custom_id").asText() : data.path("name").asText();
      if (payload.path("type").asInt() == APPLICATION_COMMAND) {
        Where where = inGuild ? Where.channel(checkInChannelId) : Where.dm();
        registeredCommand(name, where)
            .ifPresent(command -> ((ObjectNode) data).put("id", command.path("id").asText()));
      }
      String messageId = null;
      if (payload.path("message").isObject()) {
        messageId = payload.path("message").path("id").asText();
        messages.putIfAbsent(messageId, (ObjectNode) payload.path("message").deepCopy());
      }
      remember(new Interaction(payload, name, messageId));
    }
    gateway.dispatch("INTERACTION_CREATE", payload);
    return payload.path("id").asText();
  }

  /**
   * The start of a new interaction's payload, as {@link #slashCommand} and the others start theirs:
   * id, token, user, channel and, in a server, the guild and member; no data yet. Not sent: fill it
   * in and send it with {@link #sendInteraction}.
   */
  ObjectNode interactionPayload(int type, String userId, Where where) {
    synchronized (state) {
      return newInteraction(type, userId, where);
    }
  }

  /**
   * Sends an INTERACTION_CREATE with this payload as it is, however made (a fuzz test's may be
   * anything JSON can say). An object is remembered by its id and token, so the bot's answers to it
   * are taken; the user it names is made known, and the message it carries is the one the fake
   * holds under that id, if any.
   */
  void sendInteraction(JsonNode payload) {
    requireNonNull(payload, "payload == null");
    if (payload instanceof ObjectNode object) {
      synchronized (state) {
        JsonNode user =
            object.has("member") ? object.path("member").path("user") : object.path("user");
        if (user instanceof ObjectNode known && user.path("id").isTextual()) {
          users.putIfAbsent(user.path("id").asText(), known.deepCopy());
        }
        JsonNode data = object.path("data");
        String name =
            data.has("custom_id") ? data.path("custom_id").asText() : data.path("name").asText();
        String messageId = object.path("message").path("id").asText();
        remember(new Interaction(object, name, messages.containsKey(messageId) ? messageId : null));
      }
    }
    gateway.dispatch("INTERACTION_CREATE", payload);
  }

  // ---- what the bot did ----------------------------------------------------------------------

  /**
   * The next message the bot sends, in any channel, is answered with {@code error} instead, as
   * recorded: its HTTP status, its body and its headers.
   */
  void failNextMessage(DiscordPayloads.RestError error) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (JsonNode line : error.recorded().path("headers")) {
      String[] header = line.asText().split(":\\s*", 2);
      if (header.length == 2 && !header[0].startsWith("HTTP/")) {
        headers.put(header[0], header[1]);
      }
    }
    synchronized (state) {
      nextMessageFails =
          new Answer(error.httpStatus(), error.recorded().path("body").deepCopy(), headers);
    }
  }

  /** Every REST call in the order it was answered. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** Calls that matched no route of the fake, answered 404 "404: Not Found". */
  public List<Call> unknownCalls() {
    synchronized (calls) {
      return List.copyOf(routeMisses);
    }
  }

  /** The callbacks the bot sent for one interaction, in order. */
  public List<Callback> callbacks(String interactionId) {
    synchronized (state) {
      Interaction interaction = interactions.get(interactionId);
      return interaction == null ? List.of() : List.copyOf(interaction.callbacks);
    }
  }

  /**
   * The message data the bot last sent for one interaction: a reply or update callback's data, a
   * follow-up's body, or an edit's body, as sent; missing when it sent none.
   */
  public JsonNode lastResponse(String interactionId) {
    synchronized (state) {
      Interaction interaction = interactions.get(interactionId);
      if (interaction == null || interaction.responses.isEmpty()) {
        return MissingNode.getInstance();
      }
      return interaction.responses.get(interaction.responses.size() - 1).deepCopy();
    }
  }

  /**
   * The messages the bot sent in answer to one interaction (its reply and follow-ups, ephemeral
   * ones too), as they stand now, with their ids: what a member sees, and can press buttons on.
   */
  public List<JsonNode> answers(String interactionId) {
    synchronized (state) {
      Interaction interaction = interactions.get(interactionId);
      if (interaction == null) return List.of();
      return interaction.messageIds.stream()
          .map(messages::get)
          .filter(Objects::nonNull)
          .map(message -> (JsonNode) message.deepCopy())
          .toList();
    }
  }

  /** One message as it stands now (edits applied), ephemeral or not; missing if there is none. */
  public JsonNode message(String messageId) {
    synchronized (state) {
      ObjectNode message = messages.get(messageId);
      return message == null ? MissingNode.getInstance() : message.deepCopy();
    }
  }

  /** The messages everyone in a channel sees (no ephemeral ones), edits applied, in order. */
  public List<JsonNode> messagesIn(String channelId) {
    synchronized (state) {
      return messages.values().stream()
          .filter(message -> message.path("channel_id").asText().equals(channelId))
          .filter(message -> (message.path("flags").asInt() & EPHEMERAL) == 0)
          .map(message -> (JsonNode) message.deepCopy())
          .toList();
    }
  }

  /** The id of the user's DM channel with the bot, the same every time. */
  public String dmChannelOf(String userId) {
    synchronized (state) {
      requireUser(userId);
      return dmChannelId(userId);
    }
  }

  /** The global commands as last registered, as Discord answered them. */
  public List<JsonNode> globalCommands() {
    synchronized (state) {
      return globalCommands.stream().map(command -> (JsonNode) command.deepCopy()).toList();
    }
  }

  /** The guild's commands as last registered, as Discord answered them. */
  public List<JsonNode> guildCommands(String guildId) {
    synchronized (state) {
      return guildCommands.getOrDefault(guildId, List.of()).stream()
          .map(command -> (JsonNode) command.deepCopy())
          .toList();
    }
  }

  // ---- scripting -----------------------------------------------------------------------------

  /**
   * From now on, a command registration (the bulk overwrite, {@code PUT applications/{id}/commands}
   * or a guild's) gets no answer: the fake holds it, as a server that hangs would, until {@link
   * #commandsAnswerAgain}.
   */
  public void commandsNeverAnswer() {
    commandsHeld = new CountDownLatch(1);
  }

  /**
   * From now on, a command registration is answered {@code 500} with a body that is not JSON, as a
   * proxy in trouble might answer.
   */
  public void commandsAnswerUnreadably() {
    commandsUnreadable = true;
  }

  /**
   * Command registrations are answered as Discord does, the held ones too; returns once they are.
   */
  public void commandsAnswerAgain() {
    commandsUnreadable = false;
    CountDownLatch held = commandsHeld;
    commandsHeld = null;
    if (held != null) {
      held.countDown();
    }
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> heldCommandCalls.get() == 0);
  }

  /** How many command registrations the fake holds unanswered now. */
  public int heldCommandCalls() {
    return heldCommandCalls.get();
  }

  /** From now on, messages to the user's DM channel answer 403, code 50007. */
  public void closeDms(String userId) {
    synchronized (state) {
      requireUser(userId);
      closedDms.add(userId);
    }
  }

  /**
   * The next {@code times} requests to {@code POST channels/{id}/messages} answer 429 with
   * Discord's body and headers and this {@code retry_after}.
   */
  public void tooManyRequests(int times, Duration retryAfter) {
    if (times < 0 || retryAfter.isNegative()) {
      throw new IllegalArgumentException("times and retryAfter must not be negative");
    }
    synchronized (state) {
      tooManyRequestsLeft = times;
      tooManyRequestsRetryAfter = retryAfter;
    }
  }

  /**
   * Gives the bot's own role Create Events, as a server admin would in Server Settings, Roles: the
   * role changes, and the gateway says so (GUILD_ROLE_UPDATE).
   */
  public void allowBotToCreateEvents() {
    ObjectNode role;
    synchronized (state) {
      String roleId = members.get(botId).path("roles").get(0).asText();
      role =
          (ObjectNode)
              findRole(roleId)
                  .orElseThrow(() -> new IllegalStateException("the bot has no role " + roleId));
      long permissions = role.path("permissions").asLong() | FakeScheduledEvents.CREATE_EVENTS;
      role.put("permissions", Long.toString(permissions));
      rolePermissions.put(roleId, permissions);
      role = role.deepCopy();
    }
    ObjectNode update = NODES.objectNode().put("guild_id", guildId);
    update.set("role", role);
    dispatch("GUILD_ROLE_UPDATE", update);
  }

  /**
   * From now on, every call about the guild's scheduled events is answered with this error, as
   * Discord writes one ({@code {"message": ..., "code": ...}}); {@link #scheduledEventsWork} ends
   * it.
   */
  public void scheduledEventsFail(int status, int code, String message) {
    synchronized (state) {
      scheduledEvents.fail(Optional.of(FakeScheduledEvents.Result.error(status, code, message)));
    }
  }

  /** A host deletes one of the guild's scheduled events in Discord's app; the bot is not told. */
  public void someoneDeletesScheduledEvent(String eventId) {
    synchronized (state) {
      scheduledEvents.delete(eventId);
    }
  }

  /** Calls about scheduled events are answered again. */
  public void scheduledEventsWork() {
    synchronized (state) {
      scheduledEvents.fail(Optional.empty());
    }
  }

  /** The guild's scheduled events still to come or under way, as Discord returns them. */
  public List<JsonNode> scheduledEvents() {
    synchronized (state) {
      return scheduledEvents.current();
    }
  }

  /** How many 429s the fake has sent. */
  public int rateLimited() {
    synchronized (state) {
      return rateLimited;
    }
  }

  // ---- waiting -------------------------------------------------------------------------------

  /** Waits for a REST call matching {@code which}; fails with the calls seen. */
  public Call awaitCall(Predicate<Call> which, Duration timeout) {
    try {
      return Awaitility.await()
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> calls().stream().filter(which).findFirst(), Optional::isPresent)
          .orElseThrow();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("no matching call within " + timeout + "; calls:\n  " + seen(), e);
    }
  }

  /** Waits for the first callback the bot sends for an interaction. */
  public Callback awaitCallback(String interactionId, Duration timeout) {
    try {
      return Awaitility.await()
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> callbacks(interactionId), list -> !list.isEmpty())
          .get(0);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "no callback for interaction "
              + interactionId
              + " within "
              + timeout
              + "; calls:\n  "
              + seen(),
          e);
    }
  }

  private String seen() {
    return calls().stream()
        .map(call -> call.status() + " " + call.method() + " " + call.path() + " " + call.body())
        .collect(Collectors.joining("\n  "));
  }

  // ---- the world -----------------------------------------------------------------------------

  private void loadGuild() {
    for (JsonNode role : guildTemplate.path("roles")) {
      rolePermissions.put(role.path("id").asText(), role.path("permissions").asLong());
    }
    for (JsonNode channel : guildTemplate.path("channels")) {
      guildChannels.put(channel.path("id").asText(), (ObjectNode) channel);
    }
    for (JsonNode member : guildTemplate.path("members")) {
      ObjectNode copy = (ObjectNode) member.deepCopy();
      String id = copy.path("user").path("id").asText();
      if (id.equals(botId)) {
        // The bot's own member, with the bot user READY and GET users/@me describe.
        copy.set("user", publicUser(botUser));
      }
      users.put(id, (ObjectNode) copy.path("user"));
      members.put(id, copy);
    }
    if (!members.containsKey(botId)) {
      throw new IllegalStateException("the GUILD_CREATE has no member for the bot " + botId);
    }
    for (String id : List.of(guildId, adminRoleId)) {
      if (!rolePermissions.containsKey(id)) {
        throw new IllegalStateException("the GUILD_CREATE has no role " + id);
      }
    }
    ObjectNode checkIn = guildChannels.get(checkInChannelId);
    if (checkIn == null || checkIn.path("type").asInt(-1) != 0) {
      throw new IllegalStateException("the GUILD_CREATE has no text channel " + checkInChannelId);
    }
  }

  private String addMember(String name, List<String> roles) {
    String id = snowflake();
    ObjectNode user = userJson(id, name);
    users.put(id, user);
    ObjectNode member = NODES.objectNode();
    member.set("user", user.deepCopy());
    ArrayNode roleIds = member.putArray("roles");
    roles.forEach(roleIds::add);
    member.putNull("nick").putNull("avatar").putNull("premium_since");
    member.put("joined_at", timestamp(Instant.now().minus(Duration.ofDays(30))));
    member.put("deaf", false).put("mute", false).put("pending", false).put("flags", 0);
    member.putNull("communication_disabled_until");
    member.putNull("hoisted_role");
    members.put(id, member);
    return id;
  }

  /** What the gateway sends when a session starts. */
  private final class GatewayWorld implements FakeGateway.World {
    @Override
    public ObjectNode ready(String sessionId, String resumeGatewayUrl) {
      ObjectNode ready = readyTemplate.deepCopy();
      ready.put("v", 10);
      ready.put("session_id", sessionId);
      ready.put("resume_gateway_url", resumeGatewayUrl);
      ready.set("user", botUser.deepCopy());
      ready.putArray("private_channels");
      ArrayNode guilds = ready.putArray("guilds");
      guilds.addObject().put("id", guildId).put("unavailable", true);
      ObjectNode application = (ObjectNode) ready.path("application");
      application.put("id", applicationId);
      return ready;
    }

    @Override
    public List<ObjectNode> guildCreates(long intents) {
      ObjectNode guild = guildTemplate.deepCopy();
      synchronized (state) {
        ArrayNode memberList = guild.putArray("members");
        members.values().forEach(member -> memberList.add(member.deepCopy()));
        guild.put("member_count", members.size());
      }
      if ((intents & (1L << 8)) == 0) {
        // Without GUILD_PRESENCES, Discord sends no presences.
        guild.putArray("presences");
      }
      return List.of(guild);
    }
  }

  // ---- building interactions -----------------------------------------------------------------

  // Call with state held.
  private ObjectNode newInteraction(int type, String userId, Where where) {
    requireNonNull(where, "where == null");
    requireUser(userId);
    ObjectNode payload = NODES.objectNode();
    payload.put("id", snowflake());
    payload.put("application_id", applicationId);
    payload.put("type", type);
    payload.put("token", interactionToken());
    payload.put("version", 1);
    payload.put("locale", "en-US");
    payload.put("attachment_size_limit", 10_485_760);
    payload.putArray("entitlements");
    ObjectNode owners = payload.putObject("authorizing_integration_owners");
    if (where instanceof Where.InChannel inChannel) {
      String channelId = inChannel.channelId();
      ObjectNode channel = guildChannels.get(channelId);
      if (channel == null || channel.path("type").asInt() != 0) {
        throw new IllegalArgumentException("no text channel " + channelId + " in the guild");
      }
      payload.put("guild_id", guildId);
      ObjectNode guild = payload.putObject("guild");
      guild.put("id", guildId).put("locale", guildTemplate.path("preferred_locale").asText());
      guild.set("features", guildTemplate.path("features").deepCopy());
      payload.put("guild_locale", guildTemplate.path("preferred_locale").asText());
      payload.put("channel_id", channelId);
      ObjectNode channelJson = channel.deepCopy();
      channelJson.put("guild_id", guildId);
      channelJson.put("permissions", Long.toString(permissions(userId, channelId)));
      payload.set("channel", channelJson);
      payload.set("member", interactionMember(userId, channelId));
      payload.put("app_permissions", Long.toString(permissions(botId, channelId)));
      payload.put("context", 0);
      owners.put("0", guildId);
    } else {
      String channelId = dmChannelId(userId);
      payload.put("channel_id", channelId);
      ObjectNode channel = payload.putObject("channel");
      channel.put("id", channelId).put("type", 1).put("flags", 0);
      putLastMessageId(channel, channelId);
      // Seen from the user: the other end of a bot DM is the bot, which is how JDA tells a bot DM
      // from a DM between two users.
      channel.putArray("recipients").add(publicUser(botUser));
      payload.set("user", users.get(userId).deepCopy());
      payload.put("app_permissions", Long.toString(DM_PERMISSIONS));
      payload.put("context", 1);
      owners.put("0", "0");
    }
    return payload;
  }

  private ObjectNode interactionMember(String userId, String channelId) {
    ObjectNode known = members.get(userId);
    ObjectNode member = NODES.objectNode();
    member.set("user", users.get(userId).deepCopy());
    member.set("roles", known == null ? NODES.arrayNode() : known.path("roles").deepCopy());
    member.put(
        "joined_at", known == null ? timestamp(Instant.now()) : known.path("joined_at").asText());
    member.putNull("nick").putNull("avatar").putNull("banner").putNull("premium_since");
    member.put("deaf", false).put("mute", false).put("pending", false).put("flags", 0);
    member.putNull("communication_disabled_until").putNull("unusual_dm_activity_until");
    member.put("permissions", Long.toString(permissions(userId, channelId)));
    return member;
  }

  // A member's permissions in the guild itself, before any channel's overwrites.
  private long guildPermissions(String userId) {
    if (userId.equals(guildTemplate.path("owner_id").asText())) {
      return ALL_PERMISSIONS;
    }
    long base = rolePermissions.getOrDefault(guildId, 0L);
    ObjectNode member = members.get(userId);
    if (member != null) {
      for (JsonNode role : member.path("roles")) {
        base |= rolePermissions.getOrDefault(role.asText(), 0L);
      }
    }
    return (base & ADMINISTRATOR) != 0 ? ALL_PERMISSIONS : base;
  }

  private Optional<JsonNode> findRole(String roleId) {
    for (JsonNode role : guildTemplate.path("roles")) {
      if (role.path("id").asText().equals(roleId)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  // Discord's algorithm: owner and ADMINISTRATOR get everything; otherwise @everyone and the
  // member's roles, then the channel's overwrites for @everyone, the roles, and the member.
  private long permissions(String userId, String channelId) {
    if (userId.equals(guildTemplate.path("owner_id").asText())) {
      return ALL_PERMISSIONS;
    }
    List<String> roles = new ArrayList<>();
    ObjectNode member = members.get(userId);
    if (member != null) {
      member.path("roles").forEach(role -> roles.add(role.asText()));
    }
    long base = rolePermissions.getOrDefault(guildId, 0L);
    for (String role : roles) {
      base |= rolePermissions.getOrDefault(role, 0L);
    }
    if ((base & ADMINISTRATOR) != 0) {
      return ALL_PERMISSIONS;
    }
    JsonNode overwrites = guildChannels.get(channelId).path("permission_overwrites");
    long allow = 0;
    long deny = 0;
    for (JsonNode overwrite : overwrites) {
      if (overwrite.path("id").asText().equals(guildId)) {
        base = (base & ~overwrite.path("deny").asLong()) | overwrite.path("allow").asLong();
      } else if (overwrite.path("type").asInt() == 0
          && roles.contains(overwrite.path("id").asText())) {
        allow |= overwrite.path("allow").asLong();
        deny |= overwrite.path("deny").asLong();
      }
    }
    base = (base & ~deny) | allow;
    for (JsonNode overwrite : overwrites) {
      if (overwrite.path("type").asInt() == 1 && overwrite.path("id").asText().equals(userId)) {
        base = (base & ~overwrite.path("deny").asLong()) | overwrite.path("allow").asLong();
      }
    }
    return base;
  }

  private Optional<ObjectNode> registeredCommand(String name, Where where) {
    List<ObjectNode> candidates = new ArrayList<>();
    if (where instanceof Where.InChannel) {
      candidates.addAll(guildCommands.getOrDefault(guildId, List.of()));
    }
    candidates.addAll(globalCommands);
    return candidates.stream()
        .filter(command -> command.path("name").asText().equals(name))
        .filter(command -> command.path("type").asInt(1) == 1)
        .findFirst();
  }

  private static int optionType(Optional<ObjectNode> command, String name, Object value) {
    requireNonNull(value, "option " + name + " == null");
    if (command.isPresent()) {
      for (JsonNode option : command.get().path("options")) {
        if (option.path("name").asText().equals(name)) {
          return option.path("type").asInt();
        }
      }
      throw new IllegalArgumentException(
          "command " + command.get().path("name").asText() + " has no option " + name);
    }
    if (value instanceof ChannelOption) {
      return 7;
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return 4;
    } else if (value instanceof Boolean) {
      return 5;
    } else if (value instanceof Number) {
      return 10;
    }
    return 3;
  }

  private static String channelIdOf(Object value) {
    return value instanceof ChannelOption channel ? channel.channelId() : String.valueOf(value);
  }

  private ObjectNode resolvedChannel(String channelId, String userId) {
    ObjectNode channel = guildChannels.get(channelId);
    if (channel == null) {
      throw new IllegalArgumentException("no channel " + channelId + " in the guild");
    }
    ObjectNode resolved = NODES.objectNode();
    for (String field : List.of("id", "name", "type", "parent_id", "position", "topic", "nsfw")) {
      if (channel.has(field)) {
        resolved.set(field, channel.get(field).deepCopy());
      }
    }
    resolved.put("guild_id", guildId).put("flags", 0);
    resolved.put("permissions", Long.toString(permissions(userId, channelId)));
    return resolved;
  }

  // The most recent interaction, preferably the user's, whose callback opened this modal.
  private Interaction modalOpener(String userId, String customId) {
    Interaction anyone = null;
    List<Interaction> newestFirst = new ArrayList<>(interactions.values());
    Collections.reverse(newestFirst);
    for (Interaction interaction : newestFirst) {
      if (interaction.modalLayout == null) {
        continue;
      }
      boolean same =
          interaction.callbacks.stream()
              .anyMatch(
                  callback ->
                      callback.type() == MODAL
                          && callback.data().path("custom_id").asText().equals(customId));
      if (same && interaction.userId.equals(userId)) {
        return interaction;
      }
      if (same && anyone == null) {
        anyone = interaction;
      }
    }
    if (anyone == null) {
      throw new IllegalArgumentException("the bot never opened a modal " + customId);
    }
    return anyone;
  }

  private void remember(Interaction interaction) {
    interactions.put(interaction.id, interaction);
    interactionsByToken.put(interaction.token, interaction.id);
  }

  // ---- REST ----------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    boolean registering = registersCommands(exchange);
    CountDownLatch held = registering ? commandsHeld : null;
    if (held != null) {
      heldCommandCalls.incrementAndGet();
    }
    try {
      if (held != null) {
        held.await();
      }
      answer(exchange, registering && commandsUnreadable);
    } catch (InterruptedException e) {
      // The fake is closing: the held call goes unanswered.
      exchange.close();
      Thread.currentThread().interrupt();
    } finally {
      if (held != null) {
        heldCommandCalls.decrementAndGet();
      }
    }
  }

  private static boolean registersCommands(HttpExchange exchange) {
    return exchange.getRequestMethod().equals("PUT")
        && exchange.getRequestURI().getPath().startsWith(API_PREFIX + "applications/")
        && exchange.getRequestURI().getPath().endsWith("/commands");
  }

  private void answer(HttpExchange exchange, boolean unreadably) throws IOException {
    try (exchange) {
      Instant at = Instant.now();
      String method = exchange.getRequestMethod();
      String fullPath = exchange.getRequestURI().getPath();
      String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
      byte[] bytes = exchange.getRequestBody().readAllBytes();
      String contentType =
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
      String authorization =
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");

      String path = fullPath.startsWith(API_PREFIX) ? fullPath.substring(API_PREFIX.length()) : "";
      List<String> segments = path.isEmpty() ? List.of() : Arrays.asList(path.split("/", -1));
      JsonNode body = NullNode.getInstance();
      Answer answer;
      try {
        body = body(bytes, contentType);
        answer =
            unreadably
                ? Answer.unreadable(500, "<html><body>500 Internal Server Error</body></html>")
                : route(method, segments, query, body, authorization);
      } catch (MalformedBodyException e) {
        answer = Answer.error(400, 50109, "The request body contains invalid JSON.");
      } catch (RuntimeException e) {
        // A bug in the fake: answer it visibly rather than drop the connection.
        answer = Answer.error(500, 0, "500: fake Discord failed: " + e);
      }
      Map<String, String> headers = new LinkedHashMap<>(rateLimits.headers(method, segments));
      headers.putAll(answer.headers());
      Call call =
          new Call(
              method,
              fullPath.startsWith(API_PREFIX) ? path : fullPath,
              body,
              answer.status(),
              query,
              at);
      synchronized (calls) {
        calls.add(call);
        if (answer == NOT_FOUND) {
          routeMisses.add(call);
        }
      }
      respond(exchange, answer, headers);
    }
  }

  private Answer route(
      String method, List<String> path, String query, JsonNode body, String authorization) {
    int size = path.size();
    String first = size > 0 ? path.get(0) : "";
    boolean tokenInUrl = first.equals("interactions") || first.equals("webhooks");
    if (size == 0) {
      return notFound();
    }
    if (!tokenInUrl && !authorization.equals("Bot " + token)) {
      return Answer.error(401, 0, "401: Unauthorized");
    }
    synchronized (state) {
      switch (first) {
        case "users" -> {
          if (size == 2 && path.get(1).equals("@me") && method.equals("GET")) {
            return Answer.ok(botUser.deepCopy());
          }
          if (size == 3
              && path.get(1).equals("@me")
              && path.get(2).equals("channels")
              && method.equals("POST")) {
            return openDm(body);
          }
        }
        case "applications" -> {
          if (size >= 3 && !path.get(1).equals(applicationId)) {
            return Answer.error(404, 10002, "Unknown Application");
          }
          if (size == 3 && path.get(2).equals("commands")) {
            if (method.equals("PUT")) {
              return putCommands(body, null);
            } else if (method.equals("GET")) {
              return Answer.ok(array(globalCommands));
            }
          }
          if (size == 5 && path.get(2).equals("guilds") && path.get(4).equals("commands")) {
            String requested = path.get(3);
            if (!requested.equals(guildId)) {
              return Answer.error(403, 50001, "Missing Access");
            }
            if (method.equals("PUT")) {
              return putCommands(body, requested);
            } else if (method.equals("GET")) {
              return Answer.ok(array(guildCommands.getOrDefault(requested, List.of())));
            }
          }
        }
        case "channels" -> {
          if (size == 3 && path.get(2).equals("messages") && method.equals("POST")) {
            return sendMessage(path.get(1), body);
          }
          if (size == 4 && path.get(2).equals("messages")) {
            return channelMessage(method, path.get(1), path.get(3), body);
          }
        }
        case "guilds" -> {
          if (size >= 3 && size <= 4 && path.get(2).equals("scheduled-events")) {
            if (!path.get(1).equals(guildId)) {
              return Answer.error(404, 10004, "Unknown Guild");
            }
            FakeScheduledEvents.Result result =
                scheduledEvents.handle(
                    method,
                    size == 4 ? Optional.of(path.get(3)) : Optional.empty(),
                    body,
                    guildPermissions(botId));
            return new Answer(result.status(), result.body(), Map.of());
          }
        }
        case "interactions" -> {
          if (size == 4 && path.get(3).equals("callback") && method.equals("POST")) {
            return callback(path.get(1), path.get(2), query, body);
          }
        }
        case "webhooks" -> {
          if (size == 3 && method.equals("POST")) {
            return followUp(path.get(1), path.get(2), query, body);
          }
          if (size == 5 && path.get(3).equals("messages")) {
            return webhookMessage(method, path.get(1), path.get(2), path.get(4), body);
          }
        }
        default -> {}
      }
    }
    return notFound();
  }

  private static Answer notFound() {
    return NOT_FOUND;
  }

  // ---- REST: users, DMs and commands ---------------------------------------------------------

  private Answer openDm(JsonNode body) {
    String userId = body.path("recipient_id").asText();
    if (!users.containsKey(userId) || userId.equals(botId)) {
      return Answer.error(404, 10013, "Unknown User");
    }
    String channelId = dmChannelId(userId);
    ObjectNode channel = NODES.objectNode();
    channel.put("id", channelId).put("type", 1).put("flags", 0);
    putLastMessageId(channel, channelId);
    channel.putArray("recipients").add(users.get(userId).deepCopy());
    return Answer.ok(channel);
  }

  private String dmChannelId(String userId) {
    return dmChannels.computeIfAbsent(
        userId,
        user -> {
          String channelId = snowflake();
          dmUsers.put(channelId, user);
          return channelId;
        });
  }

  private void putLastMessageId(ObjectNode channel, String channelId) {
    String last = null;
    for (ObjectNode message : messages.values()) {
      if (message.path("channel_id").asText().equals(channelId)) {
        last = message.path("id").asText();
      }
    }
    if (last == null) {
      channel.putNull("last_message_id");
    } else {
      channel.put("last_message_id", last);
    }
  }

  // Like Discord, a bulk overwrite keeps the id of a command with the same name and type.
  private Answer putCommands(JsonNode body, String guildId) {
    if (!body.isArray()) {
      return invalidFormBody("_errors", "BASE_TYPE_LIST", "Must be an array.");
    }
    List<ObjectNode> previous =
        guildId == null ? globalCommands : guildCommands.getOrDefault(guildId, List.of());
    List<ObjectNode> registered = new ArrayList<>();
    for (JsonNode sent : body) {
      int type = sent.path("type").asInt(1);
      String name = sent.path("name").asText();
      String id =
          previous.stream()
              .filter(old -> old.path("name").asText().equals(name))
              .filter(old -> old.path("type").asInt(1) == type)
              .map(old -> old.path("id").asText())
              .findFirst()
              .orElseGet(this::snowflake);
      ObjectNode command = NODES.objectNode();
      command.put("id", id).put("application_id", applicationId).put("version", snowflake());
      command.put("type", type).put("name", name);
      command.set("name_localizations", sent.path("name_localizations").deepCopy());
      command.put("description", sent.path("description").asText(""));
      command.set("description_localizations", sent.path("description_localizations").deepCopy());
      if (guildId != null) {
        command.put("guild_id", guildId);
      }
      JsonNode permissions = sent.path("default_member_permissions");
      if (permissions.isMissingNode() || permissions.isNull()) {
        command.putNull("default_member_permissions");
      } else {
        command.put("default_member_permissions", permissions.asText());
      }
      command.put("dm_permission", guildId == null);
      command.put("nsfw", sent.path("nsfw").asBoolean(false));
      command.set(
          "contexts", numbers(sent.path("contexts"), guildId == null ? List.of(0, 1, 2) : null));
      command.set("integration_types", numbers(sent.path("integration_types"), List.of(0)));
      if (sent.has("options")) {
        command.set("options", sent.path("options").deepCopy());
      }
      for (String localized : List.of("name_localizations", "description_localizations")) {
        if (command.path(localized).isMissingNode()) {
          command.putNull(localized);
        }
      }
      registered.add(command);
    }
    if (guildId == null) {
      globalCommands.clear();
      globalCommands.addAll(registered);
    } else {
      guildCommands.put(guildId, new ArrayList<>(registered));
    }
    return Answer.ok(array(registered));
  }

  // Discord answers enum lists as numbers, whatever form they were sent in.
  private static JsonNode numbers(JsonNode sent, List<Integer> otherwise) {
    if (!sent.isArray()) {
      if (otherwise == null) {
        return NullNode.getInstance();
      }
      ArrayNode defaults = NODES.arrayNode();
      otherwise.forEach(defaults::add);
      return defaults;
    }
    ArrayNode numbers = NODES.arrayNode();
    sent.forEach(value -> numbers.add(value.asInt()));
    return numbers;
  }

  // ---- REST: messages ------------------------------------------------------------------------

  private Answer sendMessage(String channelId, JsonNode body) {
    boolean guildChannel = guildChannels.containsKey(channelId);
    if (!guildChannel && !dmUsers.containsKey(channelId)) {
      return Answer.error(404, 10003, "Unknown Channel");
    }
    if (nextMessageFails != null) {
      Answer failure = nextMessageFails;
      nextMessageFails = null;
      return failure;
    }
    if (tooManyRequestsLeft > 0) {
      tooManyRequestsLeft--;
      rateLimited++;
      return tooManyRequestsAnswer();
    }
    if (!guildChannel && closedDms.contains(dmUsers.get(channelId))) {
      return errorCase(50007);
    }
    Optional<Answer> invalid = validateMessage(body);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    ObjectNode message = newMessage(channelId, body, 0);
    messages.put(message.path("id").asText(), message);
    return Answer.ok(message.deepCopy());
  }

  private Answer channelMessage(String method, String channelId, String messageId, JsonNode body) {
    ObjectNode message = messages.get(messageId);
    if (message == null || !message.path("channel_id").asText().equals(channelId)) {
      return Answer.error(404, 10008, "Unknown Message");
    }
    switch (method) {
      case "GET" -> {
        return Answer.ok(message.deepCopy());
      }
      case "PATCH" -> {
        if (!message.path("author").path("id").asText().equals(botId)) {
          return Answer.error(403, 50005, "Cannot edit a message authored by another user");
        }
        edit(message, body);
        return Answer.ok(message.deepCopy());
      }
      case "DELETE" -> {
        messages.remove(messageId);
        return Answer.noContent();
      }
      default -> {
        return notFound();
      }
    }
  }

  private Optional<Answer> validateMessage(JsonNode body) {
    if (!body.isObject()) {
      return Optional.of(Answer.error(400, 50006, "Cannot send an empty message"));
    }
    String content = body.path("content").asText("");
    boolean empty =
        content.isEmpty()
            && body.path("components").isEmpty()
            && body.path("embeds").isEmpty()
            && body.path("files").isEmpty()
            && body.path("sticker_ids").isEmpty();
    if (empty) {
      return Optional.of(Answer.error(400, 50006, "Cannot send an empty message"));
    }
    if (content.codePointCount(0, content.length()) > MAX_CONTENT_LENGTH) {
      return Optional.of(
          invalidFormBody("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."));
    }
    return Optional.empty();
  }

  // Call with state held.
  private ObjectNode newMessage(String channelId, JsonNode body, int type) {
    ObjectNode message = NODES.objectNode();
    String id = snowflake();
    message.put("type", type);
    message.put("content", body.path("content").asText(""));
    message.putArray("mentions");
    message.putArray("mention_roles");
    message.set("attachments", attachments(body.path("files")));
    message.set(
        "embeds",
        body.path("embeds").isArray() ? body.path("embeds").deepCopy() : NODES.arrayNode());
    message.put("timestamp", timestamp(Instant.now()));
    message.putNull("edited_timestamp");
    message.put("flags", body.path("flags").asInt(0));
    message.set("components", Components.withIds(body.path("components")));
    message.put("id", id);
    message.put("channel_id", channelId);
    message.set("author", publicUser(botUser));
    message.put("pinned", false);
    message.put("mention_everyone", false);
    message.put("tts", body.path("tts").asBoolean(false));
    if (body.has("nonce")) {
      message.set("nonce", body.get("nonce").deepCopy());
    }
    if (guildChannels.containsKey(channelId)) {
      message.put("guild_id", guildId);
    }
    return message;
  }

  private void edit(ObjectNode message, JsonNode body) {
    if (body.has("content")) {
      message.put("content", body.path("content").asText(""));
    }
    if (body.has("components")) {
      message.set("components", Components.withIds(body.path("components")));
    }
    if (body.has("embeds")) {
      message.set(
          "embeds",
          body.path("embeds").isArray() ? body.path("embeds").deepCopy() : NODES.arrayNode());
    }
    if (body.has("files")) {
      message.set("attachments", attachments(body.path("files")));
    }
    // Editing a deferred reply ends its "thinking..." state.
    message.put("flags", message.path("flags").asInt() & ~LOADING);
    message.put("edited_timestamp", timestamp(Instant.now()));
  }

  private ArrayNode attachments(JsonNode files) {
    ArrayNode attachments = NODES.arrayNode();
    for (JsonNode file : files) {
      String id = snowflake();
      String name = file.path("filename").asText("file");
      ObjectNode attachment = attachments.addObject();
      attachment.put("id", id).put("filename", name).put("size", file.path("size").asInt());
      attachment.put("content_type", file.path("content_type").asText("application/octet-stream"));
      attachment.put("url", "https://cdn.discordapp.com/attachments/" + id + "/" + name);
      attachment.put("proxy_url", "https://media.discordapp.net/attachments/" + id + "/" + name);
    }
    return attachments;
  }

  // ---- REST: interaction callbacks and webhooks ----------------------------------------------

  private Answer callback(
      String interactionId, String interactionToken, String query, JsonNode body) {
    Interaction interaction = interactions.get(interactionId);
    if (interaction == null || !interaction.token.equals(interactionToken)) {
      return Answer.error(404, 10062, "Unknown interaction");
    }
    if (interaction.acknowledgedWith != null) {
      return Answer.error(400, 40060, "Interaction has already been acknowledged.");
    }
    int type = body.path("type").asInt(-1);
    JsonNode data = body.has("data") ? body.get("data").deepCopy() : NullNode.getInstance();
    if (data instanceof ObjectNode message && body.has("files")) {
      // A multipart callback carries its files beside payload_json: they belong to the message.
      message.set("files", body.get("files").deepCopy());
    }
    boolean onMessage =
        interaction.messageId != null && messages.containsKey(interaction.messageId);
    ObjectNode resource = NODES.objectNode().put("type", type);
    switch (type) {
      case CHANNEL_MESSAGE_WITH_SOURCE -> {
        Optional<Answer> invalid = validateMessage(data);
        if (invalid.isPresent()) {
          return invalid.get();
        }
        ObjectNode message = interactionMessage(interaction, data, data.path("flags").asInt(0));
        resource.set("message", message.deepCopy());
        interaction.originalMessageId = message.path("id").asText();
        interaction.responses.add(data);
      }
      case DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE -> {
        int flags = (data.path("flags").asInt(0) & EPHEMERAL) | LOADING;
        ObjectNode message = interactionMessage(interaction, NODES.objectNode(), flags);
        resource.set("message", message.deepCopy());
        interaction.originalMessageId = message.path("id").asText();
      }
      case DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE -> {
        if (!onMessage) {
          return invalidFormBody(
              "type", "INTERACTION_TYPE_INVALID", "This interaction has no message.");
        }
        ObjectNode message = messages.get(interaction.messageId);
        if (type == UPDATE_MESSAGE) {
          edit(message, data);
          interaction.responses.add(data);
          resource.set("message", message.deepCopy());
        }
        interaction.originalMessageId = interaction.messageId;
      }
      case MODAL -> {
        if (interaction.type == MODAL_SUBMIT) {
          return invalidFormBody(
              "type", "INTERACTION_TYPE_INVALID", "A modal cannot open a modal.");
        }
        interaction.modalLayout = Components.withIds(data.path("components"));
      }
      default -> {
        return invalidFormBody(
            "type", "BASE_TYPE_CHOICES", "Value must be one of (4, 5, 6, 7, 9).");
      }
    }
    interaction.acknowledgedWith = type;
    interaction.callbacks.add(new Callback(type, data));
    if (!queryFlag(query, "with_response")) {
      return Answer.noContent();
    }
    // What Discord answers with ?with_response=true; JDA reads resource.message.
    ObjectNode answer = NODES.objectNode();
    ObjectNode about = answer.putObject("interaction");
    about.put("id", interaction.id).put("type", interaction.type);
    about.putNull("activity_instance_id");
    JsonNode message = resource.path("message");
    if (message.isObject()) {
      about.put("response_message_id", message.path("id").asText());
      about.put("response_message_loading", (message.path("flags").asInt() & LOADING) != 0);
      about.put("response_message_ephemeral", (message.path("flags").asInt() & EPHEMERAL) != 0);
    }
    answer.set("resource", resource);
    return Answer.ok(answer);
  }

  // A message sent in answer to an interaction, stored like any other.
  private ObjectNode interactionMessage(Interaction interaction, JsonNode body, int flags) {
    int type = interaction.type == APPLICATION_COMMAND ? 20 : 0;
    ObjectNode message = newMessage(interaction.channelId, body, type);
    message.put("flags", flags);
    message.put("webhook_id", applicationId);
    message.put("application_id", applicationId);
    ObjectNode metadata = message.putObject("interaction_metadata");
    metadata.put("id", interaction.id).put("type", interaction.type);
    // A sent interaction may name a user the fake never saw (a fuzz test's garbage).
    ObjectNode user = users.get(interaction.userId);
    metadata.set(
        "user", user == null ? NODES.objectNode().put("id", interaction.userId) : user.deepCopy());
    metadata
        .putObject("authorizing_integration_owners")
        .put("0", interaction.inGuild ? guildId : "0");
    if (interaction.type == APPLICATION_COMMAND) {
      metadata.put("name", interaction.name).put("command_type", 1);
    } else if (interaction.messageId != null) {
      metadata.put("interacted_message_id", interaction.messageId);
    }
    messages.put(message.path("id").asText(), message);
    interaction.messageIds.add(message.path("id").asText());
    return message;
  }

  private Answer followUp(
      String application, String interactionToken, String query, JsonNode body) {
    Interaction interaction = byToken(application, interactionToken);
    if (interaction == null || interaction.acknowledgedWith == null) {
      return Answer.error(404, 10015, "Unknown Webhook");
    }
    Optional<Answer> invalid = validateMessage(body);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    ObjectNode message = interactionMessage(interaction, body, body.path("flags").asInt(0));
    interaction.responses.add(body.deepCopy());
    return queryFlag(query, "wait") ? Answer.ok(message.deepCopy()) : Answer.noContent();
  }

  private Answer webhookMessage(
      String method, String application, String interactionToken, String messageId, JsonNode body) {
    Interaction interaction = byToken(application, interactionToken);
    if (interaction == null) {
      return Answer.error(404, 10015, "Unknown Webhook");
    }
    String id = messageId.equals("@original") ? interaction.originalMessageId : messageId;
    ObjectNode message = id == null ? null : messages.get(id);
    if (message == null) {
      return Answer.error(404, 10008, "Unknown Message");
    }
    switch (method) {
      case "GET" -> {
        return Answer.ok(message.deepCopy());
      }
      case "PATCH" -> {
        edit(message, body);
        interaction.responses.add(body.deepCopy());
        return Answer.ok(message.deepCopy());
      }
      case "DELETE" -> {
        messages.remove(id);
        return Answer.noContent();
      }
      default -> {
        return notFound();
      }
    }
  }

  private Interaction byToken(String application, String interactionToken) {
    if (!application.equals(applicationId)) {
      return null;
    }
    String id = interactionsByToken.get(interactionToken);
    return id == null ? null : interactions.get(id);
  }

  // ---- REST: errors and rate limits ----------------------------------------------------------

  private Answer errorCase(int code) {
    for (JsonNode errorCase : errorCases) {
      if (errorCase.path("body").path("code").asInt() == code) {
        return new Answer(
            errorCase.path("http_status").asInt(), errorCase.path("body").deepCopy(), Map.of());
      }
    }
    throw new IllegalStateException("no error " + code + " in the error bodies");
  }

  private Answer invalidFormBody(String field, String code, String message) {
    ObjectNode body = NODES.objectNode().put("code", 50035);
    ObjectNode errors = body.putObject("errors");
    ObjectNode error = NODES.objectNode().put("code", code).put("message", message);
    if (field.equals("_errors")) {
      errors.putArray("_errors").add(error);
    } else {
      errors.putObject(field).putArray("_errors").add(error);
    }
    body.put("message", "Invalid Form Body");
    return new Answer(400, body, Map.of());
  }

  // The user-scoped 429 from Discord's docs, with this test's retry_after. No X-RateLimit-Global
  // header: JDA takes its mere presence for a global limit. A Via header, or JDA takes the 429 for
  // a Cloudflare ban.
  private Answer tooManyRequestsAnswer() {
    JsonNode example = null;
    for (JsonNode errorCase : errorCases) {
      if (errorCase.path("http_status").asInt() == 429
          && errorCase.path("headers").toString().contains("X-RateLimit-Scope: user")) {
        example = errorCase;
      }
    }
    if (example == null) {
      throw new IllegalStateException("no user-scoped 429 in the error bodies");
    }
    double seconds = tooManyRequestsRetryAfter.toMillis() / 1000.0;
    ObjectNode body = example.path("body").deepCopy();
    body.put("retry_after", seconds);
    Map<String, String> headers =
        RateLimits.tooManyRequests(
            example.path("headers"), "POST channels/{major}/messages", tooManyRequestsRetryAfter);
    return new Answer(429, body, headers);
  }

  private static void respond(HttpExchange exchange, Answer answer, Map<String, String> headers)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    // Discord's answers come through Google's load balancer; JDA reads a 429 without Via as a
    // Cloudflare ban.
    exchange.getResponseHeaders().set("Via", "1.1 google");
    if (answer.status() == 204) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    if (answer.raw() != null) {
      byte[] raw = answer.raw().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      exchange.sendResponseHeaders(answer.status(), raw.length);
      exchange.getResponseBody().write(raw);
      return;
    }
    byte[] body = JSON.writeValueAsBytes(answer.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    exchange.getResponseBody().write(body);
  }

  /** The request body: JSON, or a multipart body's payload_json with its files listed. */
  private static JsonNode body(byte[] bytes, String contentType) {
    if (contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      ObjectNode body = NODES.objectNode();
      ArrayNode files = NODES.arrayNode();
      for (MultipartForm.Part part : multipart(bytes, contentType)) {
        if (part.name().equals("payload_json")) {
          JsonNode payload = parse(part.content());
          if (payload.isObject()) {
            body.setAll((ObjectNode) payload);
          }
        } else if (part.fileName().isPresent()) {
          ObjectNode file = files.addObject().put("field", part.name());
          file.put("filename", part.fileName().get()).put("content_type", part.contentType());
          file.put("size", part.content().length);
        }
      }
      if (!files.isEmpty()) {
        body.set("files", files);
      }
      return body;
    }
    return bytes.length == 0 ? NullNode.getInstance() : parse(bytes);
  }

  private static List<MultipartForm.Part> multipart(byte[] bytes, String contentType) {
    try {
      return MultipartForm.parse(bytes, MultipartForm.boundary(contentType));
    } catch (IllegalArgumentException e) {
      throw new MalformedBodyException(e);
    }
  }

  /** A request body Discord would refuse as malformed. */
  private static final class MalformedBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedBodyException(Throwable cause) {
      super(cause);
    }
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      return node == null ? NullNode.getInstance() : node;
    } catch (IOException e) {
      throw new MalformedBodyException(e);
    }
  }

  private static boolean queryFlag(String query, String name) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      if (key.equals(name)) {
        return value.equalsIgnoreCase("true");
      }
    }
    return false;
  }

  // ---- small helpers -------------------------------------------------------------------------

  private void requireUser(String userId) {
    requireNonNull(userId, "userId == null");
    if (!users.containsKey(userId) || userId.equals(botId)) {
      throw new IllegalArgumentException("no user " + userId + "; make one with newUser()");
    }
  }

  private static ObjectNode userJson(String id, String name) {
    ObjectNode user = NODES.objectNode();
    user.put("id", id);
    user.put("username", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]", ""));
    user.put("global_name", name);
    user.put("discriminator", "0");
    user.putNull("avatar");
    user.put("public_flags", 0);
    user.put("flags", 0);
    user.putNull("banner");
    user.putNull("accent_color");
    user.putNull("avatar_decoration_data");
    return user;
  }

  private static ObjectNode publicUser(ObjectNode user) {
    ObjectNode copy = NODES.objectNode();
    for (String field :
        List.of(
            "id", "username", "global_name", "discriminator", "avatar", "bot", "public_flags")) {
      if (user.has(field)) {
        copy.set(field, user.get(field).deepCopy());
      }
    }
    return copy;
  }

  private static ArrayNode array(List<ObjectNode> nodes) {
    ArrayNode array = NODES.arrayNode();
    nodes.forEach(node -> array.add(node.deepCopy()));
    return array;
  }

  private String snowflake() {
    long now = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
    return Long.toString(lastSnowflake.updateAndGet(last -> Math.max(last + 1, now)));
  }

  // Interaction tokens are long and URL-safe, as Discord's are.
  private static String interactionToken() {
    return "aW50ZXJhY3Rpb246"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(48));
  }

  private static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
