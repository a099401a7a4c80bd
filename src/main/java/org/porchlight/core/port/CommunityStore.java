package org.porchlight.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.porchlight.core.Community;
import org.porchlight.core.MemberId;

/**
 * Where communities' settings are kept, and which members came to Porchlight through which. A
 * community's name is kept to its first {@link #NAME_LENGTH} characters: a Telegram group's title
 * may be longer, and a name is never a reason to refuse a group.
 */
public interface CommunityStore {
  /** How much of a community's name is kept, in UTF-16 characters. */
  int NAME_LENGTH = 100;

  Optional<Community> find(Community.Id id);

  /** Inserts the community, or replaces the settings of the one with the same id. */
  void save(Community community);

  /**
   * Notes that a member used Porchlight in a community at {@code when}: the community they used it
   * in last is their home, whose meeting they are shown. A community nobody set up is noted too.
   */
  void visited(MemberId member, Community.Id community, String name, Instant when);

  /**
   * The code in the community's join link: the one it has, or {@code fresh} when it has none yet (a
   * community nobody stored is stored, under {@code name}). Two asking at once get the same code.
   */
  String joinCode(Community.Id id, String name, String fresh);

  /** The community whose join link carries {@code code}, in any case. */
  Optional<Community> byJoinCode(String code);

  /**
   * A place that became another, as a Telegram group becomes a supergroup: the community, its setup
   * and its members go on under the new id. When both are stored, the new one keeps its setup if a
   * host set one up, and takes the old one's otherwise.
   */
  void moved(Community.Id from, Community.Id to);

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
