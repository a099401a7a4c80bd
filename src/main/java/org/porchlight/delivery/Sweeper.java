package org.porchlight.delivery;

import java.time.Clock;
import java.time.Instant;
import org.porchlight.core.DueCheckIns;

/**
 * One sweep: claims every due check-in, reminder and reminder before a meeting, a batch at a time,
 * until none are left.
 */
public final class Sweeper {
  private final DueStore store;
  private final DueCheckIns rules;
  private final Clock clock;
  private final int batchSize;

  public Sweeper(DueStore store, DueCheckIns rules, Clock clock, int batchSize) {
    this.store = store;
    this.rules = rules;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** What one sweep claimed. */
  public record Swept(int checkIns, int reminders, int meetingReminders) {}

  public Swept sweep() {
    Instant now = clock.instant();
    int checkIns = 0;
    for (int claimed = batchSize; claimed == batchSize; checkIns += claimed) {
      claimed = store.sweepCheckIns(now, batchSize, rules);
    }
    int reminders = 0;
    for (int claimed = batchSize; claimed == batchSize; reminders += claimed) {
      claimed = store.sweepReminders(now, batchSize, rules);
    }
    int meetingReminders = 0;
    for (int claimed = batchSize; claimed == batchSize; meetingReminders += claimed) {
      claimed = store.sweepMeetingReminders(now, batchSize);
    }
    return new Swept(checkIns, reminders, meetingReminders);
  }
}
