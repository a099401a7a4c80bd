package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Everything stored about one member: what /mydata sends and /forget erases. */
public record MemberData(
    Member member,
    List<CheckIn> checkIns,
    List<StepGiven> stepsGiven,
    List<Community.Visit> communities) {
  public MemberData {
    requireNonNull(member, "member == null");
    checkIns = List.copyOf(checkIns);
    stepsGiven = List.copyOf(stepsGiven);
    communities = List.copyOf(communities);
  }
}
