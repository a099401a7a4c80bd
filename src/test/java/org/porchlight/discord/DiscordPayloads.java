package org.porchlight.discord;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.porchlight.testing.Corpus;
import org.porchlight.testing.Fixtures;

/**
 * The payloads a fake Discord is built from: the gateway's own frames, READY and GUILD_CREATE (the
 * bot, its server, that server's roles, channels and members), the shape of a DM message, and
 * Discord's REST error bodies. Ours ({@code fixtures/discord/}) by default; the corpus's for the
 * corpus checks. The three ids name what tests need in that server: a text channel anyone may post
 * in, and a role with Manage Server.
 */
record DiscordPayloads(
    ObjectNode hello,
    JsonNode heartbeatAck,
    JsonNode reconnect,
    JsonNode invalidSession,
    JsonNode ready,
    JsonNode guild,
    JsonNode dmMessage,
    JsonNode restErrors,
    String guildId,
    String checkInChannelId,
    String adminRoleId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  DiscordPayloads {
    requireNonNull(hello, "hello == null");
    requireNonNull(heartbeatAck, "heartbeatAck == null");
    requireNonNull(reconnect, "reconnect == null");
    requireNonNull(invalidSession, "invalidSession == null");
    requireNonNull(ready, "ready == null");
    requireNonNull(guild, "guild == null");
    requireNonNull(dmMessage, "dmMessage == null");
    requireNonNull(restErrors, "restErrors == null");
    requireNonNull(guildId, "guildId == null");
    requireNonNull(checkInChannelId, "checkInChannelId == null");
    requireNonNull(adminRoleId, "adminRoleId == null");
  }

  /** Ours, written from Discord's documentation. */
  static DiscordPayloads ours() {
    Path gateway = Fixtures.path("discord/gateway");
    return new DiscordPayloads(
        (ObjectNode) read(gateway.resolve("hello.json")),
        read(gateway.resolve("heartbeat_ack.json")),
        read(gateway.resolve("reconnect.json")),
        read(gateway.resolve("invalid_session.json")),
        read(gateway.resolve("ready.json")).path("d"),
        read(gateway.resolve("guild_create.json")).path("d"),
        read(gateway.resolve("message_create_in_a_dm.json")).path("d"),
        read(Fixtures.path("discord/rest_errors.json")),
        FakeDiscord.GUILD_ID,
        FakeDiscord.CHECK_IN_CHANNEL_ID,
        FakeDiscord.ADMIN_ROLE_ID);
  }

  /**
   * The corpus's: Discord4J's recorded READY (in the older v6 shape) and GUILD_CREATE, whose
   * "test3" channel has no overwrites and whose "admin" role has Manage Server; Discord's example
   * message, which has no guild_id, as a DM's; the error examples of Discord's docs.
   */
  static DiscordPayloads corpus() {
    Path gateway = Corpus.path("discord/gateway");
    return new DiscordPayloads(
        (ObjectNode) read(gateway.resolve("discord4j__Hello.json")),
        read(gateway.resolve("discord4j__HeartbeatAck.json")),
        read(gateway.resolve("discord4j__Reconnect.json")),
        read(gateway.resolve("discord4j__InvalidSession.json")),
        read(gateway.resolve("discord4j__Ready.json")).path("d"),
        read(gateway.resolve("discord4j__GuildCreate.json")).path("d"),
        read(gateway.resolve("docs_example_message_object.json")),
        read(Corpus.path("discord/rest_errors/discord_error_responses.json")),
        "135197118292819968",
        "263773872204152833",
        "136965347994632192");
  }

  /** One of Discord's REST error answers: its HTTP status, body and headers, as recorded. */
  record RestError(String name, int httpStatus, JsonNode recorded) {
    RestError {
      requireNonNull(name, "name == null");
      requireNonNull(recorded, "recorded == null");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Our REST errors other than 429s, whose waits JDA honours in full (a rate limit has tests of its
   * own).
   */
  static List<RestError> restErrorsBesidesRateLimits() {
    return besidesRateLimits(read(Fixtures.path("discord/rest_errors.json")));
  }

  /** The corpus's REST errors that name their HTTP status, other than 429s. */
  static List<RestError> corpusRestErrorsBesidesRateLimits() {
    return besidesRateLimits(read(Corpus.path("discord/rest_errors/discord_error_responses.json")));
  }

  private static List<RestError> besidesRateLimits(JsonNode errors) {
    List<RestError> result = new ArrayList<>();
    for (JsonNode error : errors) {
      int status = error.path("http_status").asInt(0);
      if (status != 0 && status != 429) {
        result.add(new RestError(error.path("case").asText(), status, error));
      }
    }
    return List.copyOf(result);
  }

  /** The file names of our recorded interactions. */
  static List<String> interactionNames() {
    return Fixtures.jsonFileNames(Fixtures.path("discord/interactions"));
  }

  /** One of our recorded interactions: the INTERACTION_CREATE's data. */
  static JsonNode interaction(String fileName) {
    return read(Fixtures.path("discord/interactions/" + fileName)).path("d");
  }

  /** The corpus's complete interactions (its {@code _PARTIAL} files hold only the data part). */
  static List<String> corpusInteractionNames() {
    return Fixtures.jsonFileNames(Corpus.path("discord/interactions")).stream()
        .filter(name -> !name.contains("_PARTIAL"))
        .toList();
  }

  /** One of the corpus's interactions, as the interaction object itself. */
  static JsonNode corpusInteraction(String fileName) {
    JsonNode node = read(Corpus.path("discord/interactions/" + fileName));
    return node.has("op") ? node.path("d") : node;
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(Fixtures.read(file));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(file + " is not JSON", e);
    }
  }
}
