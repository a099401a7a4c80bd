package org.porchlight.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.porchlight.config.ConfigLoader;
import org.porchlight.config.Secret;
import org.porchlight.config.Settings;
import org.porchlight.store.Database;
import org.porchlight.store.StoreException;

/**
 * {@code porchlight doctor}: checks what Porchlight needs, a line a check, each {@code ok} or
 * {@code problem} with what to do about it. It prints no token, password or webhook secret.
 */
final class Doctor {
  /** How long each network check may take. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  // A Porchlight on this machine answers /health/live at once.
  private static final Duration LOCAL_TIMEOUT = Duration.ofSeconds(2);

  private static final String OK = "ok";
  private static final String PROBLEM = "problem";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final Duration timeout;
  private final HttpClient http;
  private final List<String> secrets = new ArrayList<>();
  private int problems;

  Doctor(PrintStream out, Duration timeout) {
    this.out = out;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * Runs every check: {@link Main#OK} when all is well, {@link Main#NEEDS_FIXING} when anything
   * needs fixing.
   */
  int run(Path file, Supplier<Settings> settings, ConfigLoader loader) {
    Optional<Settings> read = configuration(file, settings, loader);
    if (read.isPresent()) {
      Settings checked = read.get();
      Optional<Database> database = database(checked.store());
      try {
        Settings.Telegram telegram = checked.telegram();
        telegram.tokenIfSet().ifPresent(token -> telegram(telegram, token.reveal()));
        if (telegram.mode() == Settings.Telegram.Mode.WEBHOOK) {
          telegram.tokenIfSet().ifPresent(token -> webhook(telegram, token.reveal()));
        }
        Settings.Discord discord = checked.discord();
        discord.tokenIfSet().ifPresent(token -> discord(discord, token.reveal()));
        timeZones(database);
        port(checked.server());
      } finally {
        database.ifPresent(Database::close);
      }
    }
    out.println();
    out.println(
        problems == 0
            ? "All is well."
            : problems + (problems == 1 ? " problem" : " problems") + " to fix, above.");
    return problems == 0 ? Main.OK : Main.NEEDS_FIXING;
  }

  // ---- the checks ----

  private Optional<Settings> configuration(
      Path file, Supplier<Settings> read, ConfigLoader loader) {
    String where =
        Files.isRegularFile(file)
            ? file + " and the environment"
            : "no " + file + ": the defaults and the environment";
    Settings settings;
    try {
      settings = read.get();
      remember(settings);
      loader.content(settings);
    } catch (RuntimeException e) {
      problem(
          "Configuration",
          sentence(e.getMessage()) + " The other checks need the settings: fix this first.");
      return Optional.empty();
    }
    List<String> platforms = new ArrayList<>();
    if (settings.telegram().tokenIfSet().isPresent()) platforms.add("Telegram");
    if (settings.discord().tokenIfSet().isPresent()) platforms.add("Discord");
    ok(
        "Configuration",
        where
            + "; "
            + (platforms.isEmpty()
                ? "no platform token set, so Porchlight would start the console"
                : "tokens set for " + String.join(" and ", platforms)));
    return Optional.of(settings);
  }

  private Optional<Database> database(Settings.Store store) {
    String where =
        store.url().isEmpty()
            ? "the embedded database in " + store.dataDir()
            : store.urlWithoutPassword();
    String what =
        " Check store.url (PORCHLIGHT_DB_URL), store.user and store.password, and that the"
            + " database is running"
            + (store.url().isEmpty() ? " and store.dataDir is writable." : ".");
    Database database;
    try {
      // As it is: a doctor looks, and must not upgrade the schema under older running instances.
      database = Database.openAsItIs(store.jdbcUrl(), store.user(), store.password().reveal());
    } catch (StoreException e) {
      problem("Database", where + ": " + sentence(e.getMessage()) + what);
      return Optional.empty();
    }
    if (!database.isReachable()) {
      database.close();
      problem("Database", where + " opened, but does not answer." + what);
      return Optional.empty();
    }
    try {
      int pending = database.pendingMigrations();
      if (pending > 0) {
        ok(
            "Database",
            where
                + ": opened and answering; "
                + pending
                + (pending == 1 ? " schema change waits" : " schema changes wait")
                + " for Porchlight's next start (doctor changes nothing)");
        // Tables this version reads may not be there yet: nothing more to look at.
        database.close();
        return Optional.empty();
      }
      int members = database.members().all().size();
      ok(
          "Database",
          where
              + ": opened, schema up to date, answering; "
              + members
              + (members == 1 ? " member" : " members"));
      return Optional.of(database);
    } catch (StoreException e) {
      database.close();
      problem("Database", where + " opened, but " + sentence(e.getMessage()) + what);
      return Optional.empty();
    }
  }

  private void telegram(Settings.Telegram telegram, String token) {
    String base = withoutTrailingSlash(telegram.apiUrl());
    String unreachable = "Check telegram.apiUrl (PORCHLIGHT_TELEGRAM_API_URL) and the network.";
    Optional<Answer> answer = get("Telegram", base + "/bot" + token + "/getMe", unreachable);
    if (answer.isEmpty()) return;
    int status = answer.get().status();
    JsonNode me = answer.get().json().path("result");
    if (status == 200 && me.has("username")) {
      ok(
          "Telegram",
          "the token works: this is @"
              + me.path("username").asText()
              + " (id "
              + me.path("id").asText()
              + "), at "
              + base);
    } else if (status == 401 || status == 404) {
      problem(
          "Telegram",
          "Telegram did not accept the token ("
              + status
              + "): it is mistyped or was revoked (or "
              + base
              + " is not a Bot API server). Copy it from @BotFather (/mybots, API Token) into"
              + " TELEGRAM_BOT_TOKEN.");
    } else {
      problem(
          "Telegram",
          "getMe answered "
              + status
              + description(answer.get())
              + ". Try again in a while; if it goes on, "
              + unreachable);
    }
  }

  private void webhook(Settings.Telegram telegram, String token) {
    String ours = telegram.webhookUrl();
    String check = "Telegram webhook";
    if (ours.isEmpty()) {
      problem(
          check,
          "telegram.mode is webhook, but telegram.webhookUrl is empty. Set it"
              + " (PORCHLIGHT_TELEGRAM_WEBHOOK_URL) to the https address that reaches server.port.");
      return;
    }
    if (!ours.startsWith("https://")) {
      problem(
          check,
          "telegram.webhookUrl "
              + ours
              + " is not https: Telegram only delivers to https addresses. Put Porchlight behind a"
              + " TLS proxy and give its https address.");
    }
    String base = withoutTrailingSlash(telegram.apiUrl());
    Optional<Answer> answer =
        get(
            check,
            base + "/bot" + token + "/getWebhookInfo",
            "Check telegram.apiUrl and the network.");
    if (answer.isEmpty()) return;
    JsonNode info = answer.get().json().path("result");
    if (answer.get().status() != 200 || !info.has("url")) {
      problem(
          check,
          "getWebhookInfo answered "
              + answer.get().status()
              + description(answer.get())
              + ". Try again in a while.");
      return;
    }
    String registered = info.path("url").asText();
    if (registered.isEmpty()) {
      problem(
          check,
          "Telegram has no webhook for this bot, so no updates arrive. Porchlight registers"
              + " telegram.webhookUrl when it starts in webhook mode: start it, then run doctor"
              + " again.");
      return;
    }
    if (!registered.equals(ours)) {
      problem(
          check,
          "Telegram delivers this bot's updates to "
              + registered
              + ", not to telegram.webhookUrl "
              + ours
              + ". Restart Porchlight so it registers its own, and make sure no other program"
              + " uses this bot.");
      return;
    }
    int pending = info.path("pending_update_count").asInt();
    String detail =
        "Telegram delivers to "
            + ours
            + "; "
            + pending
            + (pending == 1 ? " update" : " updates")
            + " waiting"
            + (!telegram.webhookSecret().isSet()
                ? "; no telegram.webhookSecret, so anyone who finds the address can post to it"
                : "");
    String error = info.path("last_error_message").asText("");
    if (error.isEmpty()) {
      ok(check, detail);
      return;
    }
    String when = Instant.ofEpochSecond(info.path("last_error_date").asLong()).toString();
    if (pending > 0) {
      problem(
          check,
          detail
              + ", and its last delivery failed at "
              + when
              + ": "
              + sentence(error)
              + " Check that "
              + ours
              + " reaches server.port through the proxy, and that Porchlight is running.");
    } else {
      ok(check, detail + "; an earlier delivery failed at " + when + ": " + error);
    }
  }

  private void discord(Settings.Discord discord, String token) {
    Optional<Answer> answer =
        get(
            "Discord",
            discord.apiUrl() + "users/@me",
            "Check discord.apiUrl (PORCHLIGHT_DISCORD_API_URL) and the network.",
            "Authorization",
            "Bot " + token,
            // Discord asks bots to say who they are; requests without it may be refused.
            "User-Agent",
            "DiscordBot (https://github.com/porchlight, 0.1.0)");
    if (answer.isEmpty()) return;
    int status = answer.get().status();
    JsonNode me = answer.get().json();
    if (status == 200 && me.has("username")) {
      ok(
          "Discord",
          "the token works: this is "
              + me.path("username").asText()
              + " (id "
              + me.path("id").asText()
              + "), at "
              + discord.apiUrl());
    } else if (status == 401 || status == 403) {
      problem(
          "Discord",
          "Discord refused the token ("
              + status
              + "). Copy it again from the developer portal (Bot, Reset Token) into"
              + " DISCORD_BOT_TOKEN.");
    } else {
      problem(
          "Discord",
          "users/@me answered "
              + status
              + description(answer.get())
              + ". Try again in a while; if it goes on, check discord.apiUrl.");
    }
  }

  private void timeZones(Optional<Database> database) {
    String data =
        "tzdata "
            + ZoneRulesProvider.getVersions("Europe/London").lastKey()
            + " (Java "
            + System.getProperty("java.version")
            + ")";
    if (database.isEmpty()) {
      ok("Time zones", data + "; members' zones not checked, as the database can't be read yet");
      return;
    }
    List<String> zones;
    try {
      zones = database.get().zonesInUse();
    } catch (StoreException e) {
      problem("Time zones", data + "; the zones in use could not be read: " + e.getMessage());
      return;
    }
    List<String> unknown = zones.stream().filter(zone -> !resolves(zone)).toList();
    if (!unknown.isEmpty()) {
      problem(
          "Time zones",
          data
              + " does not know "
              + String.join(", ", unknown)
              + ", which members or communities use. Update Java, or its time zone data with"
              + " the tzupdater tool.");
    } else if (zones.isEmpty()) {
      ok("Time zones", data + "; no member has chosen a zone yet");
    } else {
      ok(
          "Time zones",
          data
              + "; "
              + (zones.size() == 1
                  ? "the one zone in use resolves"
                  : "all " + zones.size() + " zones in use resolve"));
    }
  }

  private void port(Settings.Server server) {
    int port = server.port();
    String where = "server.port " + port + " on " + server.bindAddress();
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(server.bindAddress(), port));
      ok("HTTP port", where + " is free for the health checks and the webhook");
    } catch (IOException e) {
      if (porchlightAnswers(server)) {
        ok(
            "HTTP port",
            where + " is in use by a Porchlight that is running (/health/live answers)");
      } else {
        problem(
            "HTTP port",
            where
                + " can't be used ("
                + e.getMessage()
                + "): another program has it. Stop that program, or set server.port"
                + " (PORCHLIGHT_SERVER_PORT) to a free port.");
      }
    }
  }

  private boolean porchlightAnswers(Settings.Server server) {
    String host = server.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : server.bindAddress();
    if (host.contains(":")) host = "[" + host + "]";
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://" + host + ":" + server.port() + "/health/live"))
                  .timeout(LOCAL_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.body().contains("\"status\"");
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // ---- helpers ----

  /** A platform's answer: its status and its JSON (an empty object when it sent none). */
  private record Answer(int status, JsonNode json) {}

  /**
   * GET {@code uri} with {@code headers} (name, value, ...); a problem, and empty, when it can't be
   * reached in time.
   */
  private Optional<Answer> get(String check, String url, String whatToDo, String... headers) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      problem(check, url + " is not a URL. " + whatToDo);
      return Optional.empty();
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return Optional.of(new Answer(response.statusCode(), json(response.body())));
    } catch (IOException | IllegalArgumentException e) {
      // The exception's class says enough (refused, timed out, unknown host); its message could
      // hold the URL, and with it the token.
      problem(
          check,
          "could not reach "
              + uri.getScheme()
              + "://"
              + uri.getAuthority()
              + " ("
              + e.getClass().getSimpleName()
              + "). "
              + whatToDo);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem(check, "interrupted");
      return Optional.empty();
    }
  }

  private static JsonNode json(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      return json == null ? JSON.createObjectNode() : json;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String description(Answer answer) {
    JsonNode json = answer.json();
    String text = json.path("description").asText(json.path("message").asText(""));
    return text.isEmpty() ? "" : " (" + text + ")";
  }

  private void remember(Settings settings) {
    for (Secret secret :
        List.of(
            settings.telegram().token(),
            settings.discord().token(),
            settings.store().password(),
            settings.telegram().webhookSecret())) {
      if (secret.isSet()) secrets.add(secret.reveal());
    }
  }

  private void ok(String check, String detail) {
    line(OK, check, detail);
  }

  private void problem(String check, String detail) {
    problems++;
    line(PROBLEM, check, detail);
  }

  private void line(String status, String check, String detail) {
    String line = String.format("%-8s %s: %s", status, check, detail);
    for (String secret : secrets) line = line.replace(secret, "***");
    out.println(Redaction.redact(line));
  }

  private static boolean resolves(String zone) {
    try {
      ZoneId.of(zone).getRules();
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** {@code text} as a sentence: ending in a full stop. */
  private static String sentence(String text) {
    String stripped = text == null ? "" : text.strip();
    return stripped.endsWith(".") ? stripped : stripped + ".";
  }
}
