package org.porchlight.core.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Content;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.InMemoryStore;
import org.porchlight.core.Incoming;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Messages;
import org.porchlight.core.MutableClock;
import org.porchlight.core.Reply;
import org.porchlight.core.Step;
import org.porchlight.core.StepGiven;
import org.porchlight.core.SummaryExport;
import org.porchlight.core.TestContent;

/** Drives one member through the conversation, as the flow tests beside it do. */
abstract class ConversationDriver {
  // Saturday 21 November 2026, 16:00 UTC: 16:00 in London, 11:00 in New York.
  static final Instant NOW = Instant.parse("2026-11-21T16:00:00Z");
  static final MemberId ALEX = new MemberId("test", "alex");

  final InMemoryStore store = new InMemoryStore();
  final MutableClock clock = new MutableClock(NOW);
  long randomValue = 1L << 40; // nextInt(n) != 0: no "offer connection" on fine days
  final RandomGenerator random = () -> randomValue;
  Content content = TestContent.load();
  final Messages texts = content.messagesFor("en");
  Conversation conversation = conversation();
  List<Reply> last = List.of();

  Conversation conversation() {
    return new Conversation(
        Stores.in(store), content, ConversationOptions.DEFAULT, new SummaryExport(), clock, random);
  }

  List<Reply> say(String text) {
    Incoming incoming =
        Incoming.Command.parse(text)
            .<Incoming>map(c -> c)
            .orElseGet(() -> new Incoming.FreeText(text));
    last = conversation.handle(ALEX, incoming);
    return last;
  }

  List<Reply> press(String label) {
    Reply.Button button =
        last.stream()
            .flatMap(reply -> reply.buttons().stream())
            .filter(b -> b.label().equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + last));
    last = conversation.handle(ALEX, new Incoming.ButtonPress(button.data()));
    return last;
  }

  static String text(List<Reply> replies) {
    return replies.stream().map(Reply::text).collect(Collectors.joining("\n---\n"));
  }

  static List<String> labels(List<Reply> replies) {
    return replies.stream().flatMap(r -> r.buttons().stream()).map(Reply.Button::label).toList();
  }

  void setUp(String time, String zone) {
    say("/time " + time);
    say("/timezone " + zone);
  }

  Optional<CheckIn> today() {
    LocalDate date = LocalDate.ofInstant(clock.instant(), store.members.get(ALEX).zoneOrUtc());
    return store.find(ALEX, date);
  }

  /** What the scheduler does after a long silence: says the light's on, then sends nothing. */
  void leaveTheLightOn() {
    Member member = store.members.get(ALEX);
    store.save(
        member
            .withContact(member.contact().lightsOn(clock.instant()))
            .withNextCheckInAt(Optional.empty()));
  }

  /** Answers today's check-in with a button, then moves on to the next day, once per label. */
  void answerDays(String... labels) {
    for (String label : labels) {
      answerToday(label);
      clock.advance(Duration.ofDays(1));
    }
  }

  List<Reply> answerToday(String label) {
    say("/checkin");
    return press(label);
  }

  Step lastStepGiven() {
    List<StepGiven> given = store.givenTo(ALEX);
    return content.steps().byId(given.get(given.size() - 1).stepId()).orElseThrow();
  }
}
