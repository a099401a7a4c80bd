package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TooManyRequestsTest {
  @Test
  void theBodysRetryAfterIsReadWholeOrCutShort() {
    assertThat(TooManyRequests.inBody("{\"ok\":false,\"parameters\":{\"retry_after\":7}}"))
        .contains(7);
    assertThat(TooManyRequests.inBody("{\"ok\":false,\"parameters\":{\"retry_after\": 7"))
        .contains(7);
    assertThat(TooManyRequests.inBody("{\"ok\":false,\"parameters\":{\"retry_after\":\"7\"}}"))
        .contains(7);
  }

  @Test
  void aRetryAfterOnlyInTheDescriptionOrOfNoSecondsIsNoWait() {
    assertThat(TooManyRequests.inBody("{\"description\":\"Too Many Requests: retry after 7\"}"))
        .isEmpty();
    assertThat(TooManyRequests.inBody("{\"parameters\":{\"retry_after\":0}}")).isEmpty();
    assertThat(TooManyRequests.inBody("<html>429</html>")).isEmpty();
    assertThat(TooManyRequests.inBody("")).isEmpty();
  }

  @Test
  void theHeaderIsReadInSecondsNotAsADate() {
    assertThat(TooManyRequests.inHeader(" 7 ")).contains(7);
    assertThat(TooManyRequests.inHeader("Wed, 21 Oct 2026 07:28:00 GMT")).isEmpty();
    assertThat(TooManyRequests.inHeader("-3")).isEmpty();
    assertThat(TooManyRequests.inHeader(null)).isEmpty();
  }
}
