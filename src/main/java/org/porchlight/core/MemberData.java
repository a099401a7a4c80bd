package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything stored about one member: what /mydata sends and /forget erases, the pod's names and
 * the safety plan as the member wrote them.
 */
public record MemberData(
    Member member,
    List<CheckIn> checkIns,
    List<StepGiven> stepsGiven,
    List<Community.Visit> communities,
    Pod pod,
    SafetyPlan plan) {
  public MemberData {
    requireNonNull(member, "member == null");
    checkIns = List.copyOf(checkIns);
    stepsGiven = List.copyOf(stepsGiven);
    communities = List.copyOf(communities);
    requireNonNull(pod, "pod == null");
    requireNonNull(plan, "plan == null");
  }
}
