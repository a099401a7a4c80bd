package org.porchlight.schedule;

import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Quartz job: sweeps due check-ins and reminders into the outbox and wakes the senders.
 * Quartz's cluster fires it on one instance at a time; claims keep it safe even if two overlap.
 */
@DisallowConcurrentExecution
public final class SweepJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

  private final Sweeper sweeper;
  private final Sender sender;

  SweepJob(Sweeper sweeper, Sender sender) {
    this.sweeper = sweeper;
    this.sender = sender;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      Sweeper.Swept swept = sweeper.sweep();
      if (swept.checkIns() + swept.reminders() > 0) {
        LOG.debug("swept {} due check-ins, {} reminders", swept.checkIns(), swept.reminders());
        sender.wake();
      }
    } catch (RuntimeException e) {
      if (stopping(context)) return; // the database may already be closing: nothing is lost
      // Nothing was claimed that is not written: the next sweep finds the same members due.
      if (StoreUnavailable.isCause(e)) {
        // Said once, by whoever watches the database.
        LOG.debug("the sweep waits for the database: {}", e.getMessage());
      } else {
        LOG.warn("the sweep failed and will run again: {}", e.toString());
      }
      throw new JobExecutionException(e, false);
    }
  }

  private static boolean stopping(JobExecutionContext context) {
    try {
      return context.getScheduler().isInStandbyMode() || context.getScheduler().isShutdown();
    } catch (SchedulerException e) {
      return true;
    }
  }
}
