package org.porchlight.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Porchlight's settings, from {@code config/porchlight.yaml} and the environment. Every key is
 * optional; what is left out takes the default named in docs/configuration.md.
 */
public record Settings(
    String locale,
    Store store,
    Telegram telegram,
    Discord discord,
    CheckIn checkin,
    Group group,
    Crisis crisis,
    Outreach outreach,
    Schedule schedule,
    Server server,
    Logging logging,
    Shutdown shutdown) {

  public Settings {
    locale = blankTo(locale, "en");
    store = store == null ? new Store(null, null, null, null, 0) : store;
    telegram = telegram == null ? new Telegram(null, null, null, 0, 0, 0, null, null) : telegram;
    discord = discord == null ? new Discord(null, null, null, null, 0) : discord;
    checkin = checkin == null ? new CheckIn(null, null, null, null) : checkin;
    group = group == null ? new Group(null, null, null) : group;
    crisis = crisis == null ? new Crisis(0) : crisis;
    outreach = outreach == null ? new Outreach(0, 0) : outreach;
    schedule = schedule == null ? new Schedule(0, 0, 0) : schedule;
    server = server == null ? new Server(0, null) : server;
    logging = logging == null ? new Logging(null) : logging;
    shutdown = shutdown == null ? new Shutdown(0) : shutdown;
  }

  /** All defaults. */
  public static Settings defaults() {
    return new Settings(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Where check-ins are stored: the embedded database in {@code dataDir}, unless {@code url} is
   * set.
   */
  public record Store(String url, String user, String password, String dataDir, int poolSize) {
    public Store {
      url = blankTo(url, "");
      user = blankTo(user, "");
      password = blankTo(password, "");
      dataDir = blankTo(dataDir, "./data");
      poolSize = poolSize <= 0 ? 10 : poolSize;
    }

    /** The JDBC URL: {@code url} when set, else an H2 file database in {@code dataDir}. */
    public String jdbcUrl() {
      if (!url.isEmpty()) return url;
      String file = Path.of(dataDir).resolve("porchlight").toString().replace('\\', '/');
      // retry: a thread interrupted while H2 writes (Quartz interrupts its own at shutdown)
      // would otherwise close the whole database. H2 writes commits in the background, within
      // half a second: a process killed with -9 loses at most that, and everything it loses
      // (an answer with the Telegram offset after it, a letter's confirmation) comes back.
      return "jdbc:h2:retry:"
          + file
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    /** {@code url} with any password in it (user:password@, password=) shown as {@code ***}. */
    public String urlWithoutPassword() {
      String withoutParameter = URL_PASSWORD.matcher(url).replaceAll("$1***");
      return URL_USER_PASSWORD.matcher(withoutParameter).replaceAll("$1***");
    }

    @Override
    public String toString() {
      return "Store[url="
          + urlWithoutPassword()
          + ", user="
          + user
          + ", password="
          + (password.isEmpty() ? "" : "***")
          + ", dataDir="
          + dataDir
          + ", poolSize="
          + poolSize
          + "]";
    }
  }

  /**
   * The Telegram bot; it runs when {@code token} is set. Porchlight sends at most {@code
   * messagesPerSecond} messages a second in all and {@code messagesPerSecondPerChat} to one chat
   * (Telegram's own limits), per instance.
   */
  public record Telegram(
      String token,
      String apiUrl,
      String mode,
      int workers,
      double messagesPerSecond,
      double messagesPerSecondPerChat,
      String webhookUrl,
      String webhookSecret) {
    /** Takes updates by long polling: one instance per bot. */
    public static final String POLLING = "polling";

    /**
     * Telegram posts updates to {@code webhookUrl}, which reaches this instance's HTTP server
     * (through a TLS reverse proxy); any number of instances can serve one bot.
     */
    public static final String WEBHOOK = "webhook";

    /** Sends check-ins but takes no updates: the other instances beside a polling one. */
    public static final String SEND_ONLY = "send-only";

    public Telegram {
      token = blankTo(token, "");
      mode = blankTo(mode, POLLING).toLowerCase(Locale.ROOT);
      if (!mode.equals(POLLING) && !mode.equals(SEND_ONLY) && !mode.equals(WEBHOOK)) {
        throw new IllegalArgumentException(
            "telegram.mode '"
                + mode
                + "' is not one of "
                + POLLING
                + ", "
                + WEBHOOK
                + " or "
                + SEND_ONLY);
      }
      webhookUrl = blankTo(webhookUrl, "");
      webhookSecret = blankTo(webhookSecret, "");
      apiUrl = blankTo(apiUrl, "https://api.telegram.org");
      workers = workers <= 0 ? 8 : workers;
      messagesPerSecond = messagesPerSecond <= 0 ? 30 : messagesPerSecond;
      messagesPerSecondPerChat = messagesPerSecondPerChat <= 0 ? 1 : messagesPerSecondPerChat;
    }

    public Optional<String> tokenIfSet() {
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    // Tokens never reach a log, not even through toString.
    @Override
    public String toString() {
      return "Telegram[token="
          + (token.isEmpty() ? "" : "***")
          + ", apiUrl="
          + apiUrl
          + ", mode="
          + mode
          + ", workers="
          + workers
          + ", messagesPerSecond="
          + messagesPerSecond
          + ", messagesPerSecondPerChat="
          + messagesPerSecondPerChat
          + ", webhookUrl="
          + webhookUrl
          + ", webhookSecret="
          + (webhookSecret.isEmpty() ? "" : "***")
          + "]";
    }
  }

  /**
   * The Discord bot; it runs when {@code token} is set. {@code apiUrl} and {@code gatewayUrl} point
   * it at a REST proxy or a test server; {@code devGuildId} registers the commands in one server
   * only, where changes show at once (global commands can take a while to update).
   */
  public record Discord(
      String token, String apiUrl, String gatewayUrl, String devGuildId, double messagesPerSecond) {
    public Discord {
      token = blankTo(token, "");
      apiUrl = blankTo(apiUrl, "https://discord.com/api/v10/");
      if (!apiUrl.endsWith("/")) apiUrl = apiUrl + "/";
      gatewayUrl = blankTo(gatewayUrl, "wss://gateway.discord.gg/");
      devGuildId = blankTo(devGuildId, "");
      if (!devGuildId.isEmpty() && !devGuildId.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException(
            "discord.devGuildId '" + devGuildId + "' is not a server id (digits only)");
      }
      messagesPerSecond = messagesPerSecond <= 0 ? 20 : messagesPerSecond;
    }

    public Optional<String> tokenIfSet() {
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    public Optional<String> devGuildIdIfSet() {
      return devGuildId.isEmpty() ? Optional.empty() : Optional.of(devGuildId);
    }

    // Tokens never reach a log, not even through toString.
    @Override
    public String toString() {
      return "Discord[token="
          + (token.isEmpty() ? "" : "***")
          + ", apiUrl="
          + apiUrl
          + ", gatewayUrl="
          + gatewayUrl
          + ", devGuildId="
          + devGuildId
          + ", messagesPerSecond="
          + messagesPerSecond
          + "]";
    }
  }

  /**
   * The check-in times offered as buttons during onboarding, and how long an unanswered check-in
   * waits for its one reminder ({@code 3h}, {@code 90m}).
   */
  public record CheckIn(
      LocalTime morning, LocalTime midday, LocalTime evening, String reminderAfter) {
    public CheckIn {
      morning = morning == null ? LocalTime.of(8, 30) : morning;
      midday = midday == null ? LocalTime.of(12, 30) : midday;
      evening = evening == null ? LocalTime.of(19, 0) : evening;
      reminderAfter = blankTo(reminderAfter, "3h");
      durationOf(reminderAfter, "checkin.reminderAfter");
    }

    public Duration reminderAfterDuration() {
      return durationOf(reminderAfter, "checkin.reminderAfter");
    }
  }

  /** When Porchlight reaches out: after rough days in a row, and after days of silence. */
  public record Outreach(int roughDaysInARow, int silentDays) {
    public Outreach {
      roughDaysInARow = roughDaysInARow <= 0 ? 3 : roughDaysInARow;
      silentDays = silentDays <= 0 ? 7 : silentDays;
    }
  }

  /**
   * How due check-ins are found and sent: the sweep runs every {@code sweepSeconds} and claims
   * {@code batchSize} members at a time; {@code senders} threads send what is owed.
   */
  public record Schedule(int sweepSeconds, int batchSize, int senders) {
    public Schedule {
      sweepSeconds = sweepSeconds <= 0 ? 5 : sweepSeconds;
      batchSize = batchSize <= 0 ? 500 : batchSize;
      senders = senders <= 0 ? 8 : senders;
    }
  }

  // A password in a JDBC URL: "?password=secret&", ";PASSWORD=secret", "//user:secret@host".
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern URL_USER_PASSWORD = Pattern.compile("(//[^/@:]*:)[^@/]*(?=@)");

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(h|m|s)");

  /** A duration written like 3h, 90m or 45s. */
  static Duration durationOf(String text, String key) {
    Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          key + " '" + text + "' is not a duration: write it like 3h, 90m or 45s");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "h" -> Duration.ofHours(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  /** The community's meeting, shown on rough days and by /group. */
  public record Group(String name, String meetingUrl, String schedule) {
    public Group {
      name = blankTo(name, "The group");
      meetingUrl = blankTo(meetingUrl, "");
      schedule = blankTo(schedule, "");
    }
  }

  /**
   * The HTTP server for health checks, metrics and Telegram's webhook: {@code port} on {@code
   * bindAddress} (this machine only by default; {@code 0.0.0.0} for every interface).
   */
  public record Server(int port, String bindAddress) {
    public Server {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("server.port " + port + " is not a port (0 to 65535)");
      }
      port = port == 0 ? 8080 : port;
      // This machine only, unless asked: /metrics and /health need not face the internet.
      bindAddress = blankTo(bindAddress, "127.0.0.1");
    }
  }

  /** How logs are written: {@code text} for people (the default), {@code json} for collectors. */
  public record Logging(String format) {
    public static final String TEXT = "text";
    public static final String JSON = "json";

    public Logging {
      format = blankTo(format, TEXT).toLowerCase(Locale.ROOT);
      if (!format.equals(TEXT) && !format.equals(JSON)) {
        throw new IllegalArgumentException(
            "logging.format '" + format + "' is not one of " + TEXT + " or " + JSON);
      }
    }
  }

  /** How long a stop (SIGTERM) may take before Porchlight exits anyway. */
  public record Shutdown(int deadlineSeconds) {
    public Shutdown {
      deadlineSeconds = deadlineSeconds <= 0 ? 20 : deadlineSeconds;
    }

    public Duration deadline() {
      return Duration.ofSeconds(deadlineSeconds);
    }
  }

  /** How crisis replies behave. */
  public record Crisis(int repeatWindowMinutes) {
    public Crisis {
      repeatWindowMinutes = repeatWindowMinutes <= 0 ? 30 : repeatWindowMinutes;
    }
  }

  /**
   * These settings with the environment's overrides: {@code TELEGRAM_BOT_TOKEN}, {@code
   * DISCORD_BOT_TOKEN}, {@code PORCHLIGHT_DB_URL}, {@code PORCHLIGHT_DB_USER}, {@code
   * PORCHLIGHT_DB_PASSWORD}, {@code PORCHLIGHT_DATA_DIR}, {@code PORCHLIGHT_TELEGRAM_API_URL},
   * {@code PORCHLIGHT_TELEGRAM_MODE}, {@code PORCHLIGHT_TELEGRAM_MESSAGES_PER_SECOND}, {@code
   * PORCHLIGHT_DISCORD_API_URL}, {@code PORCHLIGHT_DISCORD_GATEWAY_URL}, {@code
   * PORCHLIGHT_TELEGRAM_WEBHOOK_URL}, {@code PORCHLIGHT_TELEGRAM_WEBHOOK_SECRET}, {@code
   * PORCHLIGHT_SERVER_PORT}, {@code PORCHLIGHT_SERVER_BIND_ADDRESS}, {@code PORCHLIGHT_LOG_FORMAT},
   * {@code PORCHLIGHT_SHUTDOWN_DEADLINE_SECONDS}.
   */
  public Settings withEnvironment(Map<String, String> env) {
    Store s = store;
    Store newStore =
        new Store(
            env.getOrDefault("PORCHLIGHT_DB_URL", s.url()),
            env.getOrDefault("PORCHLIGHT_DB_USER", s.user()),
            env.getOrDefault("PORCHLIGHT_DB_PASSWORD", s.password()),
            env.getOrDefault("PORCHLIGHT_DATA_DIR", s.dataDir()),
            s.poolSize());
    Telegram newTelegram =
        new Telegram(
            env.getOrDefault("TELEGRAM_BOT_TOKEN", telegram.token()),
            env.getOrDefault("PORCHLIGHT_TELEGRAM_API_URL", telegram.apiUrl()),
            env.getOrDefault("PORCHLIGHT_TELEGRAM_MODE", telegram.mode()),
            telegram.workers(),
            number(
                env,
                "PORCHLIGHT_TELEGRAM_MESSAGES_PER_SECOND",
                "telegram.messagesPerSecond",
                telegram.messagesPerSecond()),
            telegram.messagesPerSecondPerChat(),
            env.getOrDefault("PORCHLIGHT_TELEGRAM_WEBHOOK_URL", telegram.webhookUrl()),
            env.getOrDefault("PORCHLIGHT_TELEGRAM_WEBHOOK_SECRET", telegram.webhookSecret()));
    Discord newDiscord =
        new Discord(
            env.getOrDefault("DISCORD_BOT_TOKEN", discord.token()),
            env.getOrDefault("PORCHLIGHT_DISCORD_API_URL", discord.apiUrl()),
            env.getOrDefault("PORCHLIGHT_DISCORD_GATEWAY_URL", discord.gatewayUrl()),
            discord.devGuildId(),
            discord.messagesPerSecond());
    Server newServer =
        new Server(
            (int) number(env, "PORCHLIGHT_SERVER_PORT", "server.port", server.port()),
            env.getOrDefault("PORCHLIGHT_SERVER_BIND_ADDRESS", server.bindAddress()));
    Logging newLogging = new Logging(env.getOrDefault("PORCHLIGHT_LOG_FORMAT", logging.format()));
    Shutdown newShutdown =
        new Shutdown(
            (int)
                number(
                    env,
                    "PORCHLIGHT_SHUTDOWN_DEADLINE_SECONDS",
                    "shutdown.deadlineSeconds",
                    shutdown.deadlineSeconds()));
    return new Settings(
        locale,
        newStore,
        newTelegram,
        newDiscord,
        checkin,
        group,
        crisis,
        outreach,
        schedule,
        newServer,
        newLogging,
        newShutdown);
  }

  /**
   * A number from the environment for {@code key} (a key of {@link Limits}), or {@code fallback}
   * when it is unset; one that is not a number or out of range names the variable.
   */
  private static double number(
      Map<String, String> env, String variable, String key, double fallback) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) return fallback;
    Limits.Range range = Limits.of(key);
    double number;
    try {
      number = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          variable
              + " '"
              + value.strip()
              + "' is not a "
              + (range.whole() ? "whole number" : "number")
              + ", like "
              + range.fallback());
    }
    Optional<String> problem = range.problemWith(number);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(variable + " " + problem.get());
    }
    return number;
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
