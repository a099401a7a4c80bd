package org.porchlight.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A guild's scheduled events as Discord's REST API keeps them ({@code
 * guilds/{guild.id}/scheduled-events}), for {@link FakeDiscord}: external events only (entity type
 * 3, a location, an end), each created by the bot. Permissions as Discord checks them: creating
 * needs CREATE_EVENTS; changing or deleting needs MANAGE_EVENTS, or CREATE_EVENTS for the bot's
 * own. Refusals have Discord's codes: 50013 Missing Permissions, 10070 Unknown Guild Scheduled
 * Event, 50035 Invalid Form Body. No GUILD_SCHEDULED_EVENT_* dispatches: Discord sends those only
 * for the GUILD_SCHEDULED_EVENTS intent, which Porchlight does not ask for. Not thread-safe: the
 * fake calls it with its state held.
 */
final class FakeScheduledEvents {
  static final long MANAGE_EVENTS = 1L << 33;
  static final long CREATE_EVENTS = 1L << 44;
  private static final long ADMINISTRATOR = 1L << 3;
  private static final int EXTERNAL = 3;
  private static final int GUILD_ONLY = 2;
  private static final int SCHEDULED = 1;
  private static final int COMPLETED = 3;
  private static final int CANCELED = 4;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // As Discord writes these times: seconds, and the offset +00:00.
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  /** What the REST call is answered with: a status and a body (null JSON for none). */
  record Result(int status, JsonNode body) {
    static Result error(int status, int code, String message) {
      return new Result(status, NODES.objectNode().put("message", message).put("code", code));
    }
  }

  private final String guildId;
  private final ObjectNode creator;
  private final Supplier<String> snowflakes;
  private final Map<String, ObjectNode> events = new LinkedHashMap<>();
  private Optional<Result> failing = Optional.empty();

  FakeScheduledEvents(String guildId, ObjectNode creator, Supplier<String> snowflakes) {
    this.guildId = guildId;
    this.creator = creator;
    this.snowflakes = snowflakes;
  }

  /** Every later call is answered with {@code failure} instead, until {@code empty}. */
  void fail(Optional<Result> failure) {
    this.failing = failure;
  }

  /** Someone deletes an event in Discord's app. */
  void delete(String eventId) {
    if (events.remove(eventId) == null) {
      throw new IllegalArgumentException("no scheduled event " + eventId);
    }
  }

  /** The events still to come or under way, in the order they were made. */
  List<JsonNode> current() {
    return events.values().stream()
        .filter(event -> event.path("status").asInt() <= 2)
        .map(event -> (JsonNode) event.deepCopy())
        .toList();
  }

  /**
   * Answers a call below {@code guilds/{guild.id}/scheduled-events}: {@code eventId} is empty for
   * the list itself; {@code botPermissions} are the bot's in the guild.
   */
  Result handle(String method, Optional<String> eventId, JsonNode body, long botPermissions) {
    if (failing.isPresent()) return failing.get();
    boolean admin = (botPermissions & ADMINISTRATOR) != 0;
    if (eventId.isEmpty()) {
      if (method.equals("GET")) {
        ArrayNode list = NODES.arrayNode();
        current().forEach(list::add);
        return new Result(200, list);
      }
      if (method.equals("POST")) {
        if (!admin && (botPermissions & CREATE_EVENTS) == 0) return missingPermissions();
        return create(body);
      }
      return Result.error(405, 0, "405: Method Not Allowed");
    }
    ObjectNode event = events.get(eventId.get());
    if (event == null) return Result.error(404, 10070, "Unknown Guild Scheduled Event");
    if (method.equals("GET")) return new Result(200, event.deepCopy());
    // The bot made every event here: its own need CREATE_EVENTS, or MANAGE_EVENTS.
    if (!admin && (botPermissions & (CREATE_EVENTS | MANAGE_EVENTS)) == 0) {
      return missingPermissions();
    }
    if (method.equals("PATCH")) return modify(event, body);
    if (method.equals("DELETE")) {
      events.remove(eventId.get());
      return new Result(204, NODES.nullNode());
    }
    return Result.error(405, 0, "405: Method Not Allowed");
  }

  private Result create(JsonNode body) {
    if (body.path("entity_type").asInt() != EXTERNAL) {
      return invalid("entity_type", "The fake keeps external events (3) only.");
    }
    if (body.path("privacy_level").asInt() != GUILD_ONLY) {
      return invalid("privacy_level", "Value must be one of {2}.");
    }
    if (body.hasNonNull("channel_id")) {
      return invalid("channel_id", "An external event has no channel.");
    }
    ObjectNode event = NODES.objectNode();
    event.put("id", snowflakes.get());
    event.put("guild_id", guildId);
    event.putNull("channel_id");
    event.put("creator_id", creator.path("id").asText());
    event.put("status", SCHEDULED);
    event.put("entity_type", EXTERNAL);
    event.putNull("entity_id");
    event.put("privacy_level", GUILD_ONLY);
    event.putNull("image");
    event.putNull("recurrence_rule");
    event.put("user_count", 0);
    event.set("creator", creator.deepCopy());
    event.putNull("description");
    Optional<Result> refused = apply(event, body, true);
    if (refused.isPresent()) return refused.get();
    events.put(event.path("id").asText(), event);
    return new Result(200, event.deepCopy());
  }

  private Result modify(ObjectNode event, JsonNode body) {
    int status = event.path("status").asInt();
    if (status == COMPLETED || status == CANCELED) {
      return invalid("status", "Cannot modify a finished event.");
    }
    ObjectNode changed = event.deepCopy();
    Optional<Result> refused = apply(changed, body, false);
    if (refused.isPresent()) return refused.get();
    event.setAll(changed);
    return new Result(200, event.deepCopy());
  }

  // Copies the fields a create or a modify may carry, and checks them as Discord does.
  private static Optional<Result> apply(ObjectNode event, JsonNode body, boolean creating) {
    if (creating || body.has("name")) {
      String name = body.path("name").asText("");
      if (name.isEmpty() || name.length() > 100) {
        return Optional.of(invalid("name", "Must be between 1 and 100 in length."));
      }
      event.put("name", name);
    }
    if (body.has("description")) {
      if (body.path("description").asText("").length() > 1000) {
        return Optional.of(invalid("description", "Must be 1000 or fewer in length."));
      }
      event.set("description", body.get("description").deepCopy());
    }
    if (creating || body.has("entity_metadata")) {
      String location = body.path("entity_metadata").path("location").asText("");
      if (location.isEmpty() || location.length() > 100) {
        return Optional.of(invalid("entity_metadata", "Must be between 1 and 100 in length."));
      }
      event.putObject("entity_metadata").put("location", location);
    }
    for (String field : List.of("scheduled_start_time", "scheduled_end_time")) {
      if (creating || body.has(field)) {
        Optional<Instant> at = time(body.path(field).asText(""));
        if (at.isEmpty()) {
          return Optional.of(invalid(field, "An external event needs this, as ISO8601."));
        }
        event.put(field, TIME.format(at.get()));
      }
    }
    Instant start = time(event.path("scheduled_start_time").asText()).orElseThrow();
    Instant end = time(event.path("scheduled_end_time").asText()).orElseThrow();
    if (body.has("scheduled_start_time") && !start.isAfter(Instant.now())) {
      return Optional.of(invalid("scheduled_start_time", "Cannot schedule event in the past."));
    }
    if (!end.isAfter(start)) {
      return Optional.of(invalid("scheduled_end_time", "Cannot end before it starts."));
    }
    return Optional.empty();
  }

  private static Optional<Instant> time(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Result missingPermissions() {
    return Result.error(403, 50013, "Missing Permissions");
  }

  private static Result invalid(String field, String message) {
    ObjectNode body = NODES.objectNode().put("message", "Invalid Form Body").put("code", 50035);
    body.putObject("errors")
        .putObject(field)
        .putArray("_errors")
        .addObject()
        .put("code", "BASE_TYPE_BAD_VALUE")
        .put("message", message);
    return new Result(400, body);
  }
}
