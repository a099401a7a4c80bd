package org.porchlight.core.conversation;

/** The conversation's flows, one for each thing a member can do, made once per conversation. */
record Flows(
    Onboarding onboarding,
    SettingsCommands settings,
    CheckInAnswers answers,
    StepOffers steps,
    Outreach outreach,
    CrisisReplies crisis,
    MemberDataRequests data,
    PodCommands pod,
    SafetyPlanning plan,
    WeeklyReachOut reachOut,
    BuddyLinks buddy,
    Joining joining,
    Phrasing phrasing,
    MeetingReminders meetingReminders) {
  static Flows of(Context ctx) {
    return new Flows(
        new Onboarding(ctx),
        new SettingsCommands(ctx),
        new CheckInAnswers(ctx),
        new StepOffers(ctx),
        new Outreach(ctx),
        new CrisisReplies(ctx),
        new MemberDataRequests(ctx),
        new PodCommands(ctx),
        new SafetyPlanning(ctx),
        new WeeklyReachOut(ctx),
        new BuddyLinks(ctx),
        new Joining(ctx),
        new Phrasing(ctx),
        new MeetingReminders(ctx));
  }
}
