package org.porchlight.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Reads one update, however it came (a poll's batch, a webhook's post), forgivingly: an update the
 * library cannot read (an older shape, a newer field type) becomes an update with only its id, to
 * be passed over with a warning rather than stop everything after it.
 */
final class UpdateReader {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateReader.class);
  static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private UpdateReader() {}

  static Update read(JsonNode node) {
    try {
      return JSON.treeToValue(node, Update.class);
    } catch (JsonProcessingException | IllegalArgumentException first) {
      try {
        // Older Bot API versions had no is_bot on users; the library insists on it.
        return JSON.treeToValue(withIsBot(node.deepCopy()), Update.class);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        Update skipped = new Update();
        skipped.setUpdateId(node.path("update_id").asInt());
        LOG.warn(
            "update {} could not be read and is skipped: {}",
            skipped.getUpdateId(),
            e.getClass().getSimpleName());
        return skipped;
      }
    }
  }

  private static JsonNode withIsBot(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("first_name") && object.has("id") && !object.has("is_bot")) {
        object.put("is_bot", false);
      }
      object.forEach(UpdateReader::withIsBot);
    } else if (node.isArray()) {
      node.forEach(UpdateReader::withIsBot);
    }
    return node;
  }
}
