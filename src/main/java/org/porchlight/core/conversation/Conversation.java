package org.porchlight.core.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.porchlight.core.Community;
import org.porchlight.core.Content;
import org.porchlight.core.ConversationOptions;
import org.porchlight.core.Incoming;
import org.porchlight.core.Member;
import org.porchlight.core.MemberData;
import org.porchlight.core.MemberId;
import org.porchlight.core.Messages;
import org.porchlight.core.Prompt;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.port.ExportFormat;
import org.porchlight.core.port.Tally;
import org.porchlight.core.reading.Meaning;
import org.porchlight.core.reading.Reading;
import org.porchlight.core.reading.TextReader;

/**
 * The check-in conversation, the same on every platform: hears what a member did and answers with
 * {@link Reply} values. Crisis language is answered first, wherever it appears. This class routes
 * each message to its flow; the flows beside it do the talking.
 */
public final class Conversation {
  /** A command members can use, with its short description, for platforms' command menus. */
  public record MenuEntry(String command, String description) {}

  private static final List<Map.Entry<String, Text>> MENU =
      List.of(
          Map.entry("checkin", Text.MENU_CHECKIN),
          Map.entry("step", Text.MENU_STEP),
          Map.entry("group", Text.MENU_GROUP),
          Map.entry("history", Text.MENU_HISTORY),
          Map.entry("time", Text.MENU_TIME),
          Map.entry("timezone", Text.MENU_TIMEZONE),
          Map.entry("days", Text.MENU_DAYS),
          Map.entry("quiet", Text.MENU_QUIET),
          Map.entry("country", Text.MENU_COUNTRY),
          Map.entry("pause", Text.MENU_PAUSE),
          Map.entry("resume", Text.MENU_RESUME),
          Map.entry("pod", Text.MENU_POD),
          Map.entry("plan", Text.MENU_PLAN),
          Map.entry("buddy", Text.MENU_BUDDY),
          Map.entry("mydata", Text.MENU_MYDATA),
          Map.entry("forget", Text.MENU_FORGET),
          Map.entry("help", Text.MENU_HELP),
          Map.entry("about", Text.MENU_ABOUT),
          Map.entry("start", Text.MENU_START));

  private final Context ctx;
  private final Flows flows;
  private final Router router;

  public Conversation(
      Stores stores,
      Content content,
      ConversationOptions options,
      ExportFormat export,
      Clock clock,
      RandomGenerator random) {
    this.ctx = new Context(stores, content, options, export, clock, random);
    this.flows = Flows.of(ctx);
    this.router = new Router(ctx, flows);
  }

  /**
   * The bot's username on {@code platform}, for links to it in what Porchlight says (a buddy
   * invitation's {@code t.me} link).
   */
  public Conversation knownAs(String platform, String username) {
    ctx.botNames.put(platform, username);
    return this;
  }

  /** Counts what happens from now on (answers, crisis replies, reach-outs) in {@code tally}. */
  public Conversation counting(Tally tally) {
    ctx.tally = requireNonNull(tally, "tally == null");
    return this;
  }

  /**
   * Reads the words members write with {@code meaning} beside the patterns from now on. Buttons and
   * commands are never read by it.
   */
  public Conversation understanding(Meaning meaning) {
    ctx.reader = new TextReader(meaning);
    return this;
  }

  /** Answers what a member did. Never empty: every message gets an answer. */
  public List<Reply> handle(MemberId member, Incoming incoming) {
    return router.handle(new Turn(ctx, flows, member, Optional.empty()), incoming);
  }

  /**
   * Answers what a member did inside a community, such as a command in a Discord server: the
   * community becomes the member's home, whose meeting they are shown, and a member new to
   * Porchlight starts with its check-in time and zone.
   */
  public List<Reply> handle(MemberId member, Incoming incoming, Community.Place place) {
    return router.handle(new Turn(ctx, flows, member, Optional.of(place)), incoming);
  }

  /** The members' commands in the order a menu should show them. */
  public List<MenuEntry> menu(String locale) {
    Messages texts = ctx.content.messagesFor(locale);
    return MENU.stream().map(e -> new MenuEntry(e.getKey(), texts.get(e.getValue()))).toList();
  }

  /** The texts of a language, for adapters that say something of their own. */
  public Messages texts(String locale) {
    return ctx.content.messagesFor(locale);
  }

  /**
   * The crisis reply when {@code text} is crisis language, and nothing otherwise: for places such
   * as group chats, where only a crisis is answered and nothing is recorded, and for the moments
   * the store can't be reached.
   */
  public Optional<Reply> crisisCheck(MemberId member, String text) {
    // Said in front of everyone: a crisis is answered there, but nobody is asked about it there.
    // Never held up by the store: while the database is away, the lines still go.
    return crisisLines(text, () -> Turn.evenWithoutTheStore(ctx, flows, member));
  }

  /**
   * As {@link #crisisCheck}, without asking the store for anything: for the moments it is known to
   * be away. The lines are those for a member of whom nothing is known (no country, the default
   * language), and nothing is recorded.
   */
  public Optional<Reply> crisisCheckWithoutTheStore(MemberId member, String text) {
    return crisisLines(text, () -> Turn.withoutTheStore(ctx, flows, member));
  }

  private Optional<Reply> crisisLines(String text, Supplier<Turn> turnFor) {
    if (ctx.reader.understand(text) != Reading.CRISIS) return Optional.empty();
    Turn turn = turnFor.get();
    // Said where others may see it, or without the member's records: their own plan stays out.
    flows.crisis().reply(turn, false);
    return turn.finish().stream().findFirst();
  }

  /** The check-in question for one day, with its three answer buttons. */
  public Reply checkInQuestion(Member member, LocalDate date) {
    Messages texts = ctx.content.messagesFor(member.locale());
    return Reply.withButtons(
        texts.any(Text.CHECK_IN_QUESTION, ctx.random), CheckInAnswers.answerButtons(texts, date));
  }

  /**
   * What Porchlight says when it starts the conversation itself: the check-in question, the one
   * reminder, or "the light's on" after a long silence. {@code date} is the day a check-in or
   * reminder asks about, or the day a meeting reminded of starts, in the member's zone. Empty when
   * it is no longer worth saying: a meeting's reminder held up until the meeting had begun.
   */
  public Optional<Reply> prompt(Prompt prompt, Member member, LocalDate date) {
    Messages texts = ctx.content.messagesFor(member.locale());
    return switch (prompt) {
      case CHECK_IN -> Optional.of(checkInQuestion(member, date));
      case REMINDER ->
          Optional.of(
              Reply.withButtons(
                  texts.any(Text.REMINDER, ctx.random), CheckInAnswers.answerButtons(texts, date)));
      case LIGHTS_ON -> Optional.of(Reply.text(texts.any(Text.LIGHTS_ON, ctx.random)));
      case REACH_OUT -> Optional.of(flows.reachOut().question(member, date));
      case REACH_OUT_FOLLOW_UP -> Optional.of(flows.reachOut().followUp(member, date));
      case BUDDY_NUDGE, BUDDY_ACCEPTED, BUDDY_ENDED, BUDDY_UNREACHABLE ->
          Optional.of(flows.buddy().letter(prompt, member));
      case MEETING_REMINDER -> flows.meetingReminders().letter(member, date);
    };
  }

  /**
   * A message for {@code member} could not go: they blocked Porchlight or left. A buddy's member is
   * told, so that they do not count on a buddy who is no longer there.
   */
  public void unreachable(Prompt prompt, MemberId member) {
    if (prompt == Prompt.BUDDY_NUDGE) flows.buddy().buddyUnreachable(member);
  }

  /** Everything stored about a member, as {@code /mydata} sends it; empty when nothing is. */
  public Optional<MemberData> dataOf(MemberId member) {
    return flows.data().of(member);
  }
}
