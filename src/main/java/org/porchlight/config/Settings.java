package org.porchlight.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Porchlight's settings: the defaults built into the jar ({@code defaults.yaml}), then {@code
 * config/porchlight.yaml}, then the environment ({@link Environment}), bound once by {@link
 * ConfigLoader}. Every key is optional; what is left out takes its default.
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
    requireText(locale, "locale");
    requireNonNull(store, "store == null");
    requireNonNull(telegram, "telegram == null");
    requireNonNull(discord, "discord == null");
    requireNonNull(checkin, "checkin == null");
    requireNonNull(group, "group == null");
    requireNonNull(crisis, "crisis == null");
    requireNonNull(outreach, "outreach == null");
    requireNonNull(schedule, "schedule == null");
    requireNonNull(server, "server == null");
    requireNonNull(logging, "logging == null");
    requireNonNull(shutdown, "shutdown == null");
  }

  /** The defaults alone: no file, no environment. */
  public static Settings defaults() {
    return SettingsReader.defaults();
  }

  /**
   * Where check-ins are stored: the embedded database in {@code dataDir}, unless {@code url} is
   * set. Pod names and safety plans are sealed with {@code secretKey} (Base64 of 32 bytes), or the
   * key in {@code secretKeyFile}; the app reads them ({@code app/SecretKeys}).
   */
  public record Store(
      DatabaseUrl url,
      String user,
      Secret password,
      String dataDir,
      int poolSize,
      Secret secretKey,
      String secretKeyFile) {
    public Store {
      requireNonNull(url, "url == null");
      requireNonNull(user, "user == null");
      requireNonNull(password, "password == null");
      requireText(dataDir, "store.dataDir");
      requireNonNull(secretKey, "secretKey == null");
      requireNonNull(secretKeyFile, "secretKeyFile == null");
    }

    /** The JDBC URL: {@code url} when set, else an H2 file database in {@code dataDir}. */
    public String jdbcUrl() {
      return url.isEmpty() ? embeddedJdbcUrl(Path.of(dataDir)) : url.reveal();
    }

    /** The JDBC URL of the embedded H2 database in {@code dataDir}. */
    public static String embeddedJdbcUrl(Path dataDir) {
      String file = dataDir.resolve("porchlight").toString().replace('\\', '/');
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
      return url.withoutPassword();
    }
  }

  /**
   * The Telegram bot; it runs when {@code token} is set. Porchlight sends at most {@code
   * messagesPerSecond} messages a second in all and {@code messagesPerSecondPerChat} to one chat
   * (Telegram's own limits), per instance.
   */
  public record Telegram(
      Secret token,
      String apiUrl,
      Mode mode,
      int workers,
      double messagesPerSecond,
      double messagesPerSecondPerChat,
      String webhookUrl,
      Secret webhookSecret) {
    /** How this instance takes Telegram's updates ({@code telegram.mode}). */
    public enum Mode {
      /** Takes updates by long polling: one instance per bot. */
      POLLING,
      /**
       * Telegram posts updates to {@code webhookUrl}, which reaches this instance's HTTP server
       * (through a TLS reverse proxy); any number of instances can serve one bot.
       */
      WEBHOOK,
      /** Sends check-ins but takes no updates: the other instances beside a polling one. */
      SEND_ONLY;

      /**
       * {@code text} as a mode, in any case: {@code polling}, {@code webhook}, {@code send-only}.
       */
      @JsonCreator
      public static Mode of(String text) {
        return oneOf(values(), text);
      }

      /** As the settings write it: {@code send-only}. */
      @Override
      public String toString() {
        return written(this);
      }
    }

    public Telegram {
      requireNonNull(token, "token == null");
      requireText(apiUrl, "telegram.apiUrl");
      requireNonNull(mode, "mode == null");
      requireNonNull(webhookUrl, "webhookUrl == null");
      requireNonNull(webhookSecret, "webhookSecret == null");
    }

    public Optional<Secret> tokenIfSet() {
      return token.isSet() ? Optional.of(token) : Optional.empty();
    }
  }

  /**
   * The Discord bot; it runs when {@code token} is set. {@code apiUrl} and {@code gatewayUrl} point
   * it at a REST proxy or a test server; {@code devGuildId} registers the commands in one server
   * only, where changes show at once (global commands can take a while to update).
   */
  public record Discord(
      Secret token, String apiUrl, String gatewayUrl, String devGuildId, double messagesPerSecond) {
    public Discord {
      requireNonNull(token, "token == null");
      requireText(apiUrl, "discord.apiUrl");
      if (!apiUrl.endsWith("/")) apiUrl = apiUrl + "/";
      requireText(gatewayUrl, "discord.gatewayUrl");
      requireNonNull(devGuildId, "devGuildId == null");
      if (!devGuildId.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException(
            "discord.devGuildId '" + devGuildId + "' is not a server id (digits only)");
      }
    }

    public Optional<Secret> tokenIfSet() {
      return token.isSet() ? Optional.of(token) : Optional.empty();
    }

    public Optional<String> devGuildIdIfSet() {
      return devGuildId.isEmpty() ? Optional.empty() : Optional.of(devGuildId);
    }
  }

  /**
   * The check-in times offered as buttons during onboarding, and how long an unanswered check-in
   * waits for its one reminder.
   */
  public record CheckIn(
      LocalTime morning, LocalTime midday, LocalTime evening, Duration reminderAfter) {
    public CheckIn {
      requireNonNull(morning, "morning == null");
      requireNonNull(midday, "midday == null");
      requireNonNull(evening, "evening == null");
      requireNonNull(reminderAfter, "reminderAfter == null");
    }
  }

  /** When Porchlight reaches out: after rough days in a row, and after days of silence. */
  public record Outreach(int roughDaysInARow, int silentDays) {}

  /**
   * How due check-ins are found and sent: the sweep runs every {@code sweepEvery} and claims {@code
   * batchSize} members at a time; {@code senders} threads send what is owed.
   */
  public record Schedule(Duration sweepEvery, int batchSize, int senders) {
    public Schedule {
      requireNonNull(sweepEvery, "sweepEvery == null");
    }
  }

  /** The community's meeting, shown on rough days and by /group. */
  public record Group(String name, String meetingUrl, String schedule) {
    public Group {
      requireText(name, "group.name");
      requireNonNull(meetingUrl, "meetingUrl == null");
      requireNonNull(schedule, "schedule == null");
    }
  }

  /**
   * The HTTP server for health checks, metrics and Telegram's webhook: {@code port} on {@code
   * bindAddress} (this machine only by default; {@code 0.0.0.0} for every interface).
   */
  public record Server(int port, String bindAddress) {
    public Server {
      requireText(bindAddress, "server.bindAddress");
    }
  }

  /** How logs are written: {@code text} for people (the default), {@code json} for collectors. */
  public record Logging(Format format) {
    /** The format of each log line ({@code logging.format}). */
    public enum Format {
      TEXT,
      JSON;

      /** {@code text} as a format, in any case: {@code text} or {@code json}. */
      @JsonCreator
      public static Format of(String text) {
        return oneOf(values(), text);
      }

      /** As the settings write it: {@code json}. */
      @Override
      public String toString() {
        return written(this);
      }
    }

    public Logging {
      requireNonNull(format, "format == null");
    }
  }

  /** How long a stop (SIGTERM) may take before Porchlight exits anyway. */
  public record Shutdown(Duration deadline) {
    public Shutdown {
      requireNonNull(deadline, "deadline == null");
    }
  }

  /** How crisis replies behave: within {@code repeatWindow}, a repeat gets a short reminder. */
  public record Crisis(Duration repeatWindow) {
    public Crisis {
      requireNonNull(repeatWindow, "repeatWindow == null");
    }
  }

  /** An empty value would be a mistake here: say so rather than start with it. */
  private static void requireText(String value, String key) {
    requireNonNull(value, key + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(key + " is empty: leave the key out for its default");
    }
  }

  private static String written(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> E oneOf(E[] constants, String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (E constant : constants) {
      if (written(constant).equals(wanted)) return constant;
    }
    String allowed =
        Arrays.stream(constants).map(Settings::written).collect(Collectors.joining(", "));
    int last = allowed.lastIndexOf(", ");
    throw new IllegalArgumentException(
        "'"
            + (text == null ? "" : text.strip())
            + "' is not one of "
            + allowed.substring(0, last)
            + " or "
            + allowed.substring(last + 2));
  }
}
