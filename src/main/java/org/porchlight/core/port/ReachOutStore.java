package org.porchlight.core.port;

import java.util.List;
import org.porchlight.core.MemberId;
import org.porchlight.core.ReachOut;

/** Each member's weekly reach-out, and their answers to it. Gone with the member on /forget. */
public interface ReachOutStore {
  /** The member's weekly reach-out: its settings and where it stands; the defaults when unset. */
  ReachOut reachOut(MemberId member);

  /** Replaces the member's weekly reach-out; nothing happens for a member who is not stored. */
  void saveReachOut(MemberId member, ReachOut reachOut);

  /** Counts an answer, as check-ins are counted: a day and what was answered, never a name. */
  void recordReachOut(MemberId member, ReachOut.Answered answered);

  /** Every answer, oldest first. */
  List<ReachOut.Answered> reachOutAnswers(MemberId member);
}
