package org.porchlight.core;

import java.util.Arrays;

/** A message Porchlight starts, rather than one that answers a member. */
public enum Prompt {
  /** The day's question: how are you doing, honestly? */
  CHECK_IN("checkin"),
  /** One gentle nudge when the day's question is still unanswered. */
  REMINDER("reminder"),
  /** After a long silence: the light's on, no pressure; then quiet until the member writes. */
  LIGHTS_ON("lights-on"),
  /** Once a week, with the check-in: who is one person you could reach out to this week? */
  REACH_OUT("reach-out"),
  /** A few days after a name was chosen, once: did you get to reach them? */
  REACH_OUT_FOLLOW_UP("follow-up"),
  /** To a buddy: the member they are buddy to could use a kind message today. */
  BUDDY_NUDGE("buddy-nudge"),
  /** To a member: the person they invited said yes. */
  BUDDY_ACCEPTED("buddy-yes"),
  /** To either side: the buddy link has ended. */
  BUDDY_ENDED("buddy-ended"),
  /** To a member: their buddy can't be reached (blocked the bot, or left). */
  BUDDY_UNREACHABLE("buddy-gone"),
  /** To a member who asked for it: their group meets soon. */
  MEETING_REMINDER("meeting");

  /** Whether this is about someone else, owed because of a buddy rather than a check-in. */
  public boolean fromABuddy() {
    return this == BUDDY_NUDGE
        || this == BUDDY_ACCEPTED
        || this == BUDDY_ENDED
        || this == BUDDY_UNREACHABLE;
  }

  private final String key;

  Prompt(String key) {
    this.key = key;
  }

  /** The name stored in the outbox. */
  public String key() {
    return key;
  }

  public static Prompt fromKey(String key) {
    return Arrays.stream(values())
        .filter(prompt -> prompt.key.equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no prompt '" + key + "'"));
  }
}
