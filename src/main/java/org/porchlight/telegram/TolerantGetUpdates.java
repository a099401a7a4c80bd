package org.porchlight.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
      root = UpdateReader.JSON.readTree(answer);
    } catch (JsonProcessingException e) {
      return super.deserializeResponse(answer); // the library reports it as it always has
    }
    if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
      return super.deserializeResponse(answer);
    }
    answered.run();
    ArrayList<Update> updates = new ArrayList<>();
    for (JsonNode node : root.path("result")) {
      updates.add(UpdateReader.read(node));
    }
    return updates;
  }
}
