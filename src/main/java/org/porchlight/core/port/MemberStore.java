package org.porchlight.core.port;

import java.util.List;
import java.util.Optional;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;

/** Where members' settings are kept. */
public interface MemberStore {
  Optional<Member> find(MemberId id);

  /** Inserts the member, or replaces the settings of the one with the same id. */
  void save(Member member);

  /**
   * Erases the member and everything stored about them: settings, check-ins, steps given.
   *
   * @return whether there was anything to erase
   */
  boolean forget(MemberId id);

  /** Every member's id, in a stable order. */
  List<MemberId> all();

  /**
   * Records whether Porchlight can reach the member: false once they blocked it or closed their
   * messages, true again when they come back. Nothing happens for a member who is not stored.
   */
  void setReachable(MemberId id, boolean reachable);

  /** False only for a stored member marked unreachable. */
  boolean isReachable(MemberId id);
}
