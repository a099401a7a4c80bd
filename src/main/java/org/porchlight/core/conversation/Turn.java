package org.porchlight.core.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.porchlight.core.CheckInSchedule;
import org.porchlight.core.Community;
import org.porchlight.core.Contact;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Messages;
import org.porchlight.core.Reply;
import org.porchlight.core.port.StoreUnavailable;

/**
 * One member's turn: the member as loaded, what is said back, and whether they changed. Every flow
 * works on a turn; {@link #finish} saves what changed.
 */
final class Turn {
  // Last heard is kept to about the hour, so that not every message costs a write.
  private static final Duration HEARD_PRECISION = Duration.ofHours(1);

  final Context ctx;
  final Flows flows;
  final MemberId id;
  final Optional<Community.Place> place;
  final Instant now;
  final Messages texts;
  private final List<Reply> replies = new ArrayList<>();
  Member member;
  boolean stored;
  boolean changed;
  boolean forgotten;
  boolean formInProgress;

  Turn(Context ctx, Flows flows, MemberId id, Optional<Community.Place> place) {
    this(ctx, flows, id, place, ctx.stores.members().find(id));
  }

  private Turn(
      Context ctx,
      Flows flows,
      MemberId id,
      Optional<Community.Place> place,
      Optional<Member> found) {
    this.ctx = ctx;
    this.flows = flows;
    this.id = id;
    this.place = place;
    this.now = ctx.clock.instant();
    stored = found.isPresent();
    member = found.orElseGet(() -> Member.arriving(id, ctx.content.defaultLocale(), now));
    texts = ctx.content.messagesFor(member.locale());
  }

  /**
   * A turn that needs no store: the member as stored when the store answers, and as someone new
   * (the default language, no country) while it can't be reached. For the crisis lines, which never
   * wait for a database.
   */
  static Turn evenWithoutTheStore(Context ctx, Flows flows, MemberId id) {
    Optional<Member> found;
    try {
      found = ctx.stores.members().find(id);
    } catch (StoreUnavailable e) {
      found = Optional.empty();
    }
    return new Turn(ctx, flows, id, Optional.empty(), found);
  }

  /**
   * A turn that does not ask the store at all, which is known to be away: the member as someone new
   * (the default language, no country).
   */
  static Turn withoutTheStore(Context ctx, Flows flows, MemberId id) {
    return new Turn(ctx, flows, id, Optional.empty(), Optional.empty());
  }

  void say(String text) {
    replies.add(Reply.text(text));
  }

  void reply(Reply reply) {
    replies.add(reply);
  }

  /** Applies a change of settings, and works out the next check-in again. */
  void update(Member changedMember) {
    member = changedMember.withNextCheckInAt(CheckInSchedule.next(changedMember, now));
    changed = true;
  }

  /** Stores a member who arrives with this turn, before anything is stored for them. */
  void ensureStored() {
    if (!stored) {
      ctx.stores.members().save(member);
      stored = true;
    }
  }

  /** Notes that the member wrote; a member left resting gets their check-ins back. */
  void heard() {
    Contact contact = member.contact();
    boolean stale = contact.lastHeardAt().isBefore(now.minus(HEARD_PRECISION));
    if (!stale && !contact.isResting()) return;
    Member heardFrom = member.withContact(contact.heard(now));
    if (contact.isResting()) {
      update(heardFrom);
    } else {
      member = heardFrom;
      changed = true;
    }
  }

  LocalDate today() {
    return LocalDate.ofInstant(now, member.zoneOrUtc());
  }

  Locale locale() {
    return Locale.forLanguageTag(texts.locale());
  }

  /** Saves what changed and notes the visit to a community; returns what was said. */
  List<Reply> finish() {
    if (changed && !forgotten) ctx.stores.members().save(member);
    if (place.isPresent() && (stored || changed) && !forgotten) {
      ctx.stores.communities().visited(id, place.get().id(), place.get().name(), now);
    }
    return List.copyOf(replies);
  }
}
