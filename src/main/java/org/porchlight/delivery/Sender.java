package org.porchlight.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Prompt;
import org.porchlight.core.Reply;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.core.port.Tally;
import org.porchlight.delivery.Messenger.Delivery;
import org.porchlight.delivery.Outbox.Letter;
import org.porchlight.runtime.Daemons;
import org.porchlight.runtime.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: threads take a few letters at a time under a lease, pace them through each
 * platform's rate limit, and say what became of each. A letter is removed only once sent; one whose
 * sender died comes back when its lease ends.
 */
public final class Sender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
  private static final Duration LEASE = Duration.ofSeconds(30);
  // A letter is not sent this close to the end of its lease: another sender may take it then.
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);
  private static final Duration IDLE = Duration.ofMillis(250);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration LONGEST_RETRY = Duration.ofHours(1);
  private static final int MAX_ATTEMPTS = 8;

  /**
   * Sent letters are removed from the outbox this many at a time: a crash repeats at most this many
   * per sending thread.
   */
  static final int CONFIRM_EVERY = 4;

  /** Puts a prompt into words for one member; empty when it is no longer worth sending. */
  public interface Composer {
    Optional<Reply> compose(Prompt prompt, Member member, LocalDate date);
  }

  /** A platform's messenger and its pace. */
  public record Channel(Messenger messenger, RateLimit limit) {}

  private final Outbox outbox;
  private final MemberStore members;
  private final Map<String, Channel> channels;
  private final Composer composer;
  private final DueCheckIns rules;
  private final Clock clock;
  private final int threads;
  private final int batchSize;
  private final ExecutorService pool;
  private final Object wake = new Object();
  private final AtomicLong sent = new AtomicLong();
  // Guarded by itself.
  private final List<Long> sentWhileTheDatabaseWasAway = new ArrayList<>();
  private volatile Tally tally = Tally.NONE;
  private volatile boolean running;

  public Sender(
      Outbox outbox,
      MemberStore members,
      List<Channel> channels,
      Composer composer,
      DueCheckIns rules,
      Clock clock,
      int threads,
      int batchSize) {
    this.outbox = outbox;
    this.members = members;
    this.channels =
        channels.stream()
            .collect(Collectors.toMap(c -> c.messenger().platform(), Function.identity()));
    this.composer = composer;
    this.rules = rules;
    this.clock = clock;
    this.threads = threads;
    this.batchSize = batchSize;
    this.pool = Executors.newFixedThreadPool(threads, Daemons.named("outbox-sender"));
  }

  public void start() {
    if (channels.isEmpty()) return;
    running = true;
    for (int i = 0; i < threads; i++) pool.execute(this::drain);
  }

  /** Lets a test call {@link #sendSome} itself, without the sending threads. */
  public void startForTests() {
    running = true;
  }

  /** Something was written to the outbox: idle senders look now rather than at their next turn. */
  public void wake() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /** How many letters this sender has sent since it started. */
  public long sentCount() {
    return sent.get();
  }

  private void drain() {
    while (running) {
      try {
        if (sendSome() == 0) {
          synchronized (wake) {
            wake.wait(IDLE.toMillis());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) return; // stopping, and the database may be closing: nothing is lost
        if (StoreUnavailable.isCause(e)) {
          // The letters wait in the outbox; the outage is said once, by whoever watches the
          // database.
          LOG.debug("the outbox waits for the database: {}", e.getMessage());
        } else {
          LOG.warn("the outbox could not be drained just now: {}", e.toString());
        }
        pauseQuietly(Duration.ofSeconds(1));
      }
    }
  }

  /** Takes one batch and sends it; returns how many letters were taken. */
  public int sendSome() throws InterruptedException {
    Instant takenAt;
    List<Letter> letters;
    // Letters sent while the database was away may have outlived their lease: they are removed
    // before any thread takes letters again, or one would be taken and sent twice.
    synchronized (sentWhileTheDatabaseWasAway) {
      confirmThoseSentWhileTheDatabaseWasAway();
      takenAt = clock.instant();
      letters = outbox.take(channels.keySet(), takenAt, LEASE, batchSize);
    }
    Instant sendBy = takenAt.plus(LEASE).minus(LEASE_MARGIN);
    List<Long> done = new ArrayList<>();
    int handled = 0;
    try {
      for (Letter letter : letters) {
        Instant now = clock.instant();
        // Closing, or the lease nearly over: the rest go back to the outbox untouched.
        if (!running || now.isAfter(sendBy)) break;
        if (send(letter, now, sendBy)) done.add(letter.id());
        handled++;
        if (done.size() >= CONFIRM_EVERY) confirm(done);
      }
    } finally {
      confirm(done);
      Instant now = clock.instant();
      try {
        letters.subList(handled, letters.size()).forEach(left -> outbox.retry(left.id(), now));
      } catch (StoreUnavailable away) {
        LOG.debug("letters not sent go back to the outbox when their lease ends");
      }
    }
    return letters.size();
  }

  /**
   * Removes {@code done} from the outbox, and empties it. When the database is away, they are kept
   * here and removed as soon as it is back, before any more are taken: a letter sent is not sent
   * again for the outage.
   */
  private void confirm(List<Long> done) {
    if (done.isEmpty()) return;
    List<Long> ids = List.copyOf(done);
    done.clear();
    try {
      outbox.sent(ids);
    } catch (RuntimeException e) {
      if (StoreUnavailable.isCause(e)) {
        synchronized (sentWhileTheDatabaseWasAway) {
          sentWhileTheDatabaseWasAway.addAll(ids);
        }
      }
      throw e;
    }
  }

  private void confirmThoseSentWhileTheDatabaseWasAway() {
    if (sentWhileTheDatabaseWasAway.isEmpty()) return;
    List<Long> ids = new ArrayList<>(sentWhileTheDatabaseWasAway);
    outbox.sent(ids); // still away: they stay, and this thread waits with the others
    sentWhileTheDatabaseWasAway.clear();
  }

  /** Sends one letter; true when it is done with (sent, or no longer worth sending). */
  private boolean send(Letter letter, Instant now, Instant sendBy) throws InterruptedException {
    Member member = letter.member();
    if (!letter.reachable()) {
      undeliverable.unreachable(letter.prompt(), member.id());
      return true;
    }
    if (!rules.stillTimely(member, letter.prompt(), letter.date(), now)) {
      // Dropped, not sent: a check-in the member never saw gets no reminder either.
      outbox.drop(letter.id());
      return false;
    }
    Channel channel = channels.get(member.id().platform());
    Duration chatWait = channel.limit().reserveChat(member.id().userId());
    if (!chatWait.isZero()) {
      outbox.retry(letter.id(), now.plus(chatWait));
      return false;
    }
    Optional<Reply> composed = composer.compose(letter.prompt(), member, letter.date());
    if (composed.isEmpty()) return true;
    Reply reply = composed.get();
    // Never wait past the lease: by then another sender may have the letter.
    Duration turn = channel.limit().acquireWithin(Duration.between(now, sendBy));
    if (!turn.isZero()) {
      outbox.retry(letter.id(), now.plus(turn));
      return false;
    }
    String platform = member.id().platform();
    // Timed by the ticker that paces the channel, so a test's fake time times it too.
    Ticker ticker = channel.limit().ticker();
    long started = ticker.nanos();
    Delivery delivery = channel.messenger().send(member.id(), reply);
    switch (delivery.status()) {
      case SENT -> {
        sent.incrementAndGet();
        tally.sent(platform, letter.prompt(), Duration.ofNanos(ticker.nanos() - started));
        return true;
      }
      case SLOW_DOWN -> {
        tally.slowedDown(platform);
        channel.limit().slowDown(delivery.retryAfter());
        outbox.retry(letter.id(), clock.instant().plus(delivery.retryAfter()));
        return false;
      }
      case UNREACHABLE -> {
        tally.unreachable(platform);
        members.setReachable(member.id(), false);
        undeliverable.unreachable(letter.prompt(), member.id());
        LOG.info(
            "a member on {} can't be reached (blocked, or messages closed): nothing more is sent"
                + " to them until they write again",
            member.id().platform());
        return true;
      }
      default -> {
        if (letter.attempts() >= MAX_ATTEMPTS) {
          LOG.warn(
              "a {} could not be sent after {} tries; dropped",
              letter.prompt().key(),
              MAX_ATTEMPTS);
          return true;
        }
        tally.retried(platform);
        outbox.retry(letter.id(), clock.instant().plus(backoff(letter.attempts())));
        return false;
      }
    }
  }

  private static Duration backoff(int attempts) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
    return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
  }

  private static void pauseQuietly(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Told of a letter that can't go because its member can't be reached. */
  public interface Undeliverable {
    void unreachable(Prompt prompt, MemberId member);
  }

  private volatile Undeliverable undeliverable = (prompt, member) -> {};

  /**
   * Tells {@code whom} of each letter dropped because its member can't be reached (blocked the bot,
   * closed their messages, left), such as a buddy's, whose member should know.
   */
  public Sender whenUnreachable(Undeliverable whom) {
    this.undeliverable = whom;
    return this;
  }

  /** Counts deliveries, slow-downs, retries and unreachable members in {@code tally}. */
  public Sender counting(Tally tally) {
    this.tally = tally;
    return this;
  }

  /** Takes no more letters from now on; returns at once. */
  public void stopTaking() {
    running = false;
  }

  /** Stops taking letters; those taken are finished or left in the outbox for the next start. */
  @Override
  public void close() {
    running = false;
    wake();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) pool.shutdownNow();
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  public Set<String> platforms() {
    return channels.keySet();
  }
}
