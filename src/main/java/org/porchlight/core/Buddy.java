package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A buddy who said yes: someone a member invited, who is told only "{name} could use a kind message
 * today", when the member asks for it (or, if they turned it on, after a run of rough days), at
 * most once a day. Never the member's words or moods. A member has one buddy; a person is buddy to
 * one member at a time.
 *
 * @param member the member who asked
 * @param buddy the person who said yes, on any platform
 * @param name the name the member gave for their buddy to know them by
 * @param afterRoughRun whether the buddy is told, without a press, after the run of rough days that
 *     makes Porchlight reach out
 * @param toldOn the member's day the buddy was last told, so that it is once a day
 */
public record Buddy(
    MemberId member,
    MemberId buddy,
    String name,
    boolean afterRoughRun,
    Optional<LocalDate> toldOn,
    Instant since) {
  public static final int MAX_NAME = Pod.MAX_NAME;

  public Buddy {
    requireNonNull(member, "member == null");
    requireNonNull(buddy, "buddy == null");
    requireNonNull(name, "name == null");
    requireNonNull(toldOn, "toldOn == null");
    requireNonNull(since, "since == null");
  }

  /** A one-time invitation, by its code, with the name the inviting member gave. */
  public record Invitation(String code, MemberId from, String name, Instant createdAt) {
    public Invitation {
      requireNonNull(code, "code == null");
      requireNonNull(from, "from == null");
      requireNonNull(name, "name == null");
      requireNonNull(createdAt, "createdAt == null");
    }
  }
}
