package org.porchlight.discord;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of one RFC 6455 WebSocket: the HTTP Upgrade handshake, masked client frames
 * (fragmented or not, with control frames between the fragments), ping and pong, the close
 * handshake with codes, and unmasked text frames from the server. No extensions are negotiated, so
 * nothing is compressed.
 */
final class WebSocketConnection {
  /** What the connection tells its owner; called on the thread that runs {@link #readLoop}. */
  interface Listener {
    void onText(WebSocketConnection connection, String text);

    /** The connection is gone: {@code code} 1006 when it ended without a close frame. */
    void onClosed(WebSocketConnection connection, int code, String reason);
  }

  // RFC 6455, section 1.3.
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int MAX_HANDSHAKE_BYTES = 16 * 1024;
  private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  // How long the server waits for the client's answer to its close frame before hanging up.
  private static final int CLOSE_ANSWER_TIMEOUT_MILLIS = 2_000;

  private static final int CONTINUATION = 0x0;
  private static final int TEXT = 0x1;
  private static final int BINARY = 0x2;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;

  static final int NORMAL_CLOSURE = 1000;
  static final int PROTOCOL_ERROR = 1002;
  static final int UNSUPPORTED_DATA = 1003;
  static final int NO_STATUS = 1005;
  static final int ABNORMAL_CLOSURE = 1006;
  static final int INVALID_PAYLOAD = 1007;
  static final int MESSAGE_TOO_BIG = 1009;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final String requestTarget;
  private final Object writeLock = new Object();
  private volatile boolean closeSent;
  private volatile boolean closed;

  private WebSocketConnection(Socket socket, DataInputStream in, String requestTarget)
      throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.requestTarget = requestTarget;
  }

  /**
   * Reads the client's Upgrade request and answers it: 101 with the {@code Sec-WebSocket-Accept}
   * the key asks for, or an HTTP error (then the socket is closed and empty is returned).
   */
  static Optional<WebSocketConnection> accept(Socket socket) throws IOException {
    InputStream raw = new BufferedInputStream(socket.getInputStream());
    String head = readHead(raw);
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    OutputStream out = socket.getOutputStream();
    String key = headers.getOrDefault("sec-websocket-key", "");
    if (requestLine.length != 3 || !requestLine[0].equals("GET")) {
      refuse(socket, out, "405 Method Not Allowed", "");
      return Optional.empty();
    }
    if (!headerHasToken(headers, "upgrade", "websocket")
        || !headerHasToken(headers, "connection", "upgrade")
        || !isKey(key)) {
      refuse(socket, out, "400 Bad Request", "");
      return Optional.empty();
    }
    if (!"13".equals(headers.get("sec-websocket-version"))) {
      refuse(socket, out, "426 Upgrade Required", "Sec-WebSocket-Version: 13\r\n");
      return Optional.empty();
    }
    String answer =
        "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + acceptFor(key)
            + "\r\n\r\n";
    out.write(answer.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return Optional.of(new WebSocketConnection(socket, new DataInputStream(raw), requestLine[1]));
  }

  /** The path and query the client asked for, like {@code /?encoding=json&v=10}. */
  String requestTarget() {
    return requestTarget;
  }

  boolean isOpen() {
    return !closed && !closeSent;
  }

  /** Sends one unmasked, unfragmented text frame. */
  void sendText(String text) throws IOException {
    if (!isOpen()) {
      throw new SocketException("WebSocket is closing");
    }
    writeFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Starts the close handshake: sends a close frame; the connection ends when the client answers
   * with its own, or after a short wait.
   */
  void close(int code, String reason) {
    if (closeSent || closed) {
      return;
    }
    closeSent = true;
    try {
      socket.setSoTimeout(CLOSE_ANSWER_TIMEOUT_MILLIS);
      writeFrame(CLOSE, closePayload(code, reason));
    } catch (IOException e) {
      abort();
    }
  }

  /** Ends the TCP connection at once, with no close frame: a dropped connection. */
  void abort() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already gone.
    }
  }

  /** Reads frames until the connection ends; returns after {@link Listener#onClosed}. */
  void readLoop(Listener listener) {
    ByteArrayOutputStream message = null;
    int code = ABNORMAL_CLOSURE;
    String reason = "";
    try {
      while (true) {
        int first = in.read();
        if (first < 0) {
          break;
        }
        int second = in.readUnsignedByte();
        boolean fin = (first & 0x80) != 0;
        int reserved = first & 0x70;
        int opcode = first & 0x0F;
        boolean masked = (second & 0x80) != 0;
        long length = second & 0x7F;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        // A client must mask every frame, and may not use bits no extension gave a meaning.
        if (!masked || reserved != 0 || length < 0) {
          failWith(PROTOCOL_ERROR, "bad frame header");
          break;
        }
        boolean control = (opcode & 0x8) != 0;
        if (control && (!fin || length > 125)) {
          failWith(PROTOCOL_ERROR, "bad control frame");
          break;
        }
        if (length > MAX_MESSAGE_BYTES
            || (message != null && message.size() + length > MAX_MESSAGE_BYTES)) {
          failWith(MESSAGE_TOO_BIG, "message too big");
          break;
        }
        byte[] mask = new byte[4];
        in.readFully(mask);
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i & 3];
        }
        switch (opcode) {
          case TEXT, BINARY -> {
            if (message != null) {
              failWith(PROTOCOL_ERROR, "new message inside a fragmented one");
              return;
            }
            if (opcode == BINARY) {
              failWith(UNSUPPORTED_DATA, "binary messages are not supported");
              return;
            }
            message = new ByteArrayOutputStream();
            message.write(payload);
          }
          case CONTINUATION -> {
            if (message == null) {
              failWith(PROTOCOL_ERROR, "continuation without a message");
              return;
            }
            message.write(payload);
          }
          case PING -> writeFrame(PONG, payload);
          case PONG -> {}
          case CLOSE -> {
            code =
                payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : NO_STATUS;
            reason =
                payload.length > 2
                    ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                    : "";
            if (!closeSent) {
              // Echo the client's code, as RFC 6455 section 5.5.1 asks.
              closeSent = true;
              writeFrame(CLOSE, payload.length >= 2 ? closePayload(code, "") : new byte[0]);
            }
            return;
          }
          default -> {
            failWith(PROTOCOL_ERROR, "unknown opcode " + opcode);
            return;
          }
        }
        if (fin && !control && message != null) {
          byte[] bytes = message.toByteArray();
          message = null;
          String text;
          try {
            text =
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
          } catch (CharacterCodingException e) {
            failWith(INVALID_PAYLOAD, "text is not UTF-8");
            return;
          }
          listener.onText(this, text);
        }
      }
    } catch (EOFException | SocketException e) {
      // The client went away without a close frame, or the server dropped it.
    } catch (IOException e) {
      // Includes a client that never answered our close frame.
    } finally {
      abort();
      listener.onClosed(this, code, reason);
    }
  }

  private void failWith(int code, String reason) {
    close(code, reason);
    abort();
  }

  private void writeFrame(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(payload.length);
    } else if (payload.length <= 0xFFFF) {
      frame.write(126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    } else {
      frame.write(127);
      long length = payload.length;
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (length >>> shift) & 0xFF);
      }
    }
    frame.write(payload);
    synchronized (writeLock) {
      out.write(frame.toByteArray());
      out.flush();
    }
  }

  private static byte[] closePayload(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + Math.min(text.length, 123)];
    payload[0] = (byte) (code >>> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, payload.length - 2);
    return payload;
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int next = in.read();
      if (next < 0) {
        throw new EOFException("connection closed during the handshake");
      }
      if (head.size() >= MAX_HANDSHAKE_BYTES) {
        throw new IOException("handshake too long");
      }
      head.write(next);
      matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static boolean headerHasToken(Map<String, String> headers, String name, String token) {
    String value = headers.get(name);
    if (value == null) {
      return false;
    }
    for (String part : value.split(",")) {
      if (part.trim().equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKey(String key) {
    try {
      return Base64.getDecoder().decode(key).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static String acceptFor(String key) {
    requireNonNull(key, "key == null");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  private static void refuse(Socket socket, OutputStream out, String status, String extraHeaders)
      throws IOException {
    String answer =
        "HTTP/1.1 "
            + status
            + "\r\n"
            + extraHeaders
            + "Content-Length: 0\r\nConnection: close\r\n\r\n";
    out.write(answer.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    socket.close();
  }
}
