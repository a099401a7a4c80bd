package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));

  @Test
  void noAnswerAtAllWaitsTwiceAsLongEachTime() {
    TelegramApiException timedOut = new TelegramApiException("timeout", new IOException());

    assertThat(policy.waitAfter(1, timedOut)).contains(Duration.ofMillis(500));
    assertThat(policy.waitAfter(2, timedOut)).contains(Duration.ofSeconds(1));
    assertThat(policy.waitAfter(3, timedOut)).contains(Duration.ofSeconds(2));
  }

  @Test
  void theLastTryIsTheLastWhateverWentWrong() {
    assertThat(policy.waitAfter(4, new TelegramApiException("timeout"))).isEmpty();
    assertThat(policy.waitAfter(4, answered(500, null))).isEmpty();
    assertThat(policy.waitAfter(4, answered(429, 1))).isEmpty();
  }

  @Test
  void aServerErrorIsPassingTrouble() {
    assertThat(policy.waitAfter(1, answered(502, null))).contains(Duration.ofMillis(500));
    assertThat(policy.waitAfter(2, answered(500, null))).contains(Duration.ofSeconds(1));
  }

  @Test
  void a429WaitsAsLongAsTelegramAsksUpToTheLongestWait() {
    assertThat(policy.waitAfter(1, answered(429, 7))).contains(Duration.ofSeconds(7));
    assertThat(policy.waitAfter(1, answered(429, 3_600))).contains(Duration.ofSeconds(30));
    assertThat(policy.waitAfter(1, answered(429, null))).contains(Duration.ofSeconds(1));
  }

  @Test
  void whatTelegramRefusedIsFinal() {
    for (int code : new int[] {400, 401, 403, 404, 409}) {
      assertThat(policy.waitAfter(1, answered(code, null))).as("code %d", code).isEmpty();
    }
  }

  @Test
  void theStartTriesThreeTimesOneAndThenTwoSecondsApart() {
    TelegramApiException unreachable = new TelegramApiException("refused", new IOException());

    assertThat(RetryPolicy.START.waitAfter(1, unreachable)).contains(Duration.ofSeconds(1));
    assertThat(RetryPolicy.START.waitAfter(2, unreachable)).contains(Duration.ofSeconds(2));
    assertThat(RetryPolicy.START.waitAfter(3, unreachable)).isEmpty();
  }

  private static TelegramApiRequestException answered(int code, Integer retryAfter) {
    ResponseParameters parameters = new ResponseParameters();
    parameters.setRetryAfter(retryAfter);
    return new TelegramApiRequestException(
        "refused", new ApiResponse<>(false, code, "description", parameters, null));
  }
}
