package org.porchlight.core.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.porchlight.core.Action.CrisisCheck;
import org.porchlight.core.CrisisLines;
import org.porchlight.core.CrisisLines.Country;
import org.porchlight.core.MemberId;
import org.porchlight.core.Reply;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.Text;

/**
 * The answer to crisis language: the crisis lines of the member's country, the emergency number,
 * and that Porchlight is not an emergency service. A repeat within a short window gets a short
 * reminder, not the whole block again.
 */
final class CrisisReplies {
  // Past this many members in the window, the expired ones are let go.
  private static final int KEPT = 10_000;

  private final Context ctx;
  // When each member last got the crisis lines, and was last asked whether they think of ending
  // their life. Kept in memory only: it is not worth storing.
  private final Map<MemberId, Instant> lastReply = new ConcurrentHashMap<>();
  private final Map<MemberId, Instant> lastAsked = new ConcurrentHashMap<>();

  CrisisReplies(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * Words that might speak of ending one's life or of self-harm, and Porchlight can't tell: it
   * asks, straight out, as crisis counsellors do, with Yes and No. Within the repeat window it asks
   * no more: after the crisis lines it reminds of them; after a question, it answers nothing and
   * says so ({@code false}), so the words are heard as a hard day.
   */
  boolean ask(Turn t) {
    if (within(lastReply, t)) {
      reply(t);
      return true;
    }
    if (within(lastAsked, t)) return false;
    remember(lastAsked, t);
    t.reply(
        Reply.withButtons(
            t.texts.get(Text.CRISIS_QUESTION),
            List.of(
                new Reply.Button(
                    t.texts.get(Text.BUTTON_CRISIS_YES), new CrisisCheck(true).encode()),
                new Reply.Button(
                    t.texts.get(Text.BUTTON_CRISIS_NO), new CrisisCheck(false).encode()))));
    return true;
  }

  void reply(Turn t) {
    reply(t, true);
  }

  /**
   * The crisis lines; with {@code withPlan}, in a private chat, the member's own safety plan first.
   */
  void reply(Turn t, boolean withPlan) {
    ctx.tally.crisisReply(t.id.platform());
    Country country = ctx.content.crisisLines().forCountry(country(t));
    boolean repeat = within(lastReply, t);
    remember(lastReply, t);
    if (repeat) {
      CrisisLines.Line first = country.lines().get(0);
      t.say(
          t.texts.get(
              Text.CRISIS_AGAIN,
              "emergency",
              country.emergency(),
              "line",
              first.name(),
              "contact",
              first.contact()));
      return;
    }
    // The member's plan and buddy come with the lines, but never in their way: when either can't
    // be read (a database outage, a key that no longer opens them), the lines go without them.
    Optional<SafetyPlan> plan = Optional.empty();
    boolean buddy = false;
    if (withPlan && t.stored) {
      try {
        plan = Optional.of(ctx.stores.support().plan(t.id)).filter(p -> !p.isEmpty());
        buddy = t.flows.buddy().has(t);
      } catch (RuntimeException e) {
        plan = Optional.empty();
        buddy = false;
      }
    }
    plan.ifPresent(
        p -> t.say(t.texts.get(Text.PLAN_IN_CRISIS, "plan", t.flows.plan().text(t, p, false))));
    StringBuilder text = new StringBuilder(t.texts.get(Text.CRISIS)).append("\n");
    for (CrisisLines.Line line : country.lines()) {
      text.append('\n')
          .append(
              t.texts.get(
                  Text.CRISIS_LINE,
                  "name",
                  line.name(),
                  "contact",
                  line.contact(),
                  "how",
                  line.how(),
                  "url",
                  line.url()));
    }
    text.append("\n\n")
        .append(t.texts.get(Text.CRISIS_EMERGENCY, "emergency", country.emergency()))
        .append("\n\n")
        .append(t.texts.get(Text.CRISIS_NOT_EMERGENCY_SERVICE));
    if (buddy) {
      t.reply(Reply.withButtons(text.toString(), List.of(t.flows.buddy().tellButton(t))));
    } else {
      t.say(text.toString());
    }
  }

  private boolean within(Map<MemberId, Instant> last, Turn t) {
    Instant at = last.get(t.id);
    return at != null && at.isAfter(t.now.minus(ctx.options.crisisRepeatWindow()));
  }

  private void remember(Map<MemberId, Instant> last, Turn t) {
    last.put(t.id, t.now);
    if (last.size() > KEPT) {
      last.values().removeIf(at -> at.isBefore(t.now.minus(ctx.options.crisisRepeatWindow())));
    }
  }

  /** The member's country: the one they chose, else their time zone's. */
  Optional<String> country(Turn t) {
    return t.member.country().or(() -> t.member.zone().flatMap(ctx.places::countryOf));
  }

  /** Forgets when a member last got the lines, as {@code /forget} does everything else. */
  void forget(MemberId member) {
    lastReply.remove(member);
    lastAsked.remove(member);
  }
}
