package org.porchlight.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.porchlight.config.ConfigException;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Settings;
import org.porchlight.console.ConsoleChat;
import org.porchlight.core.MemberData;
import org.porchlight.core.MemberId;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.delivery.Ticker;
import org.porchlight.discord.DiscordBot;
import org.porchlight.discord.DiscordStartException;
import org.porchlight.schedule.Scheduling;
import org.porchlight.store.JsonExport;
import org.porchlight.store.StoreException;
import org.porchlight.telegram.Pause;
import org.porchlight.telegram.TelegramBot;
import org.porchlight.telegram.TelegramStartException;
import org.porchlight.web.Health;
import org.porchlight.web.Probe;
import org.porchlight.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/** The {@code porchlight} command line. */
@Command(
    name = "porchlight",
    mixinStandardHelpOptions = true,
    version = "Porchlight 0.1.0",
    description = {
      "A daily check-in bot for peer-support and recovery communities.",
      "Runs on the platforms that have a token set; with none, starts the console chat."
    },
    subcommands = {
      Main.ConsoleCommand.class,
      Main.ExportCommand.class,
      Main.ImportCommand.class,
      Main.ForgetCommand.class,
      Main.DoctorCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  static final int OK = 0;
  // Discord interactions answered at once; DMs queue in JDA behind its rate limits.
  private static final int DISCORD_WORKERS = 8;
  static final int NOT_FOUND = 1;
  static final int NEEDS_FIXING = 1; // doctor: something is wrong
  static final int BAD_INPUT = 2;
  static final int STORE_FAILED = 3;
  static final int PLATFORM_FAILED = 4;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "The settings file (default: config/porchlight.yaml).")
  Path config;

  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;
  private final Map<String, String> env;
  private final Clock clock;

  Main(
      InputStream stdin,
      PrintStream stdout,
      PrintStream stderr,
      Map<String, String> env,
      Clock clock) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.env = env;
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err, System.getenv(), Clock.systemUTC()));
  }

  static int run(
      String[] args,
      InputStream stdin,
      PrintStream stdout,
      PrintStream stderr,
      Map<String, String> env,
      Clock clock) {
    CommandLine cli = new CommandLine(new Main(stdin, stdout, stderr, env, clock));
    cli.setOut(new PrintWriter(stdout, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(stderr, true, StandardCharsets.UTF_8));
    cli.setExitCodeExceptionMapper(Main::exitCode);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println(message(e));
          return exitCode(e);
        });
    return cli.execute(args);
  }

  private static int exitCode(Throwable e) {
    if (e instanceof TelegramStartException || e instanceof DiscordStartException) {
      return PLATFORM_FAILED;
    }
    if (e instanceof StoreException) return STORE_FAILED;
    return BAD_INPUT;
  }

  private static String message(Throwable e) {
    if (e instanceof ConfigException) return "Porchlight could not start: " + e.getMessage();
    if (e instanceof StoreException) {
      return "Porchlight "
          + e.getMessage()
          + "\nCheck store.url (or PORCHLIGHT_DB_URL) and that the"
          + " database is running; see Troubleshooting in the README.";
    }
    if (e instanceof TelegramStartException || e instanceof DiscordStartException) {
      return "Porchlight could not start: " + e.getMessage();
    }
    return "Porchlight stopped: " + e;
  }

  /** The settings: the file, then the environment. */
  Settings settings() {
    ConfigLoader loader = loader();
    Settings settings = config == null ? loader.settings() : loader.settings(config);
    try {
      settings = settings.withEnvironment(env);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("an environment variable: " + e.getMessage());
    }
    // The file may ask for JSON logs too: from here on, every line is in the format asked for.
    Logs.configure(settings.logging());
    return settings;
  }

  ConfigLoader loader() {
    Path file = config == null ? Path.of("config", "porchlight.yaml") : config;
    Path folder = file.toAbsolutePath().getParent();
    return new ConfigLoader(folder);
  }

  Porchlight open() {
    return new Porchlight(settings(), loader(), clock);
  }

  @Override
  public Integer call() {
    Settings settings = settings();
    boolean telegram = settings.telegram().tokenIfSet().isPresent();
    boolean discord = settings.discord().tokenIfSet().isPresent();
    return telegram || discord ? serve(settings) : chat();
  }

  /** Runs on the platforms with a token until the process is asked to stop. */
  int serve(Settings settings) {
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Duration deadline = settings.shutdown().deadline();
    // Not ready until everything has started; not ready again once stopping.
    Health health = new Health();
    AtomicReference<Scheduling> scheduling = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean();
    // Opening the database migrates its schema: the deadline never cuts a migration in two.
    CountDownLatch migrating = new CountDownLatch(1);
    Runnable stop =
        () -> {
          if (!stopping.compareAndSet(false, true)) return;
          LOG.info(
              "Stopping: no new updates or sends; finishing what is under way (at most {} s)",
              deadline.toSeconds());
          health.stopping();
          Scheduling running = scheduling.get();
          if (running != null) running.stopTaking();
          stopped.countDown();
          watchdog(closed, deadline, migrating);
        };
    // From the first moment: a SIGTERM while starting stops as orderly as one later.
    Signals.onStop(stop);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (closed.getCount() == 0) return; // already closed: nothing to wait for
                  // Any other way out (System.exit, SIGHUP): the same stop, awaited here, since
                  // the JVM ends once its hooks return.
                  stop.run();
                  Stopping.begin();
                  awaitQuietly(closed, deadline);
                },
                "porchlight-stop"));
    // Closed in the reverse order of opening: the platforms, then the database.
    Deque<AutoCloseable> open = new ArrayDeque<>();
    try {
      Porchlight porchlight;
      try {
        porchlight = open();
      } finally {
        migrating.countDown();
      }
      open.push(porchlight);
      Probe database =
          Probe.every(Duration.ofSeconds(5), "database", porchlight.database::isReachable);
      open.push(database);
      health.check("database", database);
      WebServer web;
      try {
        web = WebServer.start(settings.server().bindAddress(), settings.server().port());
      } catch (UncheckedIOException e) {
        throw new ConfigException(
            e.getMessage()
                + ". Is another Porchlight, or another program, using it? Choose another with"
                + " server.port or PORCHLIGHT_SERVER_PORT.");
      }
      open.push(web);
      web.route("/health/live", health.live());
      web.route("/health/ready", health.ready());
      web.route("/metrics", porchlight.metrics.handler());
      List<Sender.Channel> channels = new ArrayList<>();
      // Closed first of all when stopping: no new updates while the last sends go out.
      List<AutoCloseable> updates = new ArrayList<>();
      if (settings.telegram().tokenIfSet().isPresent() && !stopping.get()) {
        channels.add(telegram(settings.telegram(), porchlight, health, open, updates, web, clock));
      }
      if (settings.discord().tokenIfSet().isPresent() && !stopping.get()) {
        channels.add(discord(settings.discord(), porchlight, health, open));
      }
      Scheduling sweeping = porchlight.scheduling(channels);
      open.push(sweeping);
      updates.forEach(open::push);
      scheduling.set(sweeping);
      if (!stopping.get()) {
        sweeping.start();
        health.started();
        LOG.info("Porchlight is running. Stop it with Ctrl+C or SIGTERM.");
      }
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeAll(open);
      closed.countDown();
    }
    LOG.info("Stopped.");
    return OK;
  }

  private static boolean awaitQuietly(CountDownLatch closed, Duration deadline) {
    try {
      return closed.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Past the deadline, the process ends however far the stop has come. */
  private static void watchdog(CountDownLatch closed, Duration deadline, CountDownLatch migrating) {
    Thread watchdog =
        new Thread(
            () -> {
              if (awaitQuietly(closed, deadline)) return;
              if (migrating.getCount() > 0) {
                LOG.warn("Still migrating the database's schema: exiting once that is done");
                awaitQuietly(migrating, Duration.ofMinutes(10));
              }
              LOG.warn(
                  "Still stopping after {} s (shutdown.deadlineSeconds): exiting now. Messages"
                      + " not sent wait in the outbox for the next start.",
                  deadline.toSeconds());
              Runtime.getRuntime().halt(1);
            },
            "porchlight-stop-deadline");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static Sender.Channel telegram(
      Settings.Telegram settings,
      Porchlight porchlight,
      Health health,
      Deque<AutoCloseable> open,
      List<AutoCloseable> updates,
      WebServer web,
      Clock clock) {
    TelegramBot telegram =
        new TelegramBot(
            porchlight.conversation,
            porchlight.database.members(),
            porchlight.database.offsets(),
            settings.token(),
            settings.apiUrl(),
            settings.workers(),
            Pause.SLEEP);
    open.push(telegram);
    updates.add(telegram::stopTakingUpdates);
    health.check("telegram", telegram::isConnected);
    porchlight.metrics.watch("telegram", telegram::isConnected);
    if (settings.mode().equals(Settings.Telegram.SEND_ONLY)) {
      telegram.startSendingOnly();
    } else if (settings.mode().equals(Settings.Telegram.WEBHOOK)) {
      TelegramBot.Webhook webhook =
          new TelegramBot.Webhook(
              settings.webhookUrl(),
              settings.webhookSecret(),
              porchlight.database.handledUpdates(),
              clock);
      telegram.startWebhook(webhook, handler -> web.route(TelegramBot.WEBHOOK_PATH, handler));
    } else {
      telegram.start();
    }
    RateLimit pace =
        new RateLimit(
            settings.messagesPerSecond(), settings.messagesPerSecondPerChat(), Ticker.SYSTEM);
    return new Sender.Channel(telegram.messenger(), pace);
  }

  private static Sender.Channel discord(
      Settings.Discord settings, Porchlight porchlight, Health health, Deque<AutoCloseable> open) {
    DiscordBot discord =
        new DiscordBot(
            porchlight.conversation,
            porchlight.hosting,
            porchlight.database.members(),
            settings.token(),
            settings.apiUrl(),
            settings.gatewayUrl(),
            settings.devGuildIdIfSet(),
            DISCORD_WORKERS);
    open.push(discord);
    health.check("discord", discord::isConnected);
    porchlight.metrics.watch("discord", discord::isConnected);
    discord.start();
    // JDA keeps to Discord's own limits; this only spreads a wave of check-ins out.
    RateLimit pace = new RateLimit(settings.messagesPerSecond(), 1, Ticker.SYSTEM);
    return new Sender.Channel(discord.messenger(), pace);
  }

  private static void closeAll(Deque<AutoCloseable> open) {
    while (!open.isEmpty()) {
      try {
        open.pop().close();
      } catch (Exception e) {
        LOG.warn("could not close cleanly: {}", e.toString());
      }
    }
  }

  int chat() {
    try (Porchlight porchlight = open()) {
      BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
      ConsoleChat chat =
          new ConsoleChat(
              porchlight.conversation, ConsoleChat.MEMBER, in, stdout, System.console() != null);
      RateLimit pace = new RateLimit(1, 1, Ticker.SYSTEM);
      try (Scheduling scheduling =
          porchlight.scheduling(List.of(new Sender.Channel(chat.messenger(), pace)))) {
        scheduling.start();
        chat.run();
      }
    }
    return OK;
  }

  /** Starts the console chat. */
  @Command(
      name = "console",
      mixinStandardHelpOptions = true,
      description = "Chat with Porchlight in the terminal, as the member console/local.")
  static final class ConsoleCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Override
    public Integer call() {
      return main.chat();
    }
  }

  /** Which member a command is about. */
  static final class Who {
    @Option(
        names = "--platform",
        required = true,
        paramLabel = "P",
        description = "telegram, discord or console.")
    String platform;

    @Option(
        names = "--user",
        required = true,
        paramLabel = "ID",
        description = "The member's id on that platform.")
    String user;

    MemberId id() {
      return new MemberId(platform, user);
    }
  }

  /** Prints members' data as JSON. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Print a member's data (or everyone's, with --all) as JSON on standard output.")
  static final class ExportCommand implements Callable<Integer> {
    @ParentCommand Main main;

    static final class Which {
      @ArgGroup(exclusive = false)
      Who member;

      @Option(names = "--all", description = "Every member, as one document for backups and moves.")
      boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Override
    public Integer call() {
      try (Porchlight porchlight = main.open()) {
        if (which.all) {
          List<MemberData> all = new ArrayList<>();
          for (MemberId id : porchlight.database.members().all()) {
            all.add(porchlight.conversation.dataOf(id).orElseThrow());
          }
          main.stdout.println(porchlight.export.writeAll(all, main.clock.instant()));
          return OK;
        }
        MemberId id = which.member.id();
        Optional<MemberData> data = porchlight.conversation.dataOf(id);
        if (data.isEmpty()) {
          main.stderr.println("Nothing is stored for " + id + ".");
          return NOT_FOUND;
        }
        main.stdout.println(porchlight.export.write(data.get()));
        return OK;
      }
    }
  }

  /** Reads members' data back from an export. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Load an export (one member's, or --all's) into the database; members in it are replaced.")
  static final class ImportCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(paramLabel = "FILE", description = "A file written by porchlight export.")
    Path file;

    @Override
    public Integer call() {
      String document;
      try {
        document = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        main.stderr.println("There is no file at " + file + ".");
        return NOT_FOUND;
      } catch (IOException e) {
        main.stderr.println("Porchlight could not read " + file + ": " + e.getMessage());
        return BAD_INPUT;
      }
      try (Porchlight porchlight = main.open()) {
        List<JsonExport.Entry> entries;
        try {
          entries = porchlight.export.readEach(document);
        } catch (IllegalArgumentException e) {
          main.stderr.println(file + " is not a Porchlight export: " + e.getMessage());
          return BAD_INPUT;
        }
        // Each member in a transaction of its own: one that can't be read or stored is left as
        // it was, and the others are imported all the same.
        int imported = 0;
        List<String> leftAsTheyWere = new ArrayList<>();
        for (JsonExport.Entry entry : entries) {
          if (entry instanceof JsonExport.Entry.Unreadable bad) {
            leftAsTheyWere.add(bad.where() + ": " + bad.problem());
            continue;
          }
          MemberData data = ((JsonExport.Entry.Read) entry).data();
          try {
            porchlight.database.replace(data);
            imported++;
          } catch (StoreException e) {
            leftAsTheyWere.add(
                entry.where() + " (" + data.member().id() + "): not stored, " + e.getMessage());
          }
        }
        main.stderr.println("Imported " + imported + (imported == 1 ? " member." : " members."));
        if (leftAsTheyWere.isEmpty()) return OK;
        main.stderr.println(
            "Left as they were, since they could not be imported (" + leftAsTheyWere.size() + "):");
        leftAsTheyWere.forEach(line -> main.stderr.println("  " + line));
        return BAD_INPUT;
      }
    }
  }

  /** Erases a member. */
  @Command(
      name = "forget",
      mixinStandardHelpOptions = true,
      description = "Erase everything stored about a member.")
  static final class ForgetCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Who who;

    @Override
    public Integer call() {
      try (Porchlight porchlight = main.open()) {
        if (porchlight.database.members().forget(who.id())) {
          main.stderr.println("Erased everything stored about " + who.id() + ".");
          return OK;
        }
        main.stderr.println("Nothing is stored for " + who.id() + ".");
        return NOT_FOUND;
      }
    }
  }

  /** Checks the setup and says what to fix. */
  @Command(
      name = "doctor",
      mixinStandardHelpOptions = true,
      description = {
        "Check the configuration, the database, each token that is set, the webhook, the time"
            + " zone data and the HTTP port, and say what to fix.",
        "Exit code 0 when all is well, 1 when something needs fixing."
      })
  static final class DoctorCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Override
    public Integer call() {
      Path file = main.config == null ? Path.of("config", "porchlight.yaml") : main.config;
      return new Doctor(main.stdout, Doctor.TIMEOUT).run(file, main::settings, main.loader());
    }
  }
}
