package org.porchlight.bench;

import static org.porchlight.bench.Report.atLeast;
import static org.porchlight.bench.Report.below;
import static org.porchlight.bench.Report.zero;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;
import org.porchlight.core.Action;
import org.porchlight.core.DueCheckIns;
import org.porchlight.core.Mood;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.reading.Meaning;
import org.porchlight.delivery.Messenger;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Sweeper;
import org.porchlight.runtime.Ticker;
import org.porchlight.schedule.Scheduling;
import org.porchlight.schedule.Seed;
import org.porchlight.store.Database;
import org.porchlight.telegram.FakeBotApi;
import org.porchlight.telegram.Pause;
import org.porchlight.telegram.TelegramBot;
import org.porchlight.testing.RealConversation;
import org.porchlight.understanding.SentenceMeaning;

/**
 * The scheduling and delivery pipeline at the size of the design's targets, on the embedded H2
 * database and the shipped defaults (sweep every 5 s, 500 members a claim, 8 senders taking 20
 * letters at a time, 8 Telegram workers). Not a test: {@code ./mvnw -Pbench verify} runs it, prints
 * a table and writes {@code target/bench/results.json}; a missed target is reported, not failed.
 * BENCHMARKS.md says what each figure means.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryBenchmark {
  private static final Path OUT = Path.of("target", "bench");
  private static final String TOKEN = "123456:BENCH-token-for-the-fake-bot-api-0123456789";
  private static final String TELEGRAM = "telegram";

  private static final int MEMBERS = 100_000;
  private static final Duration DUE_WINDOW = Duration.ofMinutes(1);
  // The platform's limit in the fan-out, and the fake's burst above it, as Telegram allows a few.
  private static final int LIMIT = 1_000;
  private static final int BURST = 50;
  // Letters a sender takes at a time, as app.Porchlight has it.
  private static final int SEND_BATCH = 20;
  private static final int SWEEP_WARM_UP = 5_000;
  // The compiler takes tens of thousands of answers to settle on this path on two cores.
  private static final int WARM_UP_UPDATES = 30_000;
  // Then answers come in rounds; the median is the figure, as one round may meet a busy machine.
  private static final int UPDATES = 10_000;
  private static final int UPDATE_ROUNDS = 5;
  private static final int DUE_IN_THE_JAR = 10_000;
  private static final int STARTS = 3;
  // A run this long without progress has stalled: what was reached is reported.
  private static final Duration STALL = Duration.ofSeconds(60);

  /**
   * The JVM flags the jar is measured with: none, a small heap with the serial collector, and that
   * with the quick (C1) compiler only, which needs less memory for compiling and compiled code.
   */
  private static final Map<String, List<String>> JVM_FLAGS = new LinkedHashMap<>();

  static {
    JVM_FLAGS.put("default", List.of());
    JVM_FLAGS.put("serial96", List.of("-XX:+UseSerialGC", "-Xmx96m"));
    JVM_FLAGS.put("serial96c1", List.of("-XX:+UseSerialGC", "-Xmx96m", "-XX:TieredStopAtLevel=1"));
  }

  private static final Settings DEFAULTS = Settings.defaults();
  private static final DueCheckIns RULES = new DueCheckIns(ConfigLoader.options(DEFAULTS));
  private static final Clock CLOCK = Clock.systemUTC();

  private final Report report = new Report();

  @BeforeAll
  void emptyOutputFolder() throws IOException {
    if (Files.exists(OUT)) {
      try (Stream<Path> old = Files.walk(OUT)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
      }
    }
    Files.createDirectories(OUT);
    progress(
        "fake Bot API answers without Nagle's delay: %s",
        System.getProperty("sun.net.httpserver.nodelay", "false"));
  }

  @AfterAll
  void writeResults() {
    Path results = OUT.resolve("results.json");
    report.write(results, LocalDate.now(ZoneOffset.UTC), Machine.describe());
    System.out.println();
    System.out.println("Porchlight benchmarks (" + Machine.describe() + ")");
    System.out.print(report.table());
    System.out.println("Written to " + results);
  }

  // ---- the jar, first, while the machine is quiet ---------------------------------------------

  @Test
  @Order(0)
  void theJarWithAHundredThousandMembers() throws Exception {
    Path jar = Path.of(System.getProperty("porchlight.jar", "target/porchlight.jar"));
    Path template = OUT.resolve("jar-template").resolve("data");
    try (Database database = Database.open(jdbcUrl(template), "", "", 2)) {
      // Asked daily at this time of day, next tomorrow: nobody is due when the jar starts.
      Seed.dueMembers(
          database.dataSource(), TELEGRAM, 1, MEMBERS, awayFromMidnight().plus(Duration.ofDays(1)));
    }
    for (Map.Entry<String, List<String>> flags : JVM_FLAGS.entrySet()) {
      measureJar(jar, template, flags.getKey(), flags.getValue());
    }
  }

  private void measureJar(Path jar, Path template, String name, List<String> flags)
      throws Exception {
    Path folder = OUT.resolve("jar-" + name);
    Path data = folder.resolve("data");
    copyFolder(template, data);
    Files.createDirectories(folder.resolve("config"));
    Files.writeString(
        folder.resolve("config").resolve("porchlight.yaml"),
        "telegram:\n  messagesPerSecond: " + LIMIT + "\n  messagesPerSecondPerChat: 1\n",
        StandardCharsets.UTF_8);
    try (FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      telegram.limitMessages(LIMIT, BURST);
      Map<String, String> env =
          Map.of(
              "TELEGRAM_BOT_TOKEN", TOKEN,
              "PORCHLIGHT_TELEGRAM_API_URL", telegram.baseUrl(),
              "PORCHLIGHT_DATA_DIR", data.toAbsolutePath().toString());
      // Started and stopped a few times: a single start is at the mercy of the rest of the machine.
      List<Double> starts = new ArrayList<>();
      for (int i = 0; i < STARTS; i++) {
        settle();
        try (JarRun run = JarRun.launch(jar, folder, flags, env)) {
          starts.add(round(run.awaitReady(Duration.ofSeconds(60)).toNanos() / 1e9, 2));
        }
      }
      double start = percentile(starts, 0.5);

      settle();
      try (JarRun run = JarRun.launch(jar, folder, flags, env)) {
        run.awaitReady(Duration.ofSeconds(60));
        Thread.sleep(5_000);
        long settledKb = run.residentKb();

        // Then some work: members due now, swept and sent at the limit, while memory is watched.
        makeDue(jdbcUrl(data), DUE_IN_THE_JAR);
        long sampledKb = settledKb;
        Duration cpuBefore = run.cpuTime();
        long lastProgress = System.nanoTime();
        int sent = 0;
        while (run.isAlive() && System.nanoTime() - lastProgress < STALL.toNanos()) {
          sampledKb = Math.max(sampledKb, run.residentKb());
          int now = telegram.sent().size();
          if (now != sent) lastProgress = System.nanoTime();
          sent = now;
          if (sent >= DUE_IN_THE_JAR) break;
          Thread.sleep(100);
        }
        long peakKb = Math.max(sampledKb, run.peakResidentKb());
        double cpuSeconds = run.cpuTime().minus(cpuBefore).toMillis() / 1e3;

        // The default flags give the figures the targets name; every set has its details.
        boolean byDefault = name.equals("default");
        String prefix = byDefault ? "" : "jvm." + name + ".";
        String details = "jvm." + name + ".";
        report.put(details + "flags", flags.isEmpty() ? "(none)" : String.join(" ", flags));
        report.put(prefix + "startSeconds", start, below(3));
        report.put(prefix + "rssMb", settledKb / 1024, below(256));
        report.put(prefix + "rssPeakMb", peakKb / 1024, below(256));
        report.put(details + "startSecondsEachTime", starts);
        report.put(details + "sent", sent + " of " + DUE_IN_THE_JAR);
        report.put(details + "cpuSeconds", round(cpuSeconds, 1));
        if (run.ranOutOfMemory()) report.put(details + "outOfMemory", true);
        progress(
            "jar (%s): ready in %s s, %d MB settled, %d MB peak, %d of %d sent with %.1f s of CPU",
            name, starts, settledKb / 1024, peakKb / 1024, sent, DUE_IN_THE_JAR, cpuSeconds);
      }
    }
  }

  /** Makes members 1..count due now, through the running jar's own database server. */
  private static void makeDue(String jdbcUrl, int count) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement due =
            connection.prepareStatement("UPDATE members SET next_checkin_at = ? WHERE id <= ?")) {
      due.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
      due.setInt(2, count);
      due.executeUpdate();
    }
  }

  // ---- the sweep -----------------------------------------------------------------------------

  @Test
  @Order(1)
  void sweepAlone() throws Exception {
    try (Database database = open("sweep")) {
      Instant now = awayFromMidnight();
      // The same code on a few thousand members first, so the figure is not the JIT's warm-up.
      Seed.dueMembers(
          database.dataSource(),
          TELEGRAM,
          MEMBERS + 1,
          SWEEP_WARM_UP,
          now.minus(DUE_WINDOW),
          DUE_WINDOW);
      sweeper(database).sweep();
      Seed.dueMembers(
          database.dataSource(), TELEGRAM, 1, MEMBERS, now.minus(DUE_WINDOW), DUE_WINDOW);
      settle();

      long start = System.nanoTime();
      Sweeper.Swept swept = sweeper(database).sweep();
      double seconds = secondsSince(start);

      report.put("sweepClaimsPerSecond", rate(swept.checkIns(), seconds));
      report.put("sweep.claimed", swept.checkIns());
      report.put("sweep.seconds", round(seconds, 2));
      report.put(
          "sweep.outboxRows", count(database, "SELECT COUNT(*) FROM outbox") - SWEEP_WARM_UP);
      progress("sweep: %d claimed in %.1f s", swept.checkIns(), seconds);
    }
  }

  // ---- the pipeline without a platform limit -------------------------------------------------

  @Test
  @Order(2)
  void pipelineWithAnInProcessPlatform() throws Exception {
    try (Database database = open("pipeline")) {
      Seed.dueMembers(
          database.dataSource(),
          TELEGRAM,
          1,
          MEMBERS,
          awayFromMidnight().minus(DUE_WINDOW),
          DUE_WINDOW);
      CountingMessenger platform = new CountingMessenger(TELEGRAM);
      Conversation conversation = RealConversation.on(database, CLOCK);
      Sender sender = sender(database, conversation, platform, unlimited());
      settle();

      long start = System.nanoTime();
      try (Scheduling scheduling = scheduling(database, sender)) {
        scheduling.start();
        waitFor(platform::total, MEMBERS);
      }
      double seconds = (platform.lastAt() - start) / 1e9;

      Map<String, Integer> perMember = platform.perMember();
      report.put("pipelinePerSecond", rate(platform.total(), seconds), atLeast(3_000));
      report.put("pipeline.seconds", round(seconds, 2));
      report.put("pipeline.duplicates", duplicates(perMember), zero());
      report.put("pipeline.lost", lost(perMember), zero());
      progress("pipeline (in process): %d sent in %.1f s", platform.total(), seconds);
    }
  }

  @Test
  @Order(3)
  void pipelineOverHttpWithoutALimit() throws Exception {
    try (Database database = open("pipeline-http");
        FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Seed.dueMembers(
          database.dataSource(),
          TELEGRAM,
          1,
          MEMBERS,
          awayFromMidnight().minus(DUE_WINDOW),
          DUE_WINDOW);
      Conversation conversation = RealConversation.on(database, CLOCK);
      Instant start;
      TelegramBot bot = bot(database, conversation, telegram);
      try {
        bot.start();
        Sender sender = sender(database, conversation, bot.messenger(), unlimited());
        settle();
        start = Instant.now();
        try (Scheduling scheduling = scheduling(database, sender)) {
          scheduling.start();
          waitFor(sender::sentCount, MEMBERS);
        }
      } finally {
        stop(bot);
      }
      Received received = Received.by(telegram);
      double seconds = received.lastAfter(start);

      report.put("pipelineHttpPerSecond", rate(received.count(), seconds));
      report.put("pipelineHttp.seconds", round(seconds, 2));
      report.put("pipelineHttp.duplicates", duplicates(received.perChat()), zero());
      report.put("pipelineHttp.lost", lost(received.perChat()), zero());
      progress("pipeline (over HTTP): %d sent in %.1f s", received.count(), seconds);
    }
  }

  // ---- a minute's check-ins at the platform's limit ------------------------------------------

  @Test
  @Order(4)
  void fanoutAtThePlatformLimit() throws Exception {
    try (Database database = open("fanout");
        FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      telegram.limitMessages(LIMIT, BURST);
      // Far enough ahead that seeding and signing in are done before the first is due.
      Instant from = awayFromMidnight().truncatedTo(ChronoUnit.SECONDS).plusSeconds(20);
      Seed.dueMembers(database.dataSource(), TELEGRAM, 1, MEMBERS, from, DUE_WINDOW);
      settle();
      Conversation conversation = RealConversation.on(database, CLOCK);
      TelegramBot bot = bot(database, conversation, telegram);
      try {
        bot.start();
        RateLimit pace =
            new RateLimit(LIMIT, DEFAULTS.telegram().messagesPerSecondPerChat(), Ticker.SYSTEM);
        Sender sender = sender(database, conversation, bot.messenger(), pace);
        try (Scheduling scheduling = scheduling(database, sender)) {
          scheduling.start();
          Thread.sleep(Math.max(0, Duration.between(Instant.now(), from).toMillis()));
          waitFor(sender::sentCount, MEMBERS);
          Thread.sleep(2_000); // time for a duplicate to show, if there were one
        }
      } finally {
        stop(bot);
      }
      Received received = Received.by(telegram);
      List<Double> late = received.lateness(from);

      report.put("fanout.limitPerSecond", LIMIT);
      report.put("fanout.sustainedPerSecond", received.steadyRate(), atLeast(0.95 * LIMIT));
      report.put("fanout.overallPerSecond", round(received.overallRate(), 1));
      report.put("fanout.http429", telegram.tooManyRequests(), zero());
      report.put("fanout.duplicates", duplicates(received.perChat()), zero());
      report.put("fanout.lost", lost(received.perChat()), zero());
      report.put("fanout.medianLateSeconds", round(percentile(late, 0.5), 1));
      report.put("fanout.maxLateSeconds", round(percentile(late, 1.0), 1));
      progress(
          "fan-out: %d sent at %.1f/s steady, %d answered 429",
          received.count(), received.steadyRate(), telegram.tooManyRequests());
    }
  }

  // ---- members' answers coming in ------------------------------------------------------------

  @Test
  @Order(5)
  void updatesReadStoredAndAnswered() throws Exception {
    int members = WARM_UP_UPDATES + UPDATE_ROUNDS * UPDATES;
    try (Database database = open("updates");
        FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      // Asked today's check-in an hour ago; their answers are what comes in.
      Seed.dueMembers(
          database.dataSource(),
          TELEGRAM,
          1,
          members,
          awayFromMidnight().minus(Duration.ofHours(1)));
      sweeper(database).sweep();
      Conversation conversation = RealConversation.on(database, CLOCK);
      double cold;
      List<Double> rates = new ArrayList<>();
      long answered = 0;
      long replies = 0;
      TelegramBot bot = bot(database, conversation, telegram);
      try {
        bot.start();
        cold = answerRound(telegram, bot, 1, WARM_UP_UPDATES).perSecond();
        for (int round = 0; round < UPDATE_ROUNDS; round++) {
          Round answers =
              answerRound(telegram, bot, WARM_UP_UPDATES + round * UPDATES + 1, UPDATES);
          rates.add(answers.perSecond());
          answered += answers.answered();
          replies += answers.replies();
        }
      } finally {
        stop(bot);
      }
      long stored =
          count(
              database,
              "SELECT COUNT(*) FROM check_ins c JOIN members m ON m.id = c.member_id"
                  + " WHERE c.mood IS NOT NULL AND CAST(m.user_id AS BIGINT) > "
                  + WARM_UP_UPDATES);

      report.put("updatesPerSecond", percentile(rates, 0.5), atLeast(2_000));
      report.put("updates.eachTime", rates.stream().map(Math::round).toList());
      report.put("updates.coldPerSecond", cold);
      report.put("updates.members", UPDATE_ROUNDS * UPDATES);
      report.put("updates.answered", answered);
      report.put("updates.moodsStored", stored);
      report.put(
          "updates.repliesPerUpdate", round((double) replies / (UPDATE_ROUNDS * UPDATES), 2));
      progress("updates: %d answered, %s a second", answered, rates);
    }
  }

  /**
   * The same as {@link #updatesReadStoredAndAnswered}, with the sentence model loaded beside the
   * patterns (issue 13): answers in members' own words, which the model reads, and answers by
   * button, which it never does and which must stay as fast.
   */
  @Test
  @Order(6)
  void answersWithTheSentenceModelLoaded() throws Exception {
    int warmUp = 5_000;
    int perRound = 5_000;
    int rounds = 3;
    // Each round, by turns: words and buttons, each with the model and with the patterns alone.
    List<String> kinds = List.of("words+model", "words", "buttons+model", "buttons");
    try (Database database = open("model");
        FakeBotApi telegram = FakeBotApi.start(TOKEN)) {
      Seed.dueMembers(
          database.dataSource(),
          TELEGRAM,
          1,
          warmUp + kinds.size() * rounds * perRound,
          awayFromMidnight().minus(Duration.ofHours(1)));
      sweeper(database).sweep();
      ConfigLoader loader = new ConfigLoader(Path.of("config"));
      SentenceMeaning meaning = new SentenceMeaning(loader.examples(), loader.thresholds()).start();
      if (!meaning.awaitReady(Duration.ofMinutes(2))) throw new AssertionError("no model");
      Conversation conversation = RealConversation.on(database, CLOCK);
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      kinds.forEach(kind -> rates.put(kind, new ArrayList<>()));
      TelegramBot bot = bot(database, conversation, telegram);
      try {
        bot.start();
        conversation.understanding(meaning);
        answerRound(telegram, bot, 1, warmUp, DeliveryBenchmark::ownWords);
        int first = warmUp + 1;
        for (int round = 0; round < rounds; round++) {
          for (String kind : kinds) {
            conversation.understanding(kind.endsWith("+model") ? meaning : Meaning.NONE);
            Answering answering =
                kind.startsWith("words") ? DeliveryBenchmark::ownWords : DeliveryBenchmark::pressed;
            rates.get(kind).add(answerRound(telegram, bot, first, perRound, answering).perSecond());
            first += perRound;
          }
        }
      } finally {
        stop(bot);
        meaning.close();
      }
      report.put("model.wordsPerSecond", percentile(rates.get("words+model"), 0.5));
      report.put("model.wordsWithoutPerSecond", percentile(rates.get("words"), 0.5));
      report.put(
          "model.buttonsPerSecond", percentile(rates.get("buttons+model"), 0.5), atLeast(2_000));
      report.put("model.buttonsWithoutPerSecond", percentile(rates.get("buttons"), 0.5));
      report.put("model.eachTime", rates);
      progress("with and without the model, a second: %s", rates);
    }
  }

  // Replies to "how are you today?" as members write them, for the model to read.
  private static final List<String> OWN_WORDS =
      List.of(
          "fine, thanks",
          "rough day",
          "honestly a good one today",
          "not great, couldn't sleep",
          "pretty tired but ok",
          "bit of a hard one tbh",
          "doing alright, went for a walk",
          "feeling low again",
          "stressed about work but managing",
          "better than yesterday");

  private static String ownWords(FakeBotApi telegram, int member) {
    return telegram.textMessage(member, member, OWN_WORDS.get(member % OWN_WORDS.size()));
  }

  private static String pressed(FakeBotApi telegram, int member) {
    Mood mood = member % 2 == 0 ? Mood.FINE : Mood.ROUGH;
    return telegram.callback(member, member, 1, new Action.PostedAnswer(mood).encode());
  }

  /** One round of answers: how many members were answered, with how many replies, how fast. */
  private record Round(long answered, long replies, double perSecond) {}

  /**
   * Members {@code first..first+count-1} answer at once; measured from the first answer given to
   * Telegram until the bot's last reply to them.
   */
  private static Round answerRound(FakeBotApi telegram, TelegramBot bot, int first, int count)
      throws InterruptedException {
    return answerRound(telegram, bot, first, count, null);
  }

  private interface Answering {
    String update(FakeBotApi telegram, int member);
  }

  private static Round answerRound(
      FakeBotApi telegram, TelegramBot bot, int first, int count, Answering answering)
      throws InterruptedException {
    List<String> answers = new ArrayList<>(count);
    if (answering == null) {
      answers = answers(telegram, first, count);
    } else {
      for (int member = first; member < first + count; member++) {
        answers.add(answering.update(telegram, member));
      }
    }
    settle();
    Instant start = Instant.now();
    long last = 0;
    for (String answer : answers) last = telegram.push(answer);
    long lastId = last;
    waitFor(() -> bot.lastHandledUpdate().orElse(0), lastId);
    List<FakeBotApi.Call> sent =
        telegram.sent().stream()
            .filter(call -> Long.parseLong(call.param("chat_id")) >= first)
            .filter(call -> Long.parseLong(call.param("chat_id")) < first + count)
            .toList();
    Instant lastReply =
        sent.stream().map(FakeBotApi.Call::at).max(Comparator.naturalOrder()).orElse(start);
    long answered = sent.stream().map(call -> call.param("chat_id")).distinct().count();
    return new Round(
        answered, sent.size(), rate(answered, Duration.between(start, lastReply).toNanos() / 1e9));
  }

  /** Half say they are fine, half that it is a rough day, as members answer in their own words. */
  private static List<String> answers(FakeBotApi telegram, int first, int count) {
    List<String> answers = new ArrayList<>(count);
    for (int member = first; member < first + count; member++) {
      String words = member % 2 == 0 ? "fine, thanks" : "rough day";
      answers.add(telegram.textMessage(member, member, words));
    }
    return answers;
  }

  // ---- what members received -----------------------------------------------------------------

  /** Every message the fake Bot API accepted: to whom, and when. */
  private record Received(long[] chats, Instant[] at, Map<String, Integer> perChat) {
    static Received by(FakeBotApi telegram) {
      List<FakeBotApi.Call> sent = telegram.sent();
      long[] chats = new long[sent.size()];
      Instant[] at = new Instant[sent.size()];
      Map<String, Integer> perChat = new HashMap<>();
      for (int i = 0; i < sent.size(); i++) {
        String chat = sent.get(i).param("chat_id");
        chats[i] = Long.parseLong(chat);
        at[i] = sent.get(i).at();
        perChat.merge(chat, 1, Integer::sum);
      }
      return new Received(chats, at, perChat);
    }

    int count() {
      return at.length;
    }

    private long[] sortedMicros() {
      long[] micros = new long[at.length];
      for (int i = 0; i < at.length; i++)
        micros[i] = ChronoUnit.MICROS.between(Instant.EPOCH, at[i]);
      Arrays.sort(micros);
      return micros;
    }

    /** Seconds from {@code start} to the last message. */
    double lastAfter(Instant start) {
      long[] micros = sortedMicros();
      if (micros.length == 0) return 0;
      return (micros[micros.length - 1] - ChronoUnit.MICROS.between(Instant.EPOCH, start)) / 1e6;
    }

    /** Messages a second from the first to the last. */
    double overallRate() {
      long[] micros = sortedMicros();
      if (micros.length < 2) return 0;
      return (micros.length - 1) / ((micros[micros.length - 1] - micros[0]) / 1e6);
    }

    /** Messages a second over the middle 90 %, leaving out the start and the tail. */
    double steadyRate() {
      long[] micros = sortedMicros();
      if (micros.length < 20) return 0;
      int from = micros.length / 20;
      int to = micros.length - 1 - micros.length / 20;
      return round((to - from) / ((micros[to] - micros[from]) / 1e6), 1);
    }

    /**
     * How long after their due time each member was sent their check-in, in seconds, for members
     * due from {@code from} spread over {@link #DUE_WINDOW}.
     */
    List<Double> lateness(Instant from) {
      List<Double> late = new ArrayList<>(chats.length);
      long window = DUE_WINDOW.toSeconds();
      for (int i = 0; i < chats.length; i++) {
        Instant due = from.plusSeconds(window * (chats[i] - 1) / MEMBERS);
        late.add(Duration.between(due, at[i]).toMillis() / 1e3);
      }
      return late;
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Database open(String name) {
    return Database.open(jdbcUrl(OUT.resolve(name)), "", "", DEFAULTS.store().poolSize());
  }

  /** The URL Porchlight itself uses for its embedded database in {@code folder}. */
  private static String jdbcUrl(Path folder) {
    return Settings.Store.embeddedJdbcUrl(folder.toAbsolutePath());
  }

  private static Sweeper sweeper(Database database) {
    return new Sweeper(database.due(), RULES, CLOCK, DEFAULTS.schedule().batchSize());
  }

  private static Sender sender(
      Database database, Conversation conversation, Messenger platform, RateLimit pace) {
    return new Sender(
        database.outbox(),
        database.members(),
        List.of(new Sender.Channel(platform, pace)),
        conversation::prompt,
        RULES,
        CLOCK,
        DEFAULTS.schedule().senders(),
        SEND_BATCH);
  }

  private static Scheduling scheduling(Database database, Sender sender) {
    return new Scheduling(
        database.dataSource(), sweeper(database), sender, DEFAULTS.schedule().sweepEvery());
  }

  private static TelegramBot bot(
      Database database, Conversation conversation, FakeBotApi telegram) {
    return new TelegramBot(
        conversation,
        RealConversation.hosting(database, Clock.systemUTC()),
        database.members(),
        database.offsets(),
        TOKEN,
        telegram.baseUrl(),
        DEFAULTS.telegram().workers(),
        Pause.SLEEP,
        Ticker.SYSTEM);
  }

  /**
   * Starts a measurement from a collected heap and a quiet machine: otherwise the benchmark's own
   * garbage collection and compiling share the two cores with what is measured.
   */
  private static void settle() throws InterruptedException {
    System.gc();
    Thread.sleep(2_000);
  }

  /**
   * Closes the bot, then lets its last long poll end (the fake holds one for a second at most)
   * before the fake stops, so the log is not filled with a poll that lost its server.
   */
  private static void stop(TelegramBot bot) throws InterruptedException {
    bot.close();
    Thread.sleep(1_500);
  }

  private static RateLimit unlimited() {
    return new RateLimit(1e9, 1e9, Ticker.SYSTEM);
  }

  /** Waits until {@code done} reaches {@code goal}, or stops moving for {@link #STALL}. */
  private static void waitFor(LongSupplier done, long goal) throws InterruptedException {
    long last = done.getAsLong();
    long lastProgress = System.nanoTime();
    while (last < goal && System.nanoTime() - lastProgress < STALL.toNanos()) {
      Thread.sleep(20);
      long now = done.getAsLong();
      if (now != last) lastProgress = System.nanoTime();
      last = now;
    }
  }

  /**
   * Now, or just after midnight UTC when midnight is a few minutes away: the members seeded here
   * are due "today" in UTC, and stay so while they are sent.
   */
  private static Instant awayFromMidnight() throws InterruptedException {
    Instant now = Instant.now();
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    if (Duration.between(now, midnight).compareTo(Duration.ofMinutes(5)) < 0) {
      progress("waiting for midnight UTC to pass");
      Thread.sleep(Duration.between(now, midnight).plusSeconds(10).toMillis());
    }
    return Instant.now();
  }

  private static long duplicates(Map<String, Integer> perMember) {
    return perMember.values().stream().mapToLong(count -> count - 1).sum();
  }

  /** Members 1..{@link #MEMBERS} who received nothing. */
  private static long lost(Map<String, Integer> perMember) {
    long reached = 0;
    for (int member = 1; member <= MEMBERS; member++) {
      if (perMember.containsKey(Integer.toString(member))) reached++;
    }
    return MEMBERS - reached;
  }

  private static double percentile(List<Double> values, double fraction) {
    if (values.isEmpty()) return 0;
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(fraction * sorted.size())));
  }

  private static long count(Database database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) Files.copy(file, to.resolve(file.getFileName()));
    }
  }

  private static double rate(long count, double seconds) {
    return seconds <= 0 ? 0 : Math.round(count / seconds);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void progress(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }
}
