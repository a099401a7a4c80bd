package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A small step offered to a member, and when. */
public record StepGiven(MemberId member, String stepId, Instant givenAt) {
  public StepGiven {
    requireNonNull(member, "member == null");
    requireNonNull(stepId, "stepId == null");
    requireNonNull(givenAt, "givenAt == null");
  }
}
