package org.porchlight.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getUpdates that reads each update on its own. The library reads a batch as a whole, so one update
 * it cannot read (an older shape, a newer field type) would fail every poll after it and stop the
 * bot for good; here that update is skipped, with a warning, and the rest are answered.
 */
final class TolerantGetUpdates extends GetUpdates {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TolerantGetUpdates.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  // Told of every answer Telegram gives to a poll: the connection is alive.
  private final transient Runnable answered;

  TolerantGetUpdates(int offset, int limit, int timeout, Runnable answered) {
    this.answered = answered;
    setOffset(offset);
    setLimit(limit);
    setTimeout(timeout);
  }

  @Override
  public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
    JsonNode root;
    try {
      root = JSON.readTree(answer);
    } catch (JsonProcessingException e) {
      return super.deserializeResponse(answer); // the library reports it as it always has
    }
    if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
      return super.deserializeResponse(answer);
    }
    answered.run();
    ArrayList<Update> updates = new ArrayList<>();
    for (JsonNode node : root.path("result")) {
      updates.add(read(node));
    }
    return updates;
  }

  private static Update read(JsonNode node) {
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
      object.forEach(TolerantGetUpdates::withIsBot);
    } else if (node.isArray()) {
      node.forEach(TolerantGetUpdates::withIsBot);
    }
    return node;
  }
}
