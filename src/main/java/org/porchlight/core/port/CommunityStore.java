package org.porchlight.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.porchlight.core.Community;
import org.porchlight.core.MemberId;

/** Where communities' settings are kept, and which members came to Porchlight through which. */
public interface CommunityStore {
  Optional<Community> find(Community.Id id);

  /** Inserts the community, or replaces the settings of the one with the same id. */
  void save(Community community);

  /**
   * Notes that a member used Porchlight in a community at {@code when}: the community they used it
   * in last is their home, whose meeting they are shown. A community nobody set up is noted too.
   */
  void visited(MemberId member, Community.Id community, String name, Instant when);

  /** The communities a member used Porchlight in, the latest first: part of their data. */
  List<Community.Visit> visitsOf(MemberId member);

  /** The community the member used Porchlight in most recently, set up or not. */
  Optional<Community> homeOf(MemberId member);

  /**
   * How a community's members checked in between two local dates, both included: members who used
   * Porchlight in the community within 30 days before {@code from} count, with their check-ins
   * wherever they answered them (most come by DM); each answered check-in once.
   */
  Week week(Community.Id community, LocalDate from, LocalDate to);

  /** Anonymous counts: distinct members who answered, and fine and rough check-ins. */
  record Week(int members, int fine, int rough) {}
}
