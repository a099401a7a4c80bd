package org.porchlight.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.porchlight.core.port.BuddyStore;
import org.porchlight.core.port.CheckInStore;
import org.porchlight.core.port.CommunityStore;
import org.porchlight.core.port.MeetingReminderStore;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.ReachOutStore;
import org.porchlight.core.port.StepStore;
import org.porchlight.core.port.SupportStore;

/** Members, check-ins and steps in maps: a hand-written fake of the three stores. */
public final class InMemoryStore
    implements MemberStore,
        CheckInStore,
        StepStore,
        CommunityStore,
        SupportStore,
        ReachOutStore,
        BuddyStore,
        MeetingReminderStore {
  public final Map<MemberId, Member> members = new LinkedHashMap<>();
  public final Map<MemberId, TreeMap<LocalDate, CheckIn>> checkIns = new HashMap<>();
  public final Map<MemberId, List<StepGiven>> steps = new HashMap<>();
  public int memberSaves;
  public final Map<MemberId, Pod> pods = new HashMap<>();
  public final Map<MemberId, SafetyPlan> plans = new HashMap<>();
  public final Map<MemberId, ReachOut> reachOuts = new HashMap<>();
  public final Map<String, Buddy.Invitation> invitations = new HashMap<>();
  public final Map<MemberId, Buddy> buddies = new HashMap<>();

  /** Messages owed because of a buddy: "to prompt date". */
  public final List<String> told = new ArrayList<>();

  @Override
  public void invite(Buddy.Invitation invitation) {
    invitations.values().removeIf(i -> i.from().equals(invitation.from()));
    invitations.put(invitation.code(), invitation);
  }

  @Override
  public Optional<Buddy.Invitation> invitation(String code) {
    return Optional.ofNullable(invitations.get(code));
  }

  @Override
  public void dropInvitation(String code) {
    invitations.remove(code);
  }

  @Override
  public boolean accept(String code, MemberId buddy, Instant now) {
    Buddy.Invitation invitation = invitations.get(code);
    if (invitation == null
        || invitation.from().equals(buddy)
        || !members.containsKey(buddy)
        || buddies.containsKey(invitation.from())
        || buddyingFor(buddy).isPresent()) {
      return false;
    }
    buddies.put(
        invitation.from(),
        new Buddy(invitation.from(), buddy, invitation.name(), false, Optional.empty(), now));
    invitations.remove(code);
    return true;
  }

  @Override
  public Optional<Buddy> buddyOf(MemberId member) {
    return Optional.ofNullable(buddies.get(member));
  }

  @Override
  public Optional<Buddy> buddyingFor(MemberId buddy) {
    return buddies.values().stream().filter(b -> b.buddy().equals(buddy)).findFirst();
  }

  @Override
  public boolean end(MemberId member) {
    return buddies.remove(member) != null;
  }

  @Override
  public void setAfterRoughRun(MemberId member, boolean on) {
    buddies.computeIfPresent(
        member, (m, b) -> new Buddy(m, b.buddy(), b.name(), on, b.toldOn(), b.since()));
  }

  @Override
  public boolean markTold(MemberId member, LocalDate date) {
    Buddy b = buddies.get(member);
    if (b == null || b.toldOn().equals(Optional.of(date))) return false;
    buddies.put(
        member,
        new Buddy(member, b.buddy(), b.name(), b.afterRoughRun(), Optional.of(date), b.since()));
    return true;
  }

  @Override
  public void tell(MemberId to, Prompt prompt, LocalDate date, Instant notBefore) {
    if (members.containsKey(to)) told.add(to.userId() + " " + prompt.key() + " " + date);
  }

  public final Map<MemberId, List<ReachOut.Answered>> reachOutAnswers = new HashMap<>();

  @Override
  public ReachOut reachOut(MemberId member) {
    return reachOuts.getOrDefault(member, ReachOut.DEFAULT);
  }

  @Override
  public void saveReachOut(MemberId member, ReachOut reachOut) {
    if (members.containsKey(member)) reachOuts.put(member, reachOut);
  }

  @Override
  public void recordReachOut(MemberId member, ReachOut.Answered answered) {
    if (!members.containsKey(member)) return;
    List<ReachOut.Answered> answers =
        reachOutAnswers.computeIfAbsent(member, m -> new ArrayList<>());
    if (!answers.contains(answered)) answers.add(answered);
  }

  @Override
  public List<ReachOut.Answered> reachOutAnswers(MemberId member) {
    return List.copyOf(reachOutAnswers.getOrDefault(member, List.of()));
  }

  @Override
  public Pod pod(MemberId member) {
    return pods.getOrDefault(member, Pod.EMPTY);
  }

  @Override
  public void savePod(MemberId member, Pod pod) {
    if (members.containsKey(member)) pods.put(member, pod);
  }

  @Override
  public SafetyPlan plan(MemberId member) {
    return plans.getOrDefault(member, SafetyPlan.EMPTY);
  }

  @Override
  public void savePlan(MemberId member, SafetyPlan plan) {
    if (members.containsKey(member)) plans.put(member, plan);
  }

  @Override
  public Optional<Member> find(MemberId id) {
    return Optional.ofNullable(members.get(id));
  }

  @Override
  public void save(Member member) {
    memberSaves++;
    members.put(member.id(), member);
  }

  @Override
  public boolean forget(MemberId id) {
    visits.values().forEach(visitors -> visitors.remove(id));
    checkIns.remove(id);
    steps.remove(id);
    pods.remove(id);
    plans.remove(id);
    reachOuts.remove(id);
    invitations.values().removeIf(i -> i.from().equals(id));
    buddies.values().removeIf(b -> b.member().equals(id) || b.buddy().equals(id));
    reachOutAnswers.remove(id);
    meetingReminders.remove(id);
    remindersSent.remove(id);
    unreachable.remove(id);
    return members.remove(id) != null;
  }

  @Override
  public List<MemberId> all() {
    return List.copyOf(members.keySet());
  }

  final java.util.Set<MemberId> unreachable = new java.util.HashSet<>();

  @Override
  public void setReachable(MemberId id, boolean reachable) {
    if (!members.containsKey(id)) return;
    if (reachable) unreachable.remove(id);
    else unreachable.add(id);
  }

  @Override
  public boolean isReachable(MemberId id) {
    return !unreachable.contains(id);
  }

  @Override
  public Optional<CheckIn> find(MemberId member, LocalDate date) {
    return Optional.ofNullable(checkIns.getOrDefault(member, new TreeMap<>()).get(date));
  }

  @Override
  public void save(CheckIn checkIn) {
    if (!members.containsKey(checkIn.member())) {
      throw new IllegalStateException("check-in for a member who is not stored");
    }
    checkIns.computeIfAbsent(checkIn.member(), m -> new TreeMap<>()).put(checkIn.date(), checkIn);
  }

  @Override
  public List<CheckIn> between(MemberId member, LocalDate from, LocalDate to) {
    return List.copyOf(
        checkIns.getOrDefault(member, new TreeMap<>()).subMap(from, true, to, true).values());
  }

  @Override
  public List<CheckIn> allFor(MemberId member) {
    return List.copyOf(checkIns.getOrDefault(member, new TreeMap<>()).values());
  }

  @Override
  public void record(StepGiven given) {
    if (!members.containsKey(given.member())) {
      throw new IllegalStateException("step for a member who is not stored");
    }
    steps.computeIfAbsent(given.member(), m -> new ArrayList<>()).add(given);
  }

  @Override
  public Map<String, Instant> lastSeen(MemberId member) {
    Map<String, Instant> last = new HashMap<>();
    for (StepGiven given : steps.getOrDefault(member, List.of())) {
      last.merge(given.stepId(), given.givenAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    return last;
  }

  @Override
  public List<StepGiven> givenTo(MemberId member) {
    return steps.getOrDefault(member, List.of()).stream()
        .sorted(Comparator.comparing(StepGiven::givenAt))
        .toList();
  }

  // ---- Communities ----

  public final Map<Community.Id, Community> communities = new HashMap<>();
  // Who visited each community, and when last.
  public final Map<Community.Id, Map<MemberId, Instant>> visits = new HashMap<>();

  @Override
  public Optional<Community> find(Community.Id id) {
    return Optional.ofNullable(communities.get(id));
  }

  @Override
  public void save(Community community) {
    communities.put(community.id(), community);
  }

  @Override
  public void visited(MemberId member, Community.Id id, String name, Instant when) {
    communities.putIfAbsent(id, Community.unset(id, name));
    if (!members.containsKey(member)) return;
    visits.computeIfAbsent(id, c -> new HashMap<>()).put(member, when);
  }

  // Join codes, and the community each leads to.
  public final Map<String, Community.Id> joinCodes = new HashMap<>();

  @Override
  public String joinCode(Community.Id id, String name, String fresh) {
    communities.putIfAbsent(id, Community.unset(id, name));
    return joinCodes.entrySet().stream()
        .filter(e -> e.getValue().equals(id))
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .orElseGet(
            () -> {
              String code = fresh.toLowerCase(java.util.Locale.ROOT);
              joinCodes.put(code, id);
              return code;
            });
  }

  @Override
  public Optional<Community> byJoinCode(String code) {
    return Optional.ofNullable(joinCodes.get(code.toLowerCase(java.util.Locale.ROOT)))
        .map(communities::get);
  }

  @Override
  public void moved(Community.Id from, Community.Id to) {
    Community old = communities.remove(from);
    if (old == null || from.equals(to)) return;
    Community now = communities.get(to);
    if (now == null || now.equals(Community.unset(to, now.name()))) {
      communities.put(to, old.withId(to));
    }
    Map<MemberId, Instant> oldVisits = visits.remove(from);
    if (oldVisits != null) {
      oldVisits.forEach(
          (member, when) ->
              visits
                  .computeIfAbsent(to, c -> new HashMap<>())
                  .merge(member, when, (a, b) -> a.isAfter(b) ? a : b));
    }
    joinCodes.replaceAll((code, id) -> id.equals(from) ? to : id);
  }

  @Override
  public List<Community.Visit> visitsOf(MemberId member) {
    return visits.entrySet().stream()
        .filter(e -> e.getValue().containsKey(member))
        .map(
            e ->
                new Community.Visit(
                    e.getKey(), communities.get(e.getKey()).name(), e.getValue().get(member)))
        .sorted(Comparator.comparing(Community.Visit::lastSeenAt).reversed())
        .toList();
  }

  @Override
  public Optional<Community> homeOf(MemberId member) {
    return visits.entrySet().stream()
        .filter(e -> e.getValue().containsKey(member))
        .max(
            Comparator.comparing(
                (Map.Entry<Community.Id, Map<MemberId, Instant>> e) -> e.getValue().get(member)))
        .map(e -> communities.get(e.getKey()));
  }

  @Override
  public Week week(Community.Id id, LocalDate from, LocalDate to) {
    int fine = 0;
    int rough = 0;
    java.util.Set<MemberId> answered = new java.util.HashSet<>();
    Instant activeSince = from.minusDays(30).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    for (Map.Entry<MemberId, Instant> visit : visits.getOrDefault(id, Map.of()).entrySet()) {
      if (visit.getValue().isBefore(activeSince)) continue;
      MemberId member = visit.getKey();
      for (CheckIn checkIn : between(member, from, to)) {
        Optional<Mood> mood = checkIn.mood();
        if (mood.equals(Optional.of(Mood.FINE))) fine++;
        if (mood.equals(Optional.of(Mood.ROUGH))) rough++;
        if (mood.isPresent() && mood.get() != Mood.SKIPPED) answered.add(member);
      }
    }
    return new Week(answered.size(), fine, rough);
  }

  public final Map<MemberId, MeetingReminder> meetingReminders = new HashMap<>();
  // Sent reminders, as the sweep notes them on a real database.
  public final Map<MemberId, List<MeetingReminder.Sent>> remindersSent = new HashMap<>();

  @Override
  public MeetingReminder meetingReminder(MemberId member) {
    return meetingReminders.getOrDefault(member, MeetingReminder.DEFAULT);
  }

  @Override
  public void saveMeetingReminder(MemberId member, MeetingReminder reminder, Instant now) {
    if (members.containsKey(member)) meetingReminders.put(member, reminder);
  }

  @Override
  public List<MeetingReminder.Sent> meetingRemindersSent(MemberId member) {
    return remindersSent.getOrDefault(member, List.of()).stream()
        .sorted(Comparator.comparing(MeetingReminder.Sent::meetingAt))
        .toList();
  }

  // The reminders put into words to go, by member and meeting.
  public final java.util.Set<String> wentOut = new java.util.HashSet<>();

  @Override
  public void wentOut(MemberId member, Instant meetingAt) {
    wentOut.add(member + "@" + meetingAt);
  }

  @Override
  public Reminding reminding(Community.Id community, Instant from, Instant to) {
    int reminding = 0;
    for (MemberId member : members.keySet()) {
      boolean home = homeOf(member).map(c -> c.id().equals(community)).orElse(false);
      if (home && meetingReminder(member).on()) reminding++;
    }
    int sent = 0;
    for (Map.Entry<MemberId, List<MeetingReminder.Sent>> each : remindersSent.entrySet()) {
      for (MeetingReminder.Sent s : each.getValue()) {
        boolean inWeek = !s.sentAt().isBefore(from) && s.sentAt().isBefore(to);
        boolean gone = wentOut.contains(each.getKey() + "@" + s.meetingAt());
        if (s.community().equals(community) && inWeek && gone) sent++;
      }
    }
    return new Reminding(reminding, sent);
  }
}
