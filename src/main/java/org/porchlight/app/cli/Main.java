package org.porchlight.app.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.porchlight.app.Lifecycle;
import org.porchlight.app.Logs;
import org.porchlight.app.Porchlight;
import org.porchlight.config.ConfigException;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Environment;
import org.porchlight.config.Settings;
import org.porchlight.console.ConsoleChat;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.core.reading.Meaning;
import org.porchlight.delivery.RateLimit;
import org.porchlight.delivery.Sender;
import org.porchlight.discord.DiscordStartException;
import org.porchlight.runtime.Ticker;
import org.porchlight.schedule.Scheduling;
import org.porchlight.store.StoreException;
import org.porchlight.telegram.TelegramStartException;
import org.porchlight.understanding.SentenceMeaning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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
      ConsoleCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      ForgetCommand.class,
      RotateKeyCommand.class,
      DoctorCommand.class,
      ReadCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  static final int OK = 0;
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

  final InputStream stdin;
  final PrintStream stdout;
  final PrintStream stderr;
  private final Map<String, String> env;
  final Clock clock;

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
    cli.getCommandSpec().usageMessage().footer(environmentHelp());
    cli.setExitCodeExceptionMapper(Main::exitCode);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println(message(e));
          return exitCode(e);
        });
    return cli.execute(args);
  }

  /** For --help: every environment variable and the setting it overrides, from their table. */
  private static String[] environmentHelp() {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Environment variables, each overriding a setting of the settings file:");
    for (Environment.Variable variable : Environment.variables()) {
      lines.add(String.format(Locale.ROOT, "  %-40s %s", variable.name(), variable.key()));
    }
    return lines.toArray(String[]::new);
  }

  private static int exitCode(Throwable e) {
    if (e instanceof TelegramStartException || e instanceof DiscordStartException) {
      return PLATFORM_FAILED;
    }
    if (e instanceof StoreException || e instanceof StoreUnavailable) return STORE_FAILED;
    return BAD_INPUT;
  }

  private static String message(Throwable e) {
    if (e instanceof ConfigException) return "Porchlight could not start: " + e.getMessage();
    if (e instanceof StoreException || e instanceof StoreUnavailable) {
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
    Settings settings = config == null ? loader.settings(env) : loader.settings(config, env);
    // The file may ask for JSON logs too: from here on, every line is in the format asked for.
    Logs.configure(settings.logging());
    return settings;
  }

  ConfigLoader loader() {
    Path file = config == null ? Path.of("config", "porchlight.yaml") : config;
    Path folder = file.toAbsolutePath().getParent();
    return new ConfigLoader(folder);
  }

  /**
   * The sentence model with the examples and thresholds of {@code config/}, loaded before this
   * returns; the patterns alone when it cannot load.
   */
  Meaning understanding() {
    ConfigLoader loader = loader();
    SentenceMeaning meaning = new SentenceMeaning(loader.examples(), loader.thresholds()).start();
    try {
      if (meaning.awaitReady(Duration.ofMinutes(2))) return meaning;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // A load still under way is stopped, so no thread is in native code when the process ends.
    meaning.close();
    stderr.println("The sentence model could not load: reading with the patterns alone.");
    return Meaning.NONE;
  }

  Porchlight open() {
    return new Porchlight(settings(), loader(), clock);
  }

  @Override
  public Integer call() {
    Settings settings = settings();
    boolean telegram = settings.telegram().tokenIfSet().isPresent();
    boolean discord = settings.discord().tokenIfSet().isPresent();
    if (!telegram && !discord) return chat();
    new Lifecycle(settings, this::open, clock).serve();
    return OK;
  }

  int chat() {
    try (Porchlight porchlight = open()) {
      porchlight.understand();
      BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
      ConsoleChat chat =
          new ConsoleChat(
              porchlight.conversation(), ConsoleChat.MEMBER, in, stdout, System.console() != null);
      RateLimit pace = new RateLimit(1, 1, Ticker.SYSTEM);
      try (Scheduling scheduling =
          porchlight.scheduling(List.of(new Sender.Channel(chat.messenger(), pace)))) {
        scheduling.start();
        chat.run();
      }
    }
    return OK;
  }
}
