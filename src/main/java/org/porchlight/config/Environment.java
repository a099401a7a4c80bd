package org.porchlight.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every environment variable Porchlight's settings read, each declared once: the key it sets, and
 * whether its value is a secret. The environment overrides the settings file.
 */
public final class Environment {
  /** A variable, the settings key it sets, and whether its value must never be shown. */
  public record Variable(String name, String key, boolean secret) {}

  private static final List<Variable> VARIABLES =
      List.of(
          new Variable("TELEGRAM_BOT_TOKEN", "telegram.token", true),
          new Variable("DISCORD_BOT_TOKEN", "discord.token", true),
          new Variable("PORCHLIGHT_DB_URL", "store.url", false),
          new Variable("PORCHLIGHT_DB_USER", "store.user", false),
          new Variable("PORCHLIGHT_DB_PASSWORD", "store.password", true),
          new Variable("PORCHLIGHT_DATA_DIR", "store.dataDir", false),
          new Variable("PORCHLIGHT_SECRET_KEY", "store.secretKey", true),
          new Variable("PORCHLIGHT_SECRET_KEY_FILE", "store.secretKeyFile", false),
          new Variable("PORCHLIGHT_TELEGRAM_API_URL", "telegram.apiUrl", false),
          new Variable("PORCHLIGHT_TELEGRAM_MODE", "telegram.mode", false),
          new Variable(
              "PORCHLIGHT_TELEGRAM_MESSAGES_PER_SECOND", "telegram.messagesPerSecond", false),
          new Variable("PORCHLIGHT_TELEGRAM_WEBHOOK_URL", "telegram.webhookUrl", false),
          new Variable("PORCHLIGHT_TELEGRAM_WEBHOOK_SECRET", "telegram.webhookSecret", true),
          new Variable("PORCHLIGHT_DISCORD_API_URL", "discord.apiUrl", false),
          new Variable("PORCHLIGHT_DISCORD_GATEWAY_URL", "discord.gatewayUrl", false),
          new Variable("PORCHLIGHT_SERVER_PORT", "server.port", false),
          new Variable("PORCHLIGHT_SERVER_BIND_ADDRESS", "server.bindAddress", false),
          new Variable("PORCHLIGHT_LOG_FORMAT", "logging.format", false),
          new Variable("PORCHLIGHT_SHUTDOWN_DEADLINE", "shutdown.deadline", false));

  private static final List<Renamed> RENAMED =
      List.of(
          new Renamed("PORCHLIGHT_SHUTDOWN_DEADLINE_SECONDS", "PORCHLIGHT_SHUTDOWN_DEADLINE", "s"));

  private Environment() {}

  /** Every variable, in the order docs/configuration.md lists them. */
  public static List<Variable> variables() {
    return VARIABLES;
  }

  /** The variable that sets {@code key}, if one does. */
  static Optional<Variable> setting(String key) {
    return VARIABLES.stream().filter(variable -> variable.key().equals(key)).findFirst();
  }

  /**
   * The variables set in {@code env} as a tree of settings, numbers as numbers. An empty variable
   * counts as unset, as Compose passes one it was given none for.
   */
  static ObjectNode tree(Map<String, String> env, JsonNode defaults) {
    for (Renamed renamed : RENAMED) {
      String value = env.get(renamed.old());
      if (value != null && !value.isBlank()) {
        String example = defaults.at(Limits.pointer(renamedKey(renamed))).asText();
        throw new ConfigException(
            "an environment variable: " + renamed.message(value, example) + ".");
      }
    }
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    for (Variable variable : VARIABLES) {
      String value = env.get(variable.name());
      if (value == null || value.isBlank()) continue;
      String[] path = variable.key().split("\\.");
      ObjectNode parent = tree;
      for (int i = 0; i < path.length - 1; i++) parent = parent.with(path[i]);
      String last = path[path.length - 1];
      Optional<Limits.Range> range = Limits.of(variable.key());
      if (range.isPresent() && range.get().kind() != Limits.Kind.DURATION) {
        double number = number(variable, value.strip(), range.get(), defaults);
        if (number == Math.rint(number) && Math.abs(number) < Long.MAX_VALUE) {
          parent.put(last, (long) number);
        } else {
          parent.put(last, number);
        }
      } else {
        parent.put(last, value);
      }
    }
    return tree;
  }

  private static String renamedKey(Renamed renamed) {
    return VARIABLES.stream()
        .filter(variable -> variable.name().equals(renamed.now()))
        .findFirst()
        .orElseThrow()
        .key();
  }

  private static double number(
      Variable variable, String value, Limits.Range range, JsonNode defaults) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "an environment variable: "
              + variable.name()
              + " '"
              + value
              + "' is not a "
              + (range.kind() == Limits.Kind.WHOLE ? "whole number" : "number")
              + ", like "
              + defaults.at(Limits.pointer(variable.key())).asText()
              + ".");
    }
  }
}
