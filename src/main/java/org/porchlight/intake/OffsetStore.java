package org.porchlight.intake;

import java.util.OptionalLong;

/**
 * How far each source of updates has been handled (the last Telegram update id, say), so that a
 * restart neither loses nor repeats updates.
 */
public interface OffsetStore {
  /** The last update id handled from {@code source}, if any. */
  OptionalLong lastHandled(String source);

  /** Records that every update up to {@code updateId} from {@code source} has been handled. */
  void handled(String source, long updateId);
}
