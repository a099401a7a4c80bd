package org.porchlight.core.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.porchlight.core.CrisisLines;
import org.porchlight.core.CrisisLines.Country;
import org.porchlight.core.MemberId;
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
  // When each member last got the crisis lines. Kept in memory only: it is not worth storing.
  private final Map<MemberId, Instant> lastReply = new ConcurrentHashMap<>();

  CrisisReplies(Context ctx) {
    this.ctx = ctx;
  }

  void reply(Turn t) {
    ctx.tally.crisisReply(t.id.platform());
    Country country = ctx.content.crisisLines().forCountry(country(t));
    Instant last = lastReply.put(t.id, t.now);
    if (lastReply.size() > KEPT) {
      lastReply.values().removeIf(at -> at.isBefore(t.now.minus(ctx.options.crisisRepeatWindow())));
    }
    if (last != null && last.isAfter(t.now.minus(ctx.options.crisisRepeatWindow()))) {
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
    t.say(text.toString());
  }

  /** The member's country: the one they chose, else their time zone's. */
  Optional<String> country(Turn t) {
    return t.member.country().or(() -> t.member.zone().flatMap(ctx.places::countryOf));
  }

  /** Forgets when a member last got the lines, as {@code /forget} does everything else. */
  void forget(MemberId member) {
    lastReply.remove(member);
  }
}
