package org.porchlight.discord;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * The Discord calls a thread of ours waits on, each over within its bound whatever Discord does.
 *
 * <p>Why not JDA's {@code timeout(...).complete()}: JDA looks at the timeout only while a request
 * waits for its turn (behind a rate limit). Once Discord has the request, {@code complete()} waits
 * as long as OkHttp's timeouts and JDA's own tries again last: on a 5xx four tries, on no answer
 * two reads of 10 s, a minute or more in all. Here the wait is ours and bounded.
 */
final class DiscordCalls {
  private DiscordCalls() {}

  /** No answer within the bound: the call counts as failed. The message names the call. */
  static final class NoAnswerInTime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoAnswerInTime(String call, Duration bound) {
      super(call + ": no answer from Discord within " + said(bound));
    }

    private static String said(Duration bound) {
      return bound.toMillis() % 1000 == 0 ? bound.toSeconds() + " s" : bound.toMillis() + " ms";
    }
  }

  /**
   * The answer to {@code action}, waited for at most {@code within}; past it, {@link
   * NoAnswerInTime}, and a request still waiting for its turn is not sent at all. A refusal comes
   * as JDA throws it (an {@code ErrorResponseException} keeps Discord's code).
   *
   * @param call the call as Discord's API names it, for the log
   */
  static <T> T complete(RestAction<T> action, Duration within, String call) {
    CompletableFuture<T> answer = action.timeout(within.toMillis(), TimeUnit.MILLISECONDS).submit();
    try {
      return answer.get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new NoAnswerInTime(call, within);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException(call + ": interrupted while waiting for Discord", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      // JDA's own timeout: the request was still waiting for its turn when the bound passed.
      if (cause instanceof TimeoutException) throw new NoAnswerInTime(call, within);
      if (cause instanceof RuntimeException failure) throw failure;
      if (cause instanceof Error error) throw error;
      throw new IllegalStateException(call + " failed", cause);
    }
  }
}
