package org.porchlight.delivery;

import java.time.Instant;
import org.porchlight.core.DueCheckIns;

/**
 * Finds what is due and writes what {@link DueCheckIns} decides. Each call claims a batch so that
 * no other sweeper, in this process or another, takes the same rows, and writes the check-ins, the
 * outbox rows and the members' next check-ins in one transaction.
 */
public interface DueStore {
  /**
   * Claims up to {@code limit} members whose next check-in is at or before {@code now} and acts on
   * each: a check-in and its outbox row at most once per member and day.
   *
   * @return how many members were claimed; fewer than {@code limit} means none are left
   */
  int sweepCheckIns(Instant now, int limit, DueCheckIns rules);

  /**
   * Claims up to {@code limit} check-ins whose reminder time has come and queues each reminder that
   * {@link DueCheckIns#remindNow} still wants; each check-in is looked at once.
   *
   * @return how many check-ins were claimed
   */
  int sweepReminders(Instant now, int limit, DueCheckIns rules);

  /**
   * Claims up to {@code limit} members with reminders before meetings whose next look has come, and
   * queues each reminder {@link org.porchlight.core.DueMeetingReminders} wants: at most one per
   * member and meeting.
   *
   * @return how many members were claimed
   */
  int sweepMeetingReminders(Instant now, int limit);
}
