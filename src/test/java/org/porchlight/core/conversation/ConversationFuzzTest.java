package org.porchlight.core.conversation;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.porchlight.core.Community;
import org.porchlight.core.Content;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.InMemoryStore;
import org.porchlight.core.Incoming;
import org.porchlight.core.MemberId;
import org.porchlight.core.MutableClock;
import org.porchlight.core.Pod;
import org.porchlight.core.Reply;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.SummaryExport;
import org.porchlight.core.TestContent;
import org.porchlight.testing.Replies;

/**
 * A member's messages through the whole conversation: every command with any argument, any words,
 * any button data (a real button's or made up), any form, in any order and at any time. Whatever
 * comes in, the member gets an answer that is a sentence: not empty, no stack trace, no control
 * characters, and buttons Telegram and Discord would accept.
 */
class ConversationFuzzTest {
  private static final Content CONTENT = TestContent.load();
  private static final List<String> COMMANDS =
      List.of(
          "start",
          "checkin",
          "step",
          "group",
          "history",
          "time",
          "timezone",
          "days",
          "quiet",
          "country",
          "pause",
          "resume",
          "pod",
          "plan",
          "buddy",
          "mydata",
          "forget",
          "help",
          "about",
          "setup",
          "nosuchcommand");
  private static final List<String> FORM_FIELDS = formFields();
  private static final Community.Place GROUP =
      new Community.Place(new Community.Id("test", "group-1"), "The Tuesday group");

  @FuzzTest
  void everyMessageGetsAKindAnswer(FuzzedDataProvider data) {
    InMemoryStore store = new InMemoryStore();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T16:00:00Z"));
    long seed = data.consumeLong();
    Conversation conversation =
        new Conversation(
            Stores.in(store),
            CONTENT,
            ConversationOptions.DEFAULT,
            new SummaryExport(),
            clock,
            new SplittableRandom(seed));
    MemberId member = new MemberId("test", data.consumeBoolean() ? "alex" : "sam");
    List<Reply> last = List.of();
    int turns = data.consumeInt(1, 8);
    for (int turn = 0; turn < turns && data.remainingBytes() > 0; turn++) {
      Incoming incoming = incoming(data, last);
      clock.advance(Duration.ofMinutes(data.consumeInt(0, 3 * 24 * 60)));
      last =
          data.consumeBoolean()
              ? conversation.handle(member, incoming, GROUP)
              : conversation.handle(member, incoming);
      Replies.assertKind(last);
    }
  }

  private static Incoming incoming(FuzzedDataProvider data, List<Reply> last) {
    switch (data.consumeInt(0, 5)) {
      case 0:
        return new Incoming.Command(data.pickValue(COMMANDS), data.consumeString(80));
      case 1:
        {
          Optional<Incoming.Command> parsed = Incoming.Command.parse(data.consumeString(120));
          if (parsed.isPresent()) return parsed.get();
          return new Incoming.FreeText("/" + data.pickValue(COMMANDS));
        }
      case 2:
        {
          List<Reply.Button> shown = last.stream().flatMap(r -> r.buttons().stream()).toList();
          if (!shown.isEmpty() && data.consumeBoolean()) {
            return new Incoming.ButtonPress(data.pickValue(shown).data());
          }
          String made = data.consumeString(70);
          return new Incoming.ButtonPress(made.isEmpty() ? "1:x" : made);
        }
      case 3:
        {
          Map<String, String> fields = new LinkedHashMap<>();
          int count = data.consumeInt(1, 4);
          for (int i = 0; i < count; i++) {
            String name =
                data.consumeBoolean() ? data.pickValue(FORM_FIELDS) : data.consumeString(12);
            fields.put(name, data.consumeString(200));
          }
          return new Incoming.Form(fields);
        }
      case 4:
        return new Incoming.NoText(data.pickValue(List.of("sticker", "photo", "voice", "poll")));
      default:
        {
          String words = data.consumeString(300);
          return new Incoming.FreeText(words.isBlank() ? "hi" : words);
        }
    }
  }

  private static List<String> formFields() {
    List<String> fields = new ArrayList<>(List.of("zone", "timezone", "time", "days", "quiet"));
    for (Pod.Ring ring : Pod.Ring.values()) fields.add(ring.formField());
    for (SafetyPlan.Section section : SafetyPlan.Section.values()) fields.add(section.formField());
    return fields;
  }
}
