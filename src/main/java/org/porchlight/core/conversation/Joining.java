package org.porchlight.core.conversation;

import java.util.Locale;
import java.util.Optional;
import org.porchlight.core.Community;
import org.porchlight.core.Incoming;
import org.porchlight.core.Text;

/**
 * Someone opening a community's join link ({@code t.me/<bot>?start=c_CODE}): the community becomes
 * their home, and someone new starts with its check-in time and zone, said plainly.
 */
final class Joining {
  /** The prefix of a Telegram start parameter that carries a community: {@code c_CODE}. */
  static final String START_PREFIX = "c_";

  private final Context ctx;

  Joining(Context ctx) {
    this.ctx = ctx;
  }

  static boolean isJoinLink(Incoming incoming) {
    return incoming instanceof Incoming.Command command
        && command.name().equals("start")
        && command.args().toLowerCase(Locale.ROOT).startsWith(START_PREFIX);
  }

  /**
   * Before anything is said: the community the link names becomes the member's home, so that the
   * welcome starts someone new with its defaults. Returns it, or empty for a link to none.
   */
  Optional<Community> arrive(Turn t, Incoming incoming) {
    if (!isJoinLink(incoming)) return Optional.empty();
    String code = ((Incoming.Command) incoming).args().substring(START_PREFIX.length()).strip();
    Optional<Community> community =
        code.isEmpty() ? Optional.empty() : ctx.stores.communities().byJoinCode(code);
    if (community.isPresent()) {
      t.ensureStored();
      ctx.stores.communities().visited(t.id, community.get().id(), community.get().name(), t.now);
    }
    return community;
  }

  /** What the member is told: the group that is home now, or that the link led nowhere. */
  void joined(Turn t, Optional<Community> community, boolean arriving) {
    if (community.isEmpty()) {
      t.say(t.texts.get(Text.JOIN_UNKNOWN));
      if (!arriving) t.flows.onboarding().start(t);
      return;
    }
    t.say(t.texts.get(Text.JOIN_HOME, "name", community.get().name()));
    if (!arriving && !t.member.isSetUp()) t.flows.onboarding().askNextSetting(t);
  }
}
