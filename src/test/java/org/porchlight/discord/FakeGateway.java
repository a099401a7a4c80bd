package org.porchlight.discord;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Discord's gateway over {@link WebSocketConnection}: HELLO on connect, IDENTIFY and RESUME with
 * Discord's close codes, heartbeat ACKs, sequenced dispatches kept per session so a RESUME replays
 * what the client missed, op 7 and dropped connections. One bot session at a time.
 */
final class FakeGateway implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SecureRandom RANDOM = new SecureRandom();

  // GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT: not enabled for the fake's application,
  // as Porchlight's design asks for none of them.
  static final long PRIVILEGED_INTENTS = (1L << 1) | (1L << 8) | (1L << 15);

  private static final int OP_DISPATCH = 0;
  private static final int OP_HEARTBEAT = 1;
  private static final int OP_IDENTIFY = 2;
  private static final int OP_PRESENCE_UPDATE = 3;
  private static final int OP_VOICE_STATE_UPDATE = 4;
  private static final int OP_RESUME = 6;
  private static final int OP_REQUEST_GUILD_MEMBERS = 8;
  private static final int OP_REQUEST_SOUNDBOARD_SOUNDS = 31;

  /** What the gateway needs to know about the fake's world to start a session. */
  interface World {
    /** The READY {@code d} for a new session. */
    ObjectNode ready(String sessionId, String resumeGatewayUrl);

    /** One GUILD_CREATE {@code d} per guild listed in READY, shaped for these intents. */
    List<ObjectNode> guildCreates(long intents);
  }

  private record Dispatch(int seq, String frame) {}

  private static final class Session {
    final String id;
    final List<Dispatch> history = new ArrayList<>();
    int lastSeq;

    Session(String id) {
      this.id = id;
    }
  }

  /** One client connection and what it has done so far. */
  private static final class Peer {
    final WebSocketConnection socket;
    boolean authenticated;
    int heartbeats;

    Peer(WebSocketConnection socket) {
      this.socket = socket;
    }
  }

  private final String token;
  private final Duration heartbeatInterval;
  private final World world;
  private final ServerSocket server;
  private final Thread acceptor;
  private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
  private final Set<Peer> peers = ConcurrentHashMap.newKeySet();

  private final ObjectNode hello;
  private final String heartbeatAck;
  private final String reconnect;
  private final String invalidSession;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // All guarded by lock.
  private Session session;
  private Peer live;
  private boolean readyDelivered;
  private final List<ObjectNode> beforeSession = new ArrayList<>();
  private final List<String> connectTargets = new ArrayList<>();
  private final List<JsonNode> received = new ArrayList<>();
  private int identifies;
  private int resumes;
  private int heartbeatsAcked;
  private long identifyIntents = -1;
  private volatile boolean closing;

  FakeGateway(String token, Duration heartbeatInterval, DiscordPayloads payloads, World world)
      throws IOException {
    this.token = requireNonNull(token, "token == null");
    this.heartbeatInterval = requireNonNull(heartbeatInterval, "heartbeatInterval == null");
    this.world = requireNonNull(world, "world == null");
    this.hello = payloads.hello().deepCopy();
    ((ObjectNode) hello.path("d")).put("heartbeat_interval", heartbeatInterval.toMillis());
    this.heartbeatAck = payloads.heartbeatAck().toString();
    this.reconnect = payloads.reconnect().toString();
    this.invalidSession = payloads.invalidSession().toString();
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "fake-discord-gateway-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Like {@code ws://127.0.0.1:PORT/}. */
  String url() {
    return "ws://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + "/";
  }

  @Override
  public void close() {
    closing = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    for (Peer peer : peers) {
      peer.socket.abort();
    }
    join(acceptor);
    readers.forEach(FakeGateway::join);
  }

  // ---- what tests see ------------------------------------------------------------------------

  int identifies() {
    return locked(() -> identifies);
  }

  int resumes() {
    return locked(() -> resumes);
  }

  long identifyIntents() {
    return locked(() -> identifyIntents);
  }

  int heartbeatsAcked() {
    return locked(() -> heartbeatsAcked);
  }

  /** The path and query of every WebSocket the client opened, in order. */
  List<String> connectTargets() {
    return locked(() -> List.copyOf(connectTargets));
  }

  /** Every payload the client sent, in order, tokens included. */
  List<JsonNode> received() {
    return locked(() -> List.copyOf(received));
  }

  /** Waits until READY and every GUILD_CREATE went out and the client is heartbeating. */
  void awaitReady(Duration timeout) {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (!(readyDelivered && live != null && live.heartbeats > 0)) {
        if (nanos <= 0) {
          throw new AssertionError(
              "gateway not ready within "
                  + timeout
                  + ": identifies="
                  + identifies
                  + " ready="
                  + readyDelivered
                  + " connected="
                  + (live != null));
        }
        nanos = changed.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the gateway", e);
    } finally {
      lock.unlock();
    }
  }

  // ---- what tests do -------------------------------------------------------------------------

  /**
   * Sends a dispatch with the next sequence number, or keeps it for the client's RESUME when it is
   * away; before the first session it goes out right after that session's GUILD_CREATEs.
   */
  void dispatch(String type, JsonNode data) {
    requireNonNull(type, "type == null");
    requireNonNull(data, "data == null");
    lock.lock();
    try {
      if (session == null) {
        beforeSession.add(dispatchPayload(type, data, 0));
        return;
      }
      sequenceAndSend(type, data);
    } finally {
      lock.unlock();
    }
  }

  /** Sends op 7; the client should close and resume. Nothing more goes out on this connection. */
  void requestReconnect() {
    lock.lock();
    try {
      Peer peer = requireLive("request a reconnect");
      live = null;
      trySend(peer, reconnect);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Closes the client's TCP connection without a close frame. */
  void dropConnection() {
    Peer peer;
    lock.lock();
    try {
      peer = requireLive("drop the connection");
      live = null;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    peer.socket.abort();
  }

  // ---- connections ---------------------------------------------------------------------------

  private void acceptLoop() {
    while (!closing) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Thread reader = new Thread(() -> serve(socket), "fake-discord-gateway");
      reader.setDaemon(true);
      readers.add(reader);
      reader.start();
    }
  }

  private void serve(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      WebSocketConnection connection = WebSocketConnection.accept(socket).orElse(null);
      if (connection == null) {
        return;
      }
      Peer peer = new Peer(connection);
      peers.add(peer);
      lock.lock();
      try {
        connectTargets.add(connection.requestTarget());
      } finally {
        lock.unlock();
      }
      if (closing) {
        connection.abort();
      }
      lock.lock();
      try {
        trySend(peer, hello.toString());
      } finally {
        lock.unlock();
      }
      connection.readLoop(
          new WebSocketConnection.Listener() {
            @Override
            public void onText(WebSocketConnection ignored, String text) {
              onPayload(peer, text);
            }

            @Override
            public void onClosed(WebSocketConnection ignored, int code, String reason) {
              onGone(peer);
            }
          });
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Gone anyway.
      }
    } finally {
      readers.remove(Thread.currentThread());
    }
  }

  private void onGone(Peer peer) {
    peers.remove(peer);
    lock.lock();
    try {
      if (live == peer) {
        live = null;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void onPayload(Peer peer, String text) {
    JsonNode payload;
    try {
      payload = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      peer.socket.close(4002, "Error while decoding payload.");
      return;
    }
    if (payload == null || !payload.isObject() || !payload.path("op").canConvertToInt()) {
      peer.socket.close(4002, "Error while decoding payload.");
      return;
    }
    lock.lock();
    try {
      received.add(payload);
      int op = payload.path("op").asInt();
      JsonNode d = payload.path("d");
      switch (op) {
        case OP_HEARTBEAT -> {
          peer.heartbeats++;
          if (trySend(peer, heartbeatAck)) {
            heartbeatsAcked++;
          }
        }
        case OP_IDENTIFY -> identify(peer, d);
        case OP_RESUME -> resume(peer, d);
        case OP_PRESENCE_UPDATE,
            OP_VOICE_STATE_UPDATE,
            OP_REQUEST_GUILD_MEMBERS,
            OP_REQUEST_SOUNDBOARD_SOUNDS -> {
          if (!peer.authenticated) {
            peer.socket.close(4003, "Not authenticated.");
          }
        }
        default -> peer.socket.close(4001, "Unknown opcode.");
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void identify(Peer peer, JsonNode d) {
    if (peer.authenticated) {
      peer.socket.close(4005, "Already authenticated.");
      return;
    }
    if (!token.equals(d.path("token").asText())) {
      peer.socket.close(4004, "Authentication failed.");
      return;
    }
    long intents = d.path("intents").asLong(0);
    identifies++;
    identifyIntents = intents;
    if ((intents & PRIVILEGED_INTENTS) != 0) {
      peer.socket.close(4014, "Disallowed intent(s).");
      return;
    }
    if (live != null && live != peer) {
      live.socket.abort();
    }
    peer.authenticated = true;
    live = peer;
    readyDelivered = false;
    session = new Session(HexFormat.of().formatHex(randomBytes(16)));
    sequenceAndSend("READY", world.ready(session.id, url()));
    for (ObjectNode guild : world.guildCreates(intents)) {
      sequenceAndSend("GUILD_CREATE", guild);
    }
    for (ObjectNode early : beforeSession) {
      sequenceAndSend(early.path("t").asText(), early.path("d"));
    }
    beforeSession.clear();
    readyDelivered = true;
  }

  private void resume(Peer peer, JsonNode d) {
    if (!token.equals(d.path("token").asText())) {
      peer.socket.close(4004, "Authentication failed.");
      return;
    }
    if (session == null || !session.id.equals(d.path("session_id").asText())) {
      // d:false, the client must IDENTIFY again.
      trySend(peer, invalidSession);
      return;
    }
    long seq = d.path("seq").asLong(-1);
    if (seq < 0 || seq > session.lastSeq) {
      peer.socket.close(4007, "Invalid seq.");
      return;
    }
    resumes++;
    if (live != null && live != peer) {
      live.socket.abort();
    }
    peer.authenticated = true;
    live = peer;
    for (Dispatch missed : session.history) {
      if (missed.seq() > seq && !trySend(peer, missed.frame())) {
        return;
      }
    }
    // RESUMED takes a sequence number but is never replayed itself.
    int resumedSeq = ++session.lastSeq;
    ObjectNode data = NODES.objectNode();
    data.putArray("_trace").add("[\"gateway-prd-fake\",{\"micros\":0.0}]");
    trySend(peer, dispatchPayload("RESUMED", data, resumedSeq).toString());
  }

  // Call with the lock held.
  private void sequenceAndSend(String type, JsonNode data) {
    int seq = ++session.lastSeq;
    String frame = dispatchPayload(type, data, seq).toString();
    session.history.add(new Dispatch(seq, frame));
    if (live != null) {
      trySend(live, frame);
    }
  }

  // Call with the lock held. A connection that fails to take a frame is no longer live; what it
  // missed stays in the history for its RESUME.
  private boolean trySend(Peer peer, String frame) {
    try {
      peer.socket.sendText(frame);
      return true;
    } catch (IOException e) {
      if (live == peer) {
        live = null;
      }
      peer.socket.abort();
      return false;
    }
  }

  private Peer requireLive(String what) {
    if (live == null) {
      throw new IllegalStateException("cannot " + what + ": no client session is connected");
    }
    return live;
  }

  private static ObjectNode dispatchPayload(String type, JsonNode data, int seq) {
    ObjectNode payload = NODES.objectNode();
    payload.put("t", type);
    if (seq > 0) {
      payload.put("s", seq);
    } else {
      payload.putNull("s");
    }
    payload.put("op", OP_DISPATCH);
    payload.set("d", data.deepCopy());
    return payload;
  }

  private <T> T locked(Supplier<T> read) {
    lock.lock();
    try {
      return read.get();
    } finally {
      lock.unlock();
    }
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static void join(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
