package org.porchlight.schedule;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.porchlight.core.Action;
import org.porchlight.core.CheckInSchedule;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.Incoming;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.core.MutableClock;
import org.porchlight.core.Prompt;
import org.porchlight.core.QuietHours;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.delivery.Messenger;
import org.porchlight.delivery.Outbox;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.TestH2;

/**
 * A month of members on the real store and the real conversation, with a fake clock: members in
 * awkward zones change their time, zone, days, quiet hours and pauses, answer or ignore, fall
 * silent and come back, while two instances sweep and send, restart, and now and then die holding
 * letters. Every promise Porchlight makes about what it sends, and when, is checked as it happens;
 * the first one broken ends the run with the seed that broke it.
 */
final class SimulatedMonth {
  static final Instant START = Instant.parse("2026-03-07T00:00:00Z");
  // Daylight saving both ways (New York 8 March, Europe 29 March, Sydney and Auckland 5 April, Lord
  // Howe by half an hour), half and quarter hours (Kolkata, Kathmandu, St John's, Chatham), and
  // either side of the date line (Tongatapu +13, Kiritimati +14, Pago Pago -11).
  static final List<ZoneId> ZONES =
      List.of(
              "UTC",
              "Europe/London",
              "Europe/Berlin",
              "America/New_York",
              "America/Los_Angeles",
              "America/St_Johns",
              "Australia/Sydney",
              "Australia/Lord_Howe",
              "Pacific/Auckland",
              "Pacific/Chatham",
              "Asia/Kolkata",
              "Asia/Kathmandu",
              "Pacific/Tongatapu",
              "Pacific/Kiritimati",
              "Pacific/Pago_Pago",
              "Pacific/Honolulu")
          .stream()
          .map(ZoneId::of)
          .toList();
  private static final ConversationOptions OPTIONS = ConversationOptions.DEFAULT;
  private static final DueCheckIns RULES = new DueCheckIns(OPTIONS);
  private static final Duration SILENCE = Duration.ofDays(OPTIONS.silentDays());
  // Turn keeps "last heard" to the hour, so that not every message costs a write.
  private static final Duration HEARD_PRECISION = Duration.ofHours(1);

  /** What a run did, for the report. */
  record Figures(
      long seed,
      int members,
      int days,
      int ticks,
      int checkIns,
      int reminders,
      int lightsOn,
      int reachOuts,
      int dropped,
      int answers,
      int changes,
      int restarts,
      int deaths) {}

  private final long seed;
  private final int memberCount;
  private final int days;
  private final Path folder;
  private final SplittableRandom random;
  private final MutableClock clock = new MutableClock(START);
  private final Map<MemberId, Model> models = new HashMap<>();
  private final List<MemberId> ids = new ArrayList<>();
  private final Ledger ledger = new Ledger();
  private final Instance[] instances = new Instance[2];
  private final ExecutorService side = Executors.newFixedThreadPool(2);
  private int ticks, answers, changes, restarts, deaths, reachOuts;

  SimulatedMonth(long seed, int memberCount, int days, Path folder) {
    this.seed = seed;
    this.memberCount = memberCount;
    this.days = days;
    this.folder = folder;
    this.random = new SplittableRandom(seed);
  }

  /** Runs the month; throws an {@link AssertionError} naming the seed at the first broken rule. */
  Figures run() throws Exception {
    try {
      instances[0] = new Instance();
      instances[1] = new Instance();
      join();
      Instant end = START.plus(Duration.ofDays(days));
      while (clock.instant().isBefore(end)) {
        ticks++;
        clock.advance(Duration.ofMinutes(10 + random.nextInt(31)));
        members();
        accidents();
        sweepAndSend();
      }
      // A day on, with no one doing anything: every letter still waiting is sent or let go.
      clock.advance(Duration.ofDays(1));
      for (Instance instance : instances) instance.sendAll();
      long left = instances[0].database.outbox().backlog().count();
      check(left == 0, "nothing waits in the outbox at the end", left + " letters are left");
      ledger.allSettled();
      return new Figures(
          seed,
          memberCount,
          days,
          ticks,
          ledger.count(Prompt.CHECK_IN),
          ledger.count(Prompt.REMINDER),
          ledger.count(Prompt.LIGHTS_ON),
          reachOuts,
          ledger.dropped,
          answers,
          changes,
          restarts,
          deaths);
    } finally {
      side.shutdownNow();
      for (Instance instance : instances) if (instance != null) instance.database.close();
    }
  }

  // ---- The members ----

  /** One member as they set themselves up, and what happened to them, as the test saw it. */
  private final class Model {
    final MemberId id;
    final double answering;
    final double roughness;
    Member settings;
    Instant lastWrote;
    boolean lightsOnSinceWriting;
    Instant silentUntil = Instant.MIN;
    final Map<LocalDate, Mood> answered = new TreeMap<>();
    final Set<LocalDate> asked = new HashSet<>();
    final Set<LocalDate> reminded = new HashSet<>();
    final List<Pending> pending = new ArrayList<>();
    Optional<LocalDate> reachedOutOn = Optional.empty();

    Model(MemberId id, Member settings) {
      this.id = id;
      this.settings = settings;
      this.lastWrote = settings.contact().lastHeardAt();
      this.answering = random.nextDouble();
      this.roughness = random.nextDouble() * 0.9;
    }

    boolean resting() {
      return lightsOnSinceWriting;
    }
  }

  private record Pending(Instant at, LocalDate date) {}

  private void join() {
    for (int i = 0; i < memberCount; i++) {
      MemberId id = new MemberId("telegram", Long.toString(10_000 + i));
      Instant joined = START.minus(Duration.ofHours(random.nextInt(24 * 6)));
      Member member =
          Member.arriving(id, "en", joined)
              .withZone(pick(ZONES))
              .withCheckInTime(someTime())
              .withDays(someDays())
              .withQuietHours(someQuietHours());
      member = member.withNextCheckInAt(CheckInSchedule.next(member, clock.instant()));
      instances[0].database.members().save(member);
      ids.add(id);
      models.put(id, new Model(id, stored(id)));
    }
  }

  private void members() throws Exception {
    Instant now = clock.instant();
    for (MemberId id : ids) {
      Model m = models.get(id);
      boolean silent = now.isBefore(m.silentUntil);
      List<Pending> due;
      synchronized (ledger) {
        due = m.pending.stream().filter(p -> !p.at().isAfter(now)).toList();
        m.pending.removeAll(due);
      }
      if (!silent) {
        for (Pending p : due) answer(m, p.date());
      }
      // About once in two weeks a member falls silent for six to eleven days.
      if (!silent && random.nextInt(14 * 24 * 6) == 0) {
        m.silentUntil = now.plus(Duration.ofHours(24 * 6 + random.nextInt(24 * 5)));
      }
      if (silent) continue;
      // About once in four days, a change of settings; about once in three, a word.
      if (random.nextInt(4 * 24 * 6) == 0) change(m);
      if (random.nextInt(3 * 24 * 6) == 0) write(m, random.nextBoolean() ? "/help" : "/history");
    }
  }

  private void answer(Model m, LocalDate date) {
    double roll = random.nextDouble();
    Mood mood = roll < m.roughness ? Mood.ROUGH : roll < 0.93 ? Mood.FINE : Mood.SKIPPED;
    LocalDate today = LocalDate.ofInstant(clock.instant(), m.settings.zoneOrUtc());
    LocalDate day = date.isAfter(today) ? today : date;
    List<Reply> replies =
        write(m, new Incoming.ButtonPress(new Action.Answer(mood, date).encode()));
    answers++;
    boolean tooOld = day.isBefore(today.minusDays(6));
    if (!tooOld) m.answered.put(day, mood);
    boolean reachedOut = replies.stream().anyMatch(r -> r.text().contains(outreachMark()));
    if (reachedOut) reachOuts++;
    boolean owed = false;
    if (mood == Mood.ROUGH && !tooOld) {
      Optional<LocalDate> run = roughRunStart(m, today);
      owed = run.isPresent() && m.reachedOutOn.filter(on -> !on.isBefore(run.get())).isEmpty();
    }
    check(
        reachedOut == owed,
        "a reach-out once per rough run",
        m.id
            + " answered "
            + mood
            + " for "
            + day
            + " on "
            + today
            + ": answers "
            + m.answered
            + ", reached out last on "
            + m.reachedOutOn
            + ", reached out now: "
            + reachedOut);
    if (reachedOut) m.reachedOutOn = Optional.of(today);
  }

  /**
   * The first day of the rough run the last two weeks' answers end with, when it is long enough:
   * skipped days neither count nor break it, a fine day ends it.
   */
  private static Optional<LocalDate> roughRunStart(Model m, LocalDate today) {
    List<Map.Entry<LocalDate, Mood>> answered =
        m.answered.entrySet().stream()
            .filter(e -> !e.getKey().isBefore(today.minusDays(13)) && !e.getKey().isAfter(today))
            .filter(e -> e.getValue() != Mood.SKIPPED)
            .toList();
    int run = 0;
    while (run < answered.size()
        && answered.get(answered.size() - 1 - run).getValue() == Mood.ROUGH) {
      run++;
    }
    if (run < OPTIONS.roughDaysInARow()) return Optional.empty();
    return Optional.of(answered.get(answered.size() - run).getKey());
  }

  private void change(Model m) throws Exception {
    changes++;
    String command =
        switch (random.nextInt(6)) {
          case 0 -> "/time " + someTime();
          case 1 -> "/timezone " + pick(ZONES).getId();
          case 2 -> "/days " + daysText(someDays());
          case 3 -> "/quiet " + someQuietHours();
          case 4 -> random.nextBoolean() ? "/pause" : "/pause " + (1 + random.nextInt(4));
          default -> "/resume";
        };
    write(m, command);
  }

  private List<Reply> write(Model m, String words) {
    Incoming incoming =
        Incoming.Command.parse(words).<Incoming>map(c -> c).orElse(new Incoming.FreeText(words));
    return write(m, incoming);
  }

  /** The member writes, to either instance; what they set is what the test holds them to. */
  private List<Reply> write(Model m, Incoming incoming) {
    Instance to = instances[random.nextInt(2)];
    List<Reply> replies = to.conversation.handle(m.id, incoming);
    synchronized (ledger) {
      m.settings = stored(m.id);
      m.lastWrote = clock.instant();
      m.lightsOnSinceWriting = false;
    }
    return replies;
  }

  private Member stored(MemberId id) {
    return instances[0].database.members().find(id).orElseThrow();
  }

  // ---- Instances ----

  private final class Instance {
    Database database;
    Conversation conversation;
    Sweeper sweeper;
    Sender sender;

    Instance() {
      open();
    }

    void open() {
      database = TestH2.open(folder, 4);
      conversation = RealConversation.on(database, clock);
      sweeper = new Sweeper(database.due(), RULES, clock, 50);
      sender =
          new Sender(
              ledger.watching(database.outbox()),
              database.members(),
              List.of(
                  new Sender.Channel(
                      new WatchedMessenger(), new RateLimit(1e6, 1e6, Ticker.SYSTEM))),
              (prompt, member, date) ->
                  java.util.Optional.of(Reply.text(prompt.key() + " " + date)),
              RULES,
              clock,
              1,
              20);
      sender.startForTests();
    }

    void restart() {
      database.close();
      open();
    }

    /** Dies holding a few letters, as a process killed before it sent them. */
    void dieHoldingLetters() {
      ledger
          .watching(database.outbox())
          .take(Set.of("telegram"), clock.instant(), Duration.ofSeconds(30), 1 + random.nextInt(5));
      restart();
    }

    void sendAll() throws InterruptedException {
      while (sender.sendSome() > 0) {}
    }
  }

  private void accidents() {
    int roll = random.nextInt(1000);
    if (roll < 2) {
      restarts++;
      instances[random.nextInt(2)].restart();
    } else if (roll < 4) {
      deaths++;
      instances[random.nextInt(2)].dieHoldingLetters();
    }
  }

  private void sweepAndSend() throws Exception {
    int roll = random.nextInt(8);
    if (roll < 2) {
      // The senders are behind: what this sweep writes goes out at the next moment, or later.
      instances[random.nextInt(2)].sweeper.sweep();
    } else if (roll < 4) {
      // Both at the same moment, on their own threads: the claims keep them apart.
      both(instance -> instance.sweeper.sweep());
      both(Instance::sendAll);
    } else {
      Instance one = instances[random.nextInt(2)];
      one.sweeper.sweep();
      one.sendAll();
    }
  }

  private interface Work {
    void on(Instance instance) throws Exception;
  }

  private void both(Work work) throws Exception {
    List<Future<Object>> running = new ArrayList<>();
    for (Instance instance : instances) {
      running.add(
          side.submit(
              () -> {
                work.on(instance);
                return null;
              }));
    }
    for (Future<Object> one : running) {
      try {
        one.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof AssertionError broken) throw broken;
        throw e;
      }
    }
  }

  // ---- What is sent, and what becomes of each letter ----

  /** The platform: checks every message as it goes out. */
  private final class WatchedMessenger implements Messenger {
    @Override
    public String platform() {
      return "telegram";
    }

    @Override
    public Delivery send(MemberId to, Reply reply) {
      String[] words = reply.text().split(" ");
      ledger.sending(to, Prompt.fromKey(words[0]), LocalDate.parse(words[1]));
      return Delivery.sent();
    }
  }

  private enum State {
    WAITING,
    TAKEN,
    SENT,
    DONE
  }

  /** Every letter the senders saw, and what became of it. */
  private final class Ledger {
    private final Map<Long, Outbox.Letter> letters = new HashMap<>();
    private final Map<Long, State> states = new HashMap<>();
    private final Map<Prompt, Integer> sent = new HashMap<>();
    int dropped;

    synchronized int count(Prompt prompt) {
      return sent.getOrDefault(prompt, 0);
    }

    Outbox watching(Outbox outbox) {
      return new Outbox() {
        @Override
        public List<Letter> take(Set<String> platforms, Instant now, Duration lease, int limit) {
          List<Letter> taken = outbox.take(platforms, now, lease, limit);
          taken(taken);
          return taken;
        }

        @Override
        public void sent(Collection<Long> ids) {
          done(ids);
          outbox.sent(ids);
        }

        @Override
        public void retry(long id, Instant notBefore) {
          back(id);
          outbox.retry(id, notBefore);
        }

        @Override
        public void drop(long id) {
          done(List.of(id));
          outbox.drop(id);
        }

        @Override
        public Backlog backlog() {
          return outbox.backlog();
        }
      };
    }

    private synchronized void taken(List<Outbox.Letter> taken) {
      for (Outbox.Letter letter : taken) {
        State before = states.get(letter.id());
        check(
            before != State.DONE && before != State.SENT,
            "no letter twice",
            "letter "
                + letter.id()
                + " ("
                + letter.prompt()
                + " "
                + letter.date()
                + ") was taken again after it was "
                + before);
        letters.put(letter.id(), letter);
        states.put(letter.id(), State.TAKEN);
      }
    }

    private synchronized void back(long id) {
      if (states.get(id) == State.TAKEN) states.put(id, State.WAITING);
    }

    private synchronized void done(Collection<Long> ids) {
      for (long id : ids) {
        State state = states.get(id);
        if (state == State.TAKEN) {
          dropped++;
          Outbox.Letter letter = letters.get(id);
          check(
              whyDropped(letter).isPresent(),
              "every letter is sent or deliberately dropped",
              letter.member().id()
                  + "'s "
                  + letter.prompt()
                  + " for "
                  + letter.date()
                  + " was dropped at "
                  + local(letter.member().id())
                  + " with no reason");
        }
        states.put(id, State.DONE);
      }
    }

    synchronized void sending(MemberId to, Prompt prompt, LocalDate date) {
      Long id =
          letters.entrySet().stream()
              .filter(e -> states.get(e.getKey()) == State.TAKEN)
              .filter(e -> e.getValue().member().id().equals(to))
              .filter(e -> e.getValue().prompt() == prompt && e.getValue().date().equals(date))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      check(id != null, "no letter twice", prompt + " " + date + " to " + to + " is no letter");
      states.put(id, State.SENT);
      sent.merge(prompt, 1, Integer::sum);
      Model m = models.get(to);
      Instant now = clock.instant();
      ZonedDateTime local = now.atZone(m.settings.zoneOrUtc());
      String who = to + " at " + local + " (" + describe(m.settings) + ")";
      check(
          !m.settings.quietHours().contains(local.toLocalTime()),
          "nothing in quiet hours",
          prompt + " for " + date + " to " + who);
      switch (prompt) {
        case CHECK_IN, REMINDER -> {
          check(
              date.equals(local.toLocalDate()),
              "a check-in only on its own day",
              prompt + " for " + date + " to " + who);
          check(
              m.settings.days().contains(date.getDayOfWeek()),
              "none on a day not chosen",
              prompt + " for " + date + " to " + who);
          check(!m.settings.isPausedOn(date), "none while paused", prompt + " to " + who);
          check(
              !m.resting(),
              "quiet after the light's on until the member writes",
              prompt + " for " + date + " to " + who);
          if (prompt == Prompt.CHECK_IN) {
            check(
                m.asked.add(date),
                "at most one check-in per member per local day",
                "a second check-in for " + date + " to " + who);
          } else {
            check(
                m.asked.contains(date) && !m.answered.containsKey(date),
                "a reminder only for an unanswered check-in",
                "reminder for " + date + " to " + who + ", answers " + m.answered.keySet());
            check(m.reminded.add(date), "at most one reminder", "for " + date + " to " + who);
          }
          // Some answer, sooner or later; some never do.
          // Drawn from the letter, not the shared generator: two senders may run side by side.
          SplittableRandom chance =
              new SplittableRandom(
                  seed ^ (to.hashCode() * 31L + date.toEpochDay()) * 7 + prompt.ordinal());
          if (chance.nextDouble() < m.answering) {
            m.pending.add(new Pending(now.plus(Duration.ofMinutes(1 + chance.nextInt(360))), date));
          }
        }
        case LIGHTS_ON -> {
          check(
              !now.isBefore(m.lastWrote.plus(SILENCE).minus(HEARD_PRECISION)),
              "the light's on only after the silent days",
              who + " last wrote " + m.lastWrote);
          check(
              !m.lightsOnSinceWriting,
              "the light's on once, then quiet until the member writes",
              who);
          m.lightsOnSinceWriting = true;
          m.pending.clear();
        }
        default -> check(false, "only check-ins, reminders and the light's on", prompt + "");
      }
    }

    /** Why a letter taken was let go without sending; empty when there is no good reason. */
    private Optional<String> whyDropped(Outbox.Letter letter) {
      if (!letter.reachable()) return Optional.of("unreachable");
      Model m = models.get(letter.member().id());
      ZonedDateTime local = clock.instant().atZone(m.settings.zoneOrUtc());
      if (m.settings.quietHours().contains(local.toLocalTime())) return Optional.of("quiet");
      return switch (letter.prompt()) {
        case CHECK_IN, REMINDER -> {
          if (!letter.date().equals(local.toLocalDate())) yield Optional.of("another day");
          if (m.settings.isPausedOn(letter.date())) yield Optional.of("paused");
          yield Optional.empty();
        }
        case LIGHTS_ON -> m.resting() ? Optional.empty() : Optional.of("wrote meanwhile");
        default -> Optional.empty();
      };
    }

    synchronized void allSettled() {
      List<Long> open =
          states.entrySet().stream()
              .filter(e -> e.getValue() != State.DONE)
              .map(Map.Entry::getKey)
              .collect(Collectors.toList());
      check(open.isEmpty(), "every letter is sent or deliberately dropped", "open: " + open);
    }
  }

  // ---- Helpers ----

  private String outreachMark;

  private String outreachMark() {
    if (outreachMark == null) {
      String step = instances[0].conversation.texts("en").get(Text.OUTREACH_STEP, "step", "");
      outreachMark = step.strip();
    }
    return outreachMark;
  }

  private String local(MemberId id) {
    return clock.instant().atZone(models.get(id).settings.zoneOrUtc()).toString();
  }

  private static String describe(Member m) {
    return m.zoneOrUtc()
        + ", at "
        + m.checkInTime().map(Object::toString).orElse("-")
        + ", "
        + daysText(m.days())
        + ", quiet "
        + m.quietHours()
        + (m.paused() ? ", paused until " + m.pausedUntil() : "");
  }

  private void check(boolean holds, String rule, String detail) {
    if (!holds) {
      throw new AssertionError(
          "seed "
              + seed
              + " broke \""
              + rule
              + "\" at "
              + clock.instant()
              + ": "
              + detail
              + "\n  replay: -Dmonth.seed="
              + seed
              + " -Dmonth.members="
              + memberCount);
    }
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private LocalTime someTime() {
    // Now and then a time the clocks skip or repeat, or one at the edge of the day.
    return switch (random.nextInt(10)) {
      case 0 -> LocalTime.of(2, 30);
      case 1 -> LocalTime.of(1, 30);
      case 2 -> LocalTime.of(23, 59);
      case 3 -> LocalTime.MIDNIGHT;
      default -> LocalTime.of(6 + random.nextInt(16), random.nextInt(60));
    };
  }

  private Set<DayOfWeek> someDays() {
    return switch (random.nextInt(4)) {
      case 0 -> EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
      case 1 -> {
        Set<DayOfWeek> some = EnumSet.noneOf(DayOfWeek.class);
        while (some.isEmpty()) {
          for (DayOfWeek day : DayOfWeek.values()) if (random.nextInt(2) == 0) some.add(day);
        }
        yield some;
      }
      default -> EnumSet.allOf(DayOfWeek.class);
    };
  }

  private static String daysText(Set<DayOfWeek> days) {
    return days.stream()
        .sorted()
        .map(d -> d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(","));
  }

  private QuietHours someQuietHours() {
    return switch (random.nextInt(4)) {
      case 0 -> QuietHours.DEFAULT;
      case 1 -> new QuietHours(LocalTime.of(0, 0), LocalTime.of(6, 0));
      default -> {
        LocalTime start = LocalTime.of(random.nextInt(24), 15 * random.nextInt(4));
        LocalTime end = start.plusMinutes(30 + 15L * random.nextInt(40));
        yield new QuietHours(start, end);
      }
    };
  }
}
