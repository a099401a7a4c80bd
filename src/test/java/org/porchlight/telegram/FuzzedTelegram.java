package org.porchlight.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.porchlight.runtime.Ticker;
import org.porchlight.store.Database;
import org.porchlight.testing.JsonLeaves;
import org.porchlight.testing.RealConversation;
import org.porchlight.testing.Replies;
import org.porchlight.testing.TestH2;

/**
 * What the Telegram fuzz tests share, made once a JVM: the fake Bot API, a database, and the chat
 * that answers updates as the bot does; and updates made from our fixtures with fuzzed values.
 */
final class FuzzedTelegram {
  static final String TOKEN = "123456:TEST-token-for-fuzzing-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIXTURES = TelegramPayloads.updateNames();
  private static final List<String> CHAT_TYPES =
      List.of("private", "group", "supergroup", "channel", "");

  final FakeBotApi telegram = FakeBotApi.start(TOKEN);
  final Database database;
  final TelegramChat chat;

  private static FuzzedTelegram shared;

  static synchronized FuzzedTelegram shared() {
    if (shared == null) shared = new FuzzedTelegram();
    return shared;
  }

  private FuzzedTelegram() {
    // Jazzer's network sanitizer takes any connection for a server-side request forgery; these
    // go to the fake Bot API on this machine. (Left unallowed, its error is thrown in OkHttp's
    // thread, and the call waits forever: the hang issue 16 gives every platform call a deadline
    // for.)
    BugDetectors.allowNetworkConnections(
        (host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
    try {
      database = TestH2.open(Files.createTempDirectory("porchlight-fuzz"), 4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Clock clock = Clock.systemUTC();
    TelegramApi api =
        new TelegramApi(
            new TelegramCalls(
                TOKEN, TelegramBot.telegramUrl(telegram.baseUrl()), TelegramBot.CALL_TIMEOUT),
            new Outage(Ticker.SYSTEM),
            pause -> {},
            member -> database.members().setReachable(member, false));
    chat =
        new TelegramChat(
            RealConversation.on(database, clock),
            RealConversation.hosting(database, clock),
            database.members(),
            api,
            "PorchlightTestBot",
            // The fuzzer is one member sending fast: every input is read.
            new org.porchlight.core.MessageLimit(Integer.MAX_VALUE, Integer.MAX_VALUE, clock));
  }

  /** Every message sent since the last look is a sentence a member can read. */
  void assertSent() {
    List<FakeBotApi.Call> calls = telegram.calls();
    telegram.forgetCalls();
    for (FakeBotApi.Call call : calls) {
      if (!call.method().equals("sendMessage") && !call.method().equals("editMessageText")) {
        continue;
      }
      String text = call.param("text");
      assertThat(text).as("a message's text").isNotBlank();
      Replies.assertSentence(text);
    }
  }

  /** One of our fixtures with some of its values replaced by fuzzed ones. */
  static String update(FuzzedDataProvider data) {
    ObjectNode update =
        (ObjectNode) read(TelegramPayloads.update(data.pickValue(FIXTURES))).deepCopy();
    List<JsonLeaves.Leaf> leaves = JsonLeaves.of(update);
    int edits = data.consumeInt(0, 4);
    for (int i = 0; i < edits && !leaves.isEmpty(); i++) {
      JsonLeaves.Leaf leaf = leaves.get(data.consumeInt(0, leaves.size() - 1));
      ObjectNode parent = leaf.parent();
      String name = leaf.name();
      JsonNode old = parent.get(name);
      if (name.equals("type")) {
        parent.put(name, data.pickValue(CHAT_TYPES));
      } else if (old.isNumber()) {
        parent.put(name, data.consumeLong());
      } else if (old.isBoolean()) {
        parent.put(name, data.consumeBoolean());
      } else {
        parent.put(name, data.consumeString(200));
      }
    }
    if (data.consumeBoolean()) update.put("update_id", data.consumeInt());
    return update.toString();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
