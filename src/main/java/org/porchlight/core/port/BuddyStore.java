package org.porchlight.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.porchlight.core.Buddy;
import org.porchlight.core.MemberId;
import org.porchlight.core.Prompt;

/**
 * Buddies and their invitations, and the messages Porchlight owes a member because of someone else
 * (their buddy said yes, the link ended, the buddy could use telling). Names sealed like the pod's;
 * gone with either side on /forget.
 */
public interface BuddyStore {
  /** Keeps a one-time invitation from {@code member}, replacing any earlier one of theirs. */
  void invite(Buddy.Invitation invitation);

  Optional<Buddy.Invitation> invitation(String code);

  /** Drops an invitation: declined, or used. */
  void dropInvitation(String code);

  /**
   * Links {@code buddy} to the member who made invitation {@code code}, and uses it up, in one
   * step: false when the invitation is gone, or either side already has a link of that kind.
   */
  boolean accept(String code, MemberId buddy, Instant now);

  /** The member's buddy, if they have one. */
  Optional<Buddy> buddyOf(MemberId member);

  /** The member this person is buddy to, if any. */
  Optional<Buddy> buddyingFor(MemberId buddy);

  /** Ends the member's link with their buddy; false when there was none. */
  boolean end(MemberId member);

  void setAfterRoughRun(MemberId member, boolean on);

  /**
   * Notes that the buddy was told on the member's day {@code date}: false when they already were
   * that day, so they are told once a day whoever asks.
   */
  boolean markTold(MemberId member, LocalDate date);

  /** Owes {@code to} the message {@code prompt} for {@code date}, to go no sooner than then. */
  void tell(MemberId to, Prompt prompt, LocalDate date, Instant notBefore);
}
