package org.porchlight.core.port;

import java.time.Duration;
import org.porchlight.core.Mood;
import org.porchlight.core.Prompt;

/**
 * What happened, counted for operators' dashboards: never who, never what anyone wrote. Only the
 * platform, the kind of message and the mood are told.
 */
public interface Tally {
  /** A check-in answered (by button or in words). */
  void answered(String platform, Mood mood);

  /** Crisis language answered with the crisis lines. */
  void crisisReply(String platform);

  /** A reach-out after several rough days. */
  void reachedOut(String platform);

  /** A check-in, reminder or "the light's on" delivered, and how long the platform took. */
  void sent(String platform, Prompt prompt, Duration took);

  /** The platform asked to slow down (HTTP 429). */
  void slowedDown(String platform);

  /** A send failed and will be tried again. */
  void retried(String platform);

  /** A member turned out unreachable (blocked, DMs closed). */
  void unreachable(String platform);

  /** Counts nothing: for tests and tools. */
  Tally NONE =
      new Tally() {
        @Override
        public void answered(String platform, Mood mood) {}

        @Override
        public void crisisReply(String platform) {}

        @Override
        public void reachedOut(String platform) {}

        @Override
        public void sent(String platform, Prompt prompt, Duration took) {}

        @Override
        public void slowedDown(String platform) {}

        @Override
        public void retried(String platform) {}

        @Override
        public void unreachable(String platform) {}
      };
}
