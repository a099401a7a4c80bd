package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * A post to {@code /telegram/webhook} as a whole: any method, any secret header, any body. A post
 * without the secret is refused before it is read; one with it is answered with a status Telegram
 * understands, never a 500 from an update we could not handle, and the member's answer is words.
 */
class TelegramWebhookFuzzTest {
  private static final String SECRET = "Webhook_secret-0123456789abcdef";
  private static final Set<Integer> STATUSES = Set.of(200, 400, 401, 405, 413, 503);
  private static final List<String> METHODS = List.of("POST", "POST", "POST", "GET", "PUT");

  @FuzzTest
  void anyPostIsAnsweredWithAStatusTelegramUnderstands(FuzzedDataProvider data) {
    FuzzedTelegram telegram = FuzzedTelegram.shared();
    TelegramWebhook webhook =
        new TelegramWebhook(
            SECRET,
            telegram.chat::handle,
            telegram.database.handledUpdates(),
            Clock.systemUTC(),
            Runnable::run);
    String method = data.pickValue(METHODS);
    String secret =
        switch (data.consumeInt(0, 3)) {
          case 0 -> null;
          // As a request can carry it: no line breaks, which end a header on the wire (and the
          // JDK's Headers refuses).
          case 1 -> data.consumeString(40).replaceAll("[\r\n]", "");
          default -> SECRET;
        };
    byte[] body =
        data.consumeBoolean()
            ? FuzzedTelegram.update(data).getBytes(StandardCharsets.UTF_8)
            : data.consumeRemainingAsBytes();
    Post post = new Post(method, secret, body);

    webhook.handle(post);

    assertThat(post.status).as("the status").isIn(STATUSES);
    if (!SECRET.equals(secret) && method.equals("POST")) {
      assertThat(post.status).isEqualTo(401);
      assertThat(post.bodyRead).as("a body read without the secret").isFalse();
    }
    telegram.assertSent();
  }

  /** One request, in memory: the webhook reads it and answers as over HTTP. */
  private static final class Post extends HttpExchange {
    private final String method;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final InputStream body;
    private final ByteArrayOutputStream answer = new ByteArrayOutputStream();
    int status = -1;
    boolean bodyRead;

    Post(String method, String secret, byte[] body) {
      this.method = method;
      if (secret != null) requestHeaders.add("X-Telegram-Bot-Api-Secret-Token", secret);
      requestHeaders.add("Content-Type", "application/json");
      this.body =
          new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
              bodyRead = true;
              return super.read(b, off, len);
            }

            @Override
            public synchronized int read() {
              bodyRead = true;
              return super.read();
            }
          };
    }

    @Override
    public Headers getRequestHeaders() {
      return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
      return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
      return URI.create("/telegram/webhook");
    }

    @Override
    public String getRequestMethod() {
      return method;
    }

    @Override
    public HttpContext getHttpContext() {
      return null;
    }

    @Override
    public void close() {}

    @Override
    public InputStream getRequestBody() {
      return body;
    }

    @Override
    public OutputStream getResponseBody() {
      return answer;
    }

    @Override
    public void sendResponseHeaders(int code, long length) {
      status = code;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return new InetSocketAddress("127.0.0.1", 40000);
    }

    @Override
    public int getResponseCode() {
      return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return new InetSocketAddress("127.0.0.1", 8080);
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return null;
    }

    @Override
    public void setAttribute(String name, Object value) {}

    @Override
    public void setStreams(InputStream in, OutputStream out) {}

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }
}
