package org.porchlight.core.conversation;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.porchlight.core.Action.BuddyAnswer;
import org.porchlight.core.Action.BuddyAuto;
import org.porchlight.core.Action.BuddyEnd;
import org.porchlight.core.Action.BuddyTell;
import org.porchlight.core.Buddy;
import org.porchlight.core.Member;
import org.porchlight.core.Member.Awaiting;
import org.porchlight.core.MemberId;
import org.porchlight.core.Messages;
import org.porchlight.core.Prompt;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;

/**
 * {@code /buddy}: someone a member trusts, who said yes, told only "{name} could use a kind message
 * today" when the member asks (or, if they turned it on, after a run of rough days), once a day.
 * Invitations are one-time codes, a Telegram link or {@code /buddy accept CODE}, so a member on one
 * platform can have a buddy on another. Either side ends it with {@code /buddy end}.
 */
final class BuddyLinks {
  /** The prefix of a Telegram start parameter that carries an invitation: {@code b_CODE}. */
  static final String START_PREFIX = "b_";

  // No 0/O or 1/I: a code may be read out or typed by hand.
  private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int CODE_LENGTH = 10;

  private final Context ctx;
  private final SecureRandom codes = new SecureRandom();

  BuddyLinks(Context ctx) {
    this.ctx = ctx;
  }

  /** {@code /buddy}, {@code /buddy accept CODE}, {@code /buddy auto on|off}, {@code /buddy end}. */
  void command(Turn t, String args) {
    String[] words = args.strip().split("\\s+", 2);
    String rest = words.length > 1 ? words[1].strip() : "";
    switch (words[0].toLowerCase(Locale.ROOT)) {
      case "" -> show(t);
      case "accept" -> invited(t, rest);
      case "end", "stop" -> end(t);
      case "name" -> {
        if (rest.isEmpty()) {
          t.say(t.texts.get(Text.BUDDY_USAGE));
        } else {
          nameGiven(t, rest);
        }
      }
      case "auto" -> {
        String onOff = rest.toLowerCase(Locale.ROOT);
        if (onOff.equals("on") || onOff.equals("yes")) {
          auto(t, true);
        } else if (onOff.equals("off") || onOff.equals("no")) {
          auto(t, false);
        } else {
          t.say(t.texts.get(Text.BUDDY_USAGE));
        }
      }
      default -> {
        // A code pasted on its own, as Discord's option or by hand; anything else gets the usage.
        if (looksLikeACode(words[0])) {
          invited(t, words[0]);
        } else {
          t.say(t.texts.get(Text.BUDDY_USAGE));
        }
      }
    }
  }

  private void show(Turn t) {
    Optional<Buddy> mine = t.stored ? ctx.stores.buddies().buddyOf(t.id) : Optional.empty();
    if (mine.isPresent()) {
      Buddy buddy = mine.get();
      t.reply(
          Reply.withButtons(
              t.texts.get(
                  Text.BUDDY_STATUS,
                  "since",
                  DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                      .withLocale(t.locale())
                      .format(buddy.since().atZone(t.member.zoneOrUtc())),
                  "auto",
                  t.texts.get(buddy.afterRoughRun() ? Text.BUDDY_AUTO_ON : Text.BUDDY_AUTO_OFF)),
              List.of(
                  button(t, Text.BUTTON_BUDDY_TELL, new BuddyTell().encode()),
                  buddy.afterRoughRun()
                      ? button(t, Text.BUTTON_BUDDY_AUTO_OFF, new BuddyAuto(false).encode())
                      : button(t, Text.BUTTON_BUDDY_AUTO_ON, new BuddyAuto(true).encode()),
                  button(t, Text.BUTTON_BUDDY_END, new BuddyEnd().encode()))));
      return;
    }
    Optional<Buddy> theirs = t.stored ? ctx.stores.buddies().buddyingFor(t.id) : Optional.empty();
    if (theirs.isPresent()) {
      t.say(t.texts.get(Text.BUDDY_STATUS_BUDDY, "name", theirs.get().name()));
      return;
    }
    t.ensureStored();
    if (t.place.isPresent()) {
      // In a server, words are not read: the name comes with the command.
      t.say(t.texts.get(Text.BUDDY_INTRO) + "\n\n" + t.texts.get(Text.BUDDY_ASK_NAME_HERE));
      return;
    }
    t.member = t.member.awaitingWords(Awaiting.BUDDY_NAME, "", t.now);
    t.changed = true;
    t.say(t.texts.get(Text.BUDDY_INTRO));
  }

  /** The name to be known by: an invitation is made with it. */
  void nameGiven(Turn t, String words) {
    String name = words.strip().replaceAll("\\s+", " ");
    if (name.isEmpty()) {
      t.say(t.texts.get(Text.POD_NAME_EMPTY));
      return;
    }
    if (name.length() > Buddy.MAX_NAME) {
      t.say(t.texts.get(Text.POD_NAME_TOO_LONG, "most", Buddy.MAX_NAME));
      return;
    }
    PodCommands.stopAwaiting(t);
    String code = newCode();
    ctx.stores.buddies().invite(new Buddy.Invitation(code, t.id, name, t.now));
    List<String> lines = new ArrayList<>();
    lines.add(t.texts.get(Text.BUDDY_INVITATION));
    Optional<String> bot = Optional.ofNullable(ctx.botNames.get("telegram"));
    bot.ifPresent(
        username ->
            lines.add(
                t.texts.get(
                    Text.BUDDY_INVITATION_LINK,
                    "url",
                    "https://t.me/" + username + "?start=" + START_PREFIX + code)));
    lines.add(t.texts.get(Text.BUDDY_INVITATION_CODE, "code", code));
    t.say(String.join("\n", lines));
  }

  private static boolean looksLikeACode(String word) {
    String code = word.toUpperCase(Locale.ROOT);
    if (code.startsWith(START_PREFIX.toUpperCase(Locale.ROOT))) {
      code = code.substring(START_PREFIX.length());
    }
    return code.length() == CODE_LENGTH && code.chars().allMatch(c -> CODE_LETTERS.indexOf(c) >= 0);
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(CODE_LETTERS.charAt(codes.nextInt(CODE_LETTERS.length())));
    }
    return code.toString();
  }

  /** Someone opened an invitation: who asks, what being a buddy means, Yes and No. */
  void invited(Turn t, String typed) {
    String code = typed.strip().toUpperCase(Locale.ROOT);
    if (code.startsWith(START_PREFIX.toUpperCase(Locale.ROOT))) {
      code = code.substring(START_PREFIX.length());
    }
    if (code.isEmpty()) {
      t.say(t.texts.get(Text.BUDDY_USAGE));
      return;
    }
    Optional<Buddy.Invitation> invitation = ctx.stores.buddies().invitation(code);
    if (invitation.isEmpty()) {
      t.say(t.texts.get(Text.BUDDY_NOT_FOUND));
      return;
    }
    if (invitation.get().from().equals(t.id)) {
      t.say(t.texts.get(Text.BUDDY_YOUR_OWN));
      return;
    }
    String name = invitation.get().name();
    t.reply(
        Reply.withButtons(
            t.texts.get(Text.BUDDY_ASKED, "name", name),
            List.of(
                button(t, Text.BUTTON_BUDDY_ACCEPT, new BuddyAnswer(code, true).encode()),
                button(t, Text.BUTTON_BUDDY_DECLINE, new BuddyAnswer(code, false).encode()))));
  }

  void answered(Turn t, String code, boolean yes) {
    Optional<Buddy.Invitation> invitation = ctx.stores.buddies().invitation(code);
    if (invitation.isEmpty()) {
      t.say(t.texts.get(Text.BUDDY_NOT_FOUND));
      return;
    }
    String name = invitation.get().name();
    if (!yes) {
      ctx.stores.buddies().dropInvitation(code);
      t.say(t.texts.get(Text.BUDDY_DECLINED, "name", name));
      return;
    }
    if (invitation.get().from().equals(t.id)) {
      t.say(t.texts.get(Text.BUDDY_YOUR_OWN));
      return;
    }
    t.ensureStored();
    if (ctx.stores.buddies().buddyingFor(t.id).isPresent()) {
      t.say(t.texts.get(Text.BUDDY_ALREADY_BUDDY));
      return;
    }
    if (!ctx.stores.buddies().accept(code, t.id, t.now)) {
      t.say(t.texts.get(Text.BUDDY_TAKEN, "name", name));
      return;
    }
    tell(invitation.get().from(), Prompt.BUDDY_ACCEPTED, t.now);
    t.say(t.texts.get(Text.BUDDY_ACCEPTED, "name", name));
  }

  /** Whether the member has a buddy, so replies can offer "Let my buddy know". */
  boolean has(Turn t) {
    return t.stored && ctx.stores.buddies().buddyOf(t.id).isPresent();
  }

  Reply.Button tellButton(Turn t) {
    return button(t, Text.BUTTON_BUDDY_TELL, new BuddyTell().encode());
  }

  /** "Let my buddy know": one line to the buddy, once a day. */
  void tellBuddy(Turn t) {
    Optional<Buddy> buddy = t.stored ? ctx.stores.buddies().buddyOf(t.id) : Optional.empty();
    if (buddy.isEmpty()) {
      t.say(t.texts.get(Text.BUDDY_NONE));
      return;
    }
    if (!ctx.stores.members().isReachable(buddy.get().buddy())) {
      t.say(t.texts.get(Text.BUDDY_UNREACHABLE));
      return;
    }
    if (!ctx.stores.buddies().markTold(t.id, t.today())) {
      t.say(t.texts.get(Text.BUDDY_ALREADY_TOLD));
      return;
    }
    tell(buddy.get().buddy(), Prompt.BUDDY_NUDGE, t.now);
    t.say(t.texts.get(Text.BUDDY_TOLD));
  }

  /** After the run of rough days that makes Porchlight reach out: the buddy, if turned on. */
  void afterRoughRun(Turn t) {
    Optional<Buddy> buddy = t.stored ? ctx.stores.buddies().buddyOf(t.id) : Optional.empty();
    if (buddy.isEmpty() || !buddy.get().afterRoughRun()) return;
    if (!ctx.stores.members().isReachable(buddy.get().buddy())) return;
    if (ctx.stores.buddies().markTold(t.id, t.today())) {
      tell(buddy.get().buddy(), Prompt.BUDDY_NUDGE, t.now);
    }
  }

  void auto(Turn t, boolean on) {
    if (!has(t)) {
      t.say(t.texts.get(Text.BUDDY_NONE));
      return;
    }
    ctx.stores.buddies().setAfterRoughRun(t.id, on);
    t.say(t.texts.get(on ? Text.BUDDY_AUTO_ON : Text.BUDDY_AUTO_OFF));
  }

  /** Ends the link, whichever side asks; the other side is told only that it ended. */
  void end(Turn t) {
    if (!endLinks(t.id, t.now)) {
      t.say(t.texts.get(Text.BUDDY_NONE));
      return;
    }
    t.say(t.texts.get(Text.BUDDY_ENDED));
  }

  /** Ends every link {@code member} is in, telling the other sides; false when there was none. */
  boolean endLinks(MemberId member, Instant now) {
    boolean ended = false;
    Optional<Buddy> mine = ctx.stores.buddies().buddyOf(member);
    if (mine.isPresent() && ctx.stores.buddies().end(member)) {
      tell(mine.get().buddy(), Prompt.BUDDY_ENDED, now);
      ended = true;
    }
    Optional<Buddy> theirs = ctx.stores.buddies().buddyingFor(member);
    if (theirs.isPresent() && ctx.stores.buddies().end(theirs.get().member())) {
      tell(theirs.get().member(), Prompt.BUDDY_ENDED, now);
      ended = true;
    }
    return ended;
  }

  /** {@code buddy} could not be reached: the member they are buddy to is told. */
  void buddyUnreachable(MemberId buddy) {
    ctx.stores
        .buddies()
        .buddyingFor(buddy)
        .ifPresent(link -> tell(link.member(), Prompt.BUDDY_UNREACHABLE, ctx.clock.instant()));
  }

  /** What a message owed because of a buddy says, as the sweep's sender sends it. */
  Reply letter(Prompt prompt, Member to) {
    Messages texts = ctx.content.messagesFor(to.locale());
    return switch (prompt) {
      case BUDDY_NUDGE ->
          Reply.text(
              ctx.stores
                  .buddies()
                  .buddyingFor(to.id())
                  .map(buddy -> texts.get(Text.BUDDY_NUDGE, "name", buddy.name()))
                  // The link ended between the press and the sending: a kind line all the same.
                  .orElseGet(() -> texts.get(Text.BUDDY_ENDED_FOR_OTHER)));
      case BUDDY_ACCEPTED -> Reply.text(texts.get(Text.BUDDY_ACCEPTED_FOR_MEMBER));
      case BUDDY_ENDED -> Reply.text(texts.get(Text.BUDDY_ENDED_FOR_OTHER));
      default -> Reply.text(texts.get(Text.BUDDY_UNREACHABLE));
    };
  }

  /**
   * Owes {@code to} a message, to go now, or when their quiet hours end if they are in them: a
   * buddy is never woken for this.
   */
  private void tell(MemberId to, Prompt prompt, Instant now) {
    Optional<Member> member = ctx.stores.members().find(to);
    if (member.isEmpty()) return;
    ZonedDateTime local = now.atZone(member.get().zoneOrUtc());
    ZonedDateTime at = local;
    if (member.get().quietHours().contains(local.toLocalTime())) {
      at = local.with(member.get().quietHours().end());
      if (!at.isAfter(local)) at = at.plusDays(1);
    }
    LocalDate date = at.toLocalDate();
    ctx.stores.buddies().tell(to, prompt, date, at.toInstant());
  }

  private static Reply.Button button(Turn t, Text label, String data) {
    return new Reply.Button(t.texts.get(label), data);
  }
}
