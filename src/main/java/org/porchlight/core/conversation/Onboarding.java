package org.porchlight.core.conversation;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.porchlight.core.Action.SetTime;
import org.porchlight.core.Community;
import org.porchlight.core.Member;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;

/**
 * A member's first steps: the welcome, a community's defaults, then the check-in time and the time
 * zone, asked one at a time until both are set.
 */
final class Onboarding {
  private final Context ctx;

  Onboarding(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * Before a new member's first message is answered: the welcome, and the defaults of the community
   * they came from. Returns whether there were defaults.
   */
  boolean welcome(Turn t) {
    t.say(t.texts.get(Text.WELCOME));
    return takeCommunityDefaults(t);
  }

  /** After a new member's first message is answered: what is still missing, or the defaults. */
  void afterFirstMessage(Turn t, boolean startedWithDefaults) {
    if (t.forgotten) return;
    if (!t.member.isSetUp() && t.member.awaiting() == Awaiting.NOTHING) {
      askNextSetting(t);
    } else if (startedWithDefaults && t.member.isSetUp()) {
      Phrasing phrasing = t.flows.phrasing();
      t.say(
          t.texts.get(
              Text.COMMUNITY_DEFAULTS,
              "time",
              t.member.checkInTime().get(),
              "zone",
              phrasing.zoneName(t),
              "next",
              phrasing.nextCheckIn(t)));
    }
  }

  /** {@code /start} from someone Porchlight knows: welcome back, or what is still missing. */
  void start(Turn t) {
    if (!t.stored) return; // The welcome is said and onboarding follows.
    if (t.member.isSetUp()) {
      t.say(
          t.texts.get(
              Text.WELCOME_BACK,
              "time",
              t.member.checkInTime().get(),
              "zone",
              t.flows.phrasing().zoneName(t)));
    } else {
      askNextSetting(t);
    }
  }

  void askNextSetting(Turn t) {
    if (t.formInProgress) return; // the form says what is still missing once it is done
    // In a server Porchlight reads no messages: there, settings are given by command.
    boolean byCommand = t.place.isPresent();
    if (t.member.checkInTime().isEmpty()) {
      t.update(t.member.withAwaiting(Awaiting.TIME));
      t.reply(
          Reply.withButtons(
              t.texts.get(byCommand ? Text.ASK_TIME_BY_COMMAND : Text.ASK_TIME), timeButtons(t)));
    } else if (t.member.zone().isEmpty()) {
      t.update(t.member.withAwaiting(Awaiting.ZONE));
      t.say(t.texts.get(byCommand ? Text.ASK_ZONE_BY_COMMAND : Text.ASK_ZONE));
    }
  }

  /** Said once the time and the zone are both set. */
  String allSet(Turn t) {
    Phrasing phrasing = t.flows.phrasing();
    return t.texts.get(
        Text.ALL_SET,
        "time",
        t.member.checkInTime().get(),
        "zone",
        phrasing.zoneName(t),
        "next",
        phrasing.nextCheckIn(t));
  }

  List<Reply.Button> timeButtons(Turn t) {
    return List.of(
        timeButton(t, Text.BUTTON_MORNING, ctx.options.morning()),
        timeButton(t, Text.BUTTON_MIDDAY, ctx.options.midday()),
        timeButton(t, Text.BUTTON_EVENING, ctx.options.evening()));
  }

  private static Reply.Button timeButton(Turn t, Text label, LocalTime time) {
    return new Reply.Button(t.texts.get(label, "time", time), new SetTime(time).encode());
  }

  /**
   * A member who arrives from a community its hosts set up starts with its check-in time and zone;
   * returns whether there were any.
   */
  private boolean takeCommunityDefaults(Turn t) {
    Optional<Community> home =
        t.place.isPresent()
            ? ctx.stores.communities().find(t.place.get().id())
            : ctx.stores.communities().homeOf(t.id);
    Optional<LocalTime> time = home.flatMap(Community::defaultTime);
    Optional<ZoneId> zone = home.flatMap(Community::defaultZone);
    if (time.isEmpty() && zone.isEmpty()) return false;
    Member withDefaults = t.member;
    if (zone.isPresent()) withDefaults = withDefaults.withZone(zone.get());
    if (time.isPresent() && !withDefaults.quietHours().contains(time.get())) {
      withDefaults = withDefaults.withCheckInTime(time.get());
    }
    t.update(withDefaults);
    return true;
  }
}
