package org.porchlight.core.conversation;

import static java.util.Objects.requireNonNull;

import org.porchlight.core.port.BuddyStore;
import org.porchlight.core.port.CheckInStore;
import org.porchlight.core.port.CommunityStore;
import org.porchlight.core.port.MeetingReminderStore;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.ReachOutStore;
import org.porchlight.core.port.StepStore;
import org.porchlight.core.port.SupportStore;

/**
 * Where the conversation keeps what it must: members, their check-ins, steps, communities, and the
 * pod and plan a member asked it to keep, their weekly reach-out, their buddy and their reminders
 * before meetings.
 */
public record Stores(
    MemberStore members,
    CheckInStore checkIns,
    StepStore stepsGiven,
    CommunityStore communities,
    SupportStore support,
    ReachOutStore reachOuts,
    BuddyStore buddies,
    MeetingReminderStore meetingReminders) {
  public Stores {
    requireNonNull(members, "members == null");
    requireNonNull(checkIns, "checkIns == null");
    requireNonNull(stepsGiven, "stepsGiven == null");
    requireNonNull(communities, "communities == null");
    requireNonNull(support, "support == null");
    requireNonNull(reachOuts, "reachOuts == null");
    requireNonNull(buddies, "buddies == null");
    requireNonNull(meetingReminders, "meetingReminders == null");
  }

  /** One object that keeps all of it, such as an in-memory store. */
  public static <
          T extends
              MemberStore & CheckInStore & StepStore & CommunityStore & SupportStore & ReachOutStore
                  & BuddyStore & MeetingReminderStore>
      Stores in(T all) {
    return new Stores(all, all, all, all, all, all, all, all);
  }
}
