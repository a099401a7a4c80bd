package org.porchlight.telegram;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.porchlight.testing.Corpus;
import org.porchlight.testing.Fixtures;

/**
 * Telegram payloads to replay: updates and Bot API error bodies. Ours ({@code fixtures/telegram/})
 * are complete updates, read as written; the corpus's come in three shapes and are made whole
 * first.
 */
final class TelegramPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // Update ids for corpus files that carry none; FakeBotApi.push keeps ids increasing regardless.
  private static final AtomicLong CORPUS_UPDATE_IDS = new AtomicLong(500_000_001L);

  /** One error body, with the HTTP status it came with. */
  record ErrorCase(String name, int httpStatus, String body) {
    ErrorCase {
      requireNonNull(name, "name == null");
      requireNonNull(body, "body == null");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private TelegramPayloads() {}

  // ---- ours -----------------------------------------------------------------------------------

  /** The file names of our update fixtures. */
  static List<String> updateNames() {
    return Fixtures.jsonFileNames(Fixtures.path("telegram/updates"));
  }

  /** One of our update fixtures, as written. */
  static String update(String fileName) {
    return read(Fixtures.path("telegram/updates/" + fileName)).toString();
  }

  /** Our Bot API error bodies. */
  static List<ErrorCase> errorCases() {
    return errorCases(Fixtures.path("telegram/errors.json"));
  }

  /** One of our error bodies, by its case name. */
  static String errorBody(String name) {
    return errorCases().stream()
        .filter(errorCase -> errorCase.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no error case '" + name + "'"))
        .body();
  }

  // ---- the corpus -----------------------------------------------------------------------------

  /** The file names of the corpus's updates. */
  static List<String> corpusUpdateNames() {
    return Fixtures.jsonFileNames(Corpus.path("telegram/updates"));
  }

  /**
   * One of the corpus's updates made whole: a bare Message wrapped, a missing {@code update_id}
   * added, and {@code "date": 0} (read by the library as an inaccessible message) made a real date.
   */
  static String corpusUpdate(String fileName) {
    JsonNode node = read(Corpus.path("telegram/updates/" + fileName));
    if (!node.isObject()) {
      throw new IllegalArgumentException(fileName + " does not hold a JSON object");
    }
    ObjectNode update;
    if (isBareMessage(node)) {
      update = NODES.objectNode().put("update_id", CORPUS_UPDATE_IDS.getAndIncrement());
      update.set("message", node);
    } else {
      update = (ObjectNode) node;
      if (!update.has("update_id")) {
        ObjectNode numbered =
            NODES.objectNode().put("update_id", CORPUS_UPDATE_IDS.getAndIncrement());
        numbered.setAll(update);
        update = numbered;
      }
    }
    replaceZeroDates(update, Instant.now().getEpochSecond());
    return update.toString();
  }

  /** The corpus's Bot API error bodies. */
  static List<ErrorCase> corpusErrorCases() {
    return errorCases(Corpus.path("telegram/errors/telegram_error_responses.json"));
  }

  // ---- reading --------------------------------------------------------------------------------

  private static List<ErrorCase> errorCases(Path file) {
    List<ErrorCase> result = new ArrayList<>();
    for (JsonNode errorCase : read(file)) {
      result.add(
          new ErrorCase(
              errorCase.path("case").asText(),
              errorCase.path("http_status").asInt(),
              errorCase.path("body").toString()));
    }
    return List.copyOf(result);
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Fixtures.read(file));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(file + " is not JSON", e);
    }
  }

  // A Message always has message_id, chat and date; an Update never has them at its top level.
  private static boolean isBareMessage(JsonNode node) {
    return node.has("message_id") && node.has("chat") && node.has("date");
  }

  private static void replaceZeroDates(JsonNode node, long date) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode value = object.get("date");
      if (value != null && value.isNumber() && value.asLong() == 0) {
        object.put("date", date);
      }
      object.elements().forEachRemaining(child -> replaceZeroDates(child, date));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> replaceZeroDates(child, date));
    }
  }
}
