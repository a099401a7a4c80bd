package org.porchlight.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class DaemonsTest {
  @Test
  void threadsAreDaemonsNamedForWhoseTheyAreAndCounted() {
    ThreadFactory factory = Daemons.named("telegram-chat");

    Thread first = factory.newThread(() -> {});
    Thread second = factory.newThread(() -> {});

    assertThat(first.isDaemon()).isTrue();
    assertThat(first.getName()).isEqualTo("porchlight-telegram-chat-1");
    assertThat(second.getName()).isEqualTo("porchlight-telegram-chat-2");
  }

  @Test
  void aSingleThreadIsADaemonWithItsOwnName() {
    Thread thread = Daemons.thread("stop-deadline", () -> {});

    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.getName()).isEqualTo("porchlight-stop-deadline");
    assertThat(thread.isAlive()).isFalse();
  }
}
