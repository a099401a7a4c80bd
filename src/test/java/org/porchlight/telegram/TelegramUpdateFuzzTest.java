package org.porchlight.telegram;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A polled batch of updates, as Telegram's answer to getUpdates: read by the library and by us,
 * then answered by the chat. Whatever it holds, it is read or refused as the library refuses, and
 * each update is answered without an error, in words a member can read.
 */
class TelegramUpdateFuzzTest {
  @FuzzTest
  void anyPolledUpdateIsAnsweredOrPassedOver(FuzzedDataProvider data) {
    FuzzedTelegram telegram = FuzzedTelegram.shared();
    String answer =
        data.consumeBoolean()
            ? "{\"ok\":true,\"result\":[" + FuzzedTelegram.update(data) + "]}"
            : data.consumeRemainingAsString();
    List<Update> updates;
    try {
      updates = new TolerantGetUpdates(0, 100, 0, () -> {}).deserializeResponse(answer);
    } catch (TelegramApiRequestException refused) {
      return; // an answer that is not a batch: the poller logs it and polls again
    }
    telegram.assertSent();
    for (Update update : updates) {
      telegram.chat.handle(update);
    }
    telegram.assertSent();
  }
}
