package org.porchlight.schedule;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.runtime.Daemons;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check-ins on time: a clustered Quartz scheduler, its job store in Porchlight's own database, runs
 * one sweeping job every few seconds; the senders drain the outbox. Any number of instances can run
 * on one PostgreSQL database. There is no trigger per member: one job finds everyone due.
 */
public final class Scheduling implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduling.class);
  // Every instance shares this name: it is what makes them one Quartz cluster.
  private static final String CLUSTER = "porchlight";
  private static final JobKey SWEEP = JobKey.jobKey("sweep", CLUSTER);
  private static final Duration SWEEP_FINISHES_WITHIN = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final Sweeper sweeper;
  private final Sender sender;
  private final Duration every;
  private Scheduler scheduler;

  public Scheduling(DataSource dataSource, Sweeper sweeper, Sender sender, Duration every) {
    this.dataSource = dataSource;
    this.sweeper = sweeper;
    this.sender = sender;
    this.every = every;
  }

  /** Starts sweeping and sending. */
  public void start() {
    String instance = instanceId();
    String connections = "porchlight-" + instance;
    DBConnectionManager.getInstance()
        .addConnectionProvider(connections, new QuartzConnections(dataSource));
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", CLUSTER);
    properties.setProperty("org.quartz.scheduler.instanceId", instance);
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.threadPool.threadCount", "1");
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", "sweep");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    properties.setProperty("org.quartz.jobStore.driverDelegateClass", delegate());
    properties.setProperty("org.quartz.jobStore.dataSource", connections);
    properties.setProperty("org.quartz.jobStore.isClustered", "true");
    properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    properties.setProperty("org.quartz.jobStore.misfireThreshold", "10000");
    try {
      scheduler = new StdSchedulerFactory(properties).getScheduler();
      // Quartz keeps schedulers by name, one per name in a JVM; ours is found through this object.
      SchedulerRepository.getInstance().remove(CLUSTER);
      scheduler.setJobFactory((bundle, owner) -> new SweepJob(sweeper, sender));
      JobDetail job = newJob(SweepJob.class).withIdentity(SWEEP).storeDurably().build();
      Trigger trigger =
          newTrigger()
              .withIdentity("sweep", CLUSTER)
              .forJob(job)
              .startNow()
              .withSchedule(
                  simpleSchedule()
                      .withIntervalInMilliseconds(every.toMillis())
                      .repeatForever()
                      .withMisfireHandlingInstructionNextWithRemainingCount())
              .build();
      // Every instance stores the same job and trigger; replacing keeps the interval current.
      scheduler.scheduleJob(job, Set.of(trigger), true);
      sender.start();
      scheduler.start();
      LOG.debug(
          "check-ins: sweeping every {} s, sending on {}", every.toSeconds(), sender.platforms());
    } catch (SchedulerException e) {
      throw new IllegalStateException("the scheduler could not start: " + e.getMessage(), e);
    }
  }

  private String delegate() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("postgres")
          ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
          : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
    } catch (SQLException e) {
      throw new IllegalStateException("the database could not be reached", e);
    }
  }

  private static String instanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "host";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * The process is about to end: no new sweeps, no new sends, at once and without waiting. What is
   * unsent stays in the outbox for the next start.
   */
  public void stopTaking() {
    sender.stopTaking();
    try {
      if (scheduler != null) scheduler.standby();
    } catch (SchedulerException e) {
      LOG.debug("the scheduler did not pause: {}", e.toString());
    }
  }

  /**
   * Stops sweeping, lets a running sweep finish, and stops the senders. A sweep that can't finish
   * (Quartz retrying to note it done, with the database away) is waited for only {@link
   * #SWEEP_FINISHES_WITHIN}: what it claimed is written, or it is swept again at the next start.
   */
  @Override
  public void close() {
    if (scheduler != null) {
      Thread stopping =
          Daemons.thread(
              "sweep-stop",
              () -> {
                try {
                  scheduler.shutdown(true);
                } catch (SchedulerException e) {
                  LOG.warn("the scheduler did not stop cleanly: {}", e.toString());
                }
              });
      stopping.start();
      try {
        stopping.join(SWEEP_FINISHES_WITHIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (stopping.isAlive()) {
        LOG.info(
            "the sweep under way did not finish within {} s (the database away?); it ends with"
                + " the process",
            SWEEP_FINISHES_WITHIN.toSeconds());
      }
    }
    sender.close();
  }
}
