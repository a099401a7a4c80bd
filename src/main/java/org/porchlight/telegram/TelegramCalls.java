package org.porchlight.telegram;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.porchlight.runtime.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The Bot API's calls, each over within its deadline whatever the server does, and each telling an
 * answer the library could not read apart from no answer at all.
 *
 * <p>Why not the library's {@code execute}: it waits on its future with no limit, and its OkHttp
 * callback completes that future only for the failures it expects. Anything else while reading an
 * answer (a {@code NullPointerException} on a body without {@code ok}, say) escapes to OkHttp's
 * thread and the future is never completed, so the caller waited for good. Here the wait is ours
 * and bounded, and an {@link EventListener} sees each call's HTTP status and its end: a call whose
 * exchange ended with no result from the library was dropped by it, and is said so at once.
 *
 * <p>A 429 is read by us as it passes ({@link TooManyRequests}) and is always a {@link
 * TelegramApiRequestException} with code 429 and the wait it asked for, whatever the library made
 * of its body: a 429 it could not read would otherwise be tried again on a schedule of our own,
 * sooner or later than Telegram asked.
 */
final class TelegramCalls {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramCalls.class);

  /** Beyond the client's own call timeout, how long the wait for the library's answer may take. */
  static final Duration MARGIN = Duration.ofSeconds(5);

  // How long after its exchange ended the library's answer may still come.
  // Long enough for a busy machine: at 1 s, a 429 read a little late under a loaded build was
  // taken for an unreadable one, and its wait was lost.
  private static final Duration DROPPED = Duration.ofSeconds(3);

  /**
   * An answer that came back but could not be read: the HTTP {@code status} alone says what it was.
   * A 2xx means the server took the call.
   */
  static final class UnreadableAnswer extends TelegramApiException {
    private static final long serialVersionUID = 1L;
    private final int status;

    UnreadableAnswer(String method, int status) {
      super(method + ": an answer with HTTP status " + status + " that could not be read");
      this.status = status;
    }

    int status() {
      return status;
    }

    /** The server answered 2xx: it took the call, whatever the body said. */
    boolean delivered() {
      return status >= 200 && status < 300;
    }
  }

  /** No answer within the deadline: the call counts as failed. */
  static final class NoAnswerInTime extends TelegramApiException {
    private static final long serialVersionUID = 1L;

    NoAnswerInTime(String method, Duration deadline) {
      super(method + ": no answer within " + deadline.toSeconds() + " s");
    }
  }

  // Set by the calling thread around executeAsync, which creates the OkHttp call on that thread:
  // how each call's events find the exchange that waits for them.
  private static final ThreadLocal<Exchange> STARTING = new ThreadLocal<>();

  private final OkHttpClient http;
  private final OkHttpTelegramClient client;
  private final long waitMillis;
  private final Duration deadline;

  /**
   * @param callTimeout how long OkHttp lets one call take, connecting and reading included; the
   *     wait for the library ends {@link #MARGIN} after it (and 3 s more for an answer that came
   *     but that the library dropped)
   */
  TelegramCalls(String token, TelegramUrl url, Duration callTimeout) {
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .callTimeout(callTimeout)
            .readTimeout(callTimeout)
            .eventListenerFactory(TelegramCalls::listenerFor)
            .addNetworkInterceptor(TelegramCalls::readTooManyRequests)
            .dispatcher(new Dispatcher(new QuietPool()))
            .build();
    this.client = new OkHttpTelegramClient(http, token, url);
    this.waitMillis = callTimeout.plus(MARGIN).toMillis();
    this.deadline = callTimeout.plus(MARGIN).plus(DROPPED);
  }

  /** How long a call may keep its caller waiting at most. */
  Duration deadline() {
    return deadline;
  }

  <T extends Serializable> T execute(BotApiMethod<T> method) throws TelegramApiException {
    return await(method.getMethod(), () -> client.executeAsync(method));
  }

  Boolean execute(SetWebhook setWebhook) throws TelegramApiException {
    return await(setWebhook.getMethod(), () -> client.executeAsync(setWebhook));
  }

  Message execute(SendDocument document) throws TelegramApiException {
    return await(document.getMethod(), () -> client.executeAsync(document));
  }

  /** Ends the calls in flight and the client's threads. */
  void close() {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private interface Start<T> {
    CompletableFuture<T> start() throws TelegramApiException;
  }

  private <T> T await(String method, Start<T> start) throws TelegramApiException {
    Exchange exchange = new Exchange();
    CompletableFuture<T> answer;
    STARTING.set(exchange);
    try {
      answer = start.start();
    } catch (RuntimeException e) {
      throw new TelegramApiException(method + " could not be sent", e);
    } finally {
      STARTING.remove();
    }
    try {
      CompletableFuture.anyOf(answer, exchange.ended).get(waitMillis, TimeUnit.MILLISECONDS);
      ResponseParameters asked = exchange.tooManyRequests;
      if (asked != null && !answer.isDone()) {
        // Its wait is read already: the library, which may never read the body, is not waited for.
        exchange.cancel();
        throw TooManyRequests.refusal(method, asked);
      }
      // OkHttp ends the exchange as the body is read, a moment before the library completes its
      // future from what it read; one not complete a moment later never will be.
      try {
        return answer.get(DROPPED.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException dropped) {
        exchange.cancel();
        if (!exchange.ended.isDone()) throw dropped;
        throw new UnreadableAnswer(method, exchange.status);
      }
    } catch (TimeoutException e) {
      exchange.cancel();
      throw new NoAnswerInTime(method, deadline);
    } catch (InterruptedException e) {
      exchange.cancel();
      Thread.currentThread().interrupt();
      throw new TelegramApiException(method + " was interrupted", e);
    } catch (ExecutionException e) {
      throw failure(method, exchange, e.getCause());
    }
  }

  private static TelegramApiException failure(String method, Exchange exchange, Throwable cause) {
    ResponseParameters asked = exchange.tooManyRequests;
    if (asked != null) return TooManyRequests.refusal(method, asked);
    if (cause instanceof TelegramApiRequestException refused
        && refused.getCause() != null
        && (refused.getErrorCode() == null || refused.getErrorCode() == 0)
        && exchange.status != 0) {
      // The library's "Unable to deserialize response": only the HTTP status is known.
      return new UnreadableAnswer(method, exchange.status);
    }
    if (cause instanceof TelegramApiException known) return known;
    return new TelegramApiException(method + " failed", cause);
  }

  private static Response readTooManyRequests(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() == 429 && chain.getEventListener() instanceof Exchange exchange) {
      // Set before the library gets the answer, so before it can fail on it.
      exchange.tooManyRequests = TooManyRequests.askedBy(response);
    }
    return response;
  }

  private static EventListener listenerFor(Call call) {
    Exchange exchange = STARTING.get();
    if (exchange == null) return EventListener.NONE;
    exchange.call = call;
    return exchange;
  }

  /**
   * OkHttp's threads, where the library's callback runs. What escapes that callback would end as an
   * uncaught exception with a stack trace; its call is already reported to the caller, as dropped.
   */
  private static final class QuietPool extends ThreadPoolExecutor {
    QuietPool() {
      super(
          0,
          Integer.MAX_VALUE,
          60,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          Daemons.named("telegram-http"));
    }

    @Override
    public void execute(Runnable task) {
      super.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException | LinkageError | AssertionError e) {
              LOG.debug("the Bot API client failed on an answer: {}", e.toString());
            }
          });
    }
  }

  /**
   * One call as OkHttp sees it: its status once the headers are in, what a 429 asked, and when it
   * is over.
   */
  private static final class Exchange extends EventListener {
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    volatile Call call;
    volatile int status;
    // Null unless the answer was a 429.
    volatile ResponseParameters tooManyRequests;

    @Override
    public void responseHeadersEnd(Call call, Response response) {
      status = response.code();
    }

    @Override
    public void callEnd(Call call) {
      ended.complete(null);
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
      ended.complete(null);
    }

    void cancel() {
      Call started = call;
      if (started != null) started.cancel();
    }
  }
}
