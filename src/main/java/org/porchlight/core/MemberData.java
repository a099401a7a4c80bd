package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Everything stored about one member: what /mydata sends and /forget erases, the pod's names and
 * the safety plan as the member wrote them.
 *
 * @param reachOut the weekly reach-out's settings and where it stands
 * @param reachOutAnswers its answers, counted like check-ins
 * @param buddy the member's link with their buddy, if any (shown, never imported: a link is made by
 *     both people)
 * @param buddyTo the link with the member this person is buddy to, if any (shown likewise)
 * @param meetingReminder the member's choices for reminders before their group meets
 * @param meetingRemindersSent the reminders sent lately (shown, never imported: they were sent)
 */
public record MemberData(
    Member member,
    List<CheckIn> checkIns,
    List<StepGiven> stepsGiven,
    List<Community.Visit> communities,
    Pod pod,
    SafetyPlan plan,
    ReachOut reachOut,
    List<ReachOut.Answered> reachOutAnswers,
    Optional<Buddy> buddy,
    Optional<Buddy> buddyTo,
    MeetingReminder meetingReminder,
    List<MeetingReminder.Sent> meetingRemindersSent) {
  public MemberData {
    requireNonNull(member, "member == null");
    checkIns = List.copyOf(checkIns);
    stepsGiven = List.copyOf(stepsGiven);
    communities = List.copyOf(communities);
    requireNonNull(pod, "pod == null");
    requireNonNull(plan, "plan == null");
    requireNonNull(reachOut, "reachOut == null");
    reachOutAnswers = List.copyOf(reachOutAnswers);
    requireNonNull(buddy, "buddy == null");
    requireNonNull(buddyTo, "buddyTo == null");
    requireNonNull(meetingReminder, "meetingReminder == null");
    meetingRemindersSent = List.copyOf(meetingRemindersSent);
  }

  /** A member who never asked for reminders before meetings. */
  public MemberData(
      Member member,
      List<CheckIn> checkIns,
      List<StepGiven> stepsGiven,
      List<Community.Visit> communities,
      Pod pod,
      SafetyPlan plan,
      ReachOut reachOut,
      List<ReachOut.Answered> reachOutAnswers,
      Optional<Buddy> buddy,
      Optional<Buddy> buddyTo) {
    this(
        member,
        checkIns,
        stepsGiven,
        communities,
        pod,
        plan,
        reachOut,
        reachOutAnswers,
        buddy,
        buddyTo,
        MeetingReminder.DEFAULT,
        List.of());
  }

  /** A member with no weekly reach-out answered and no buddy. */
  public MemberData(
      Member member,
      List<CheckIn> checkIns,
      List<StepGiven> stepsGiven,
      List<Community.Visit> communities,
      Pod pod,
      SafetyPlan plan) {
    this(
        member,
        checkIns,
        stepsGiven,
        communities,
        pod,
        plan,
        ReachOut.DEFAULT,
        List.of(),
        Optional.empty(),
        Optional.empty());
  }
}
