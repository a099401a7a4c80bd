package org.porchlight.core.port;

import org.porchlight.core.MemberId;
import org.porchlight.core.Pod;
import org.porchlight.core.SafetyPlan;

/**
 * The words a member asked Porchlight to keep: their pod's names and their safety plan. The only
 * free text kept. Gone with the member on /forget. A store may keep them encrypted; the
 * conversation sees them as written.
 */
public interface SupportStore {
  /** The member's pod, empty when they have none. */
  Pod pod(MemberId member);

  /** Replaces the member's pod; nothing happens for a member who is not stored. */
  void savePod(MemberId member, Pod pod);

  /** The member's safety plan, empty when they have none. */
  SafetyPlan plan(MemberId member);

  /** Replaces the member's plan; nothing happens for a member who is not stored. */
  void savePlan(MemberId member, SafetyPlan plan);
}
