package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The community's meeting, shown on a rough day and by /group. */
public record Group(String name, Optional<String> meetingUrl, Optional<String> schedule) {
  public static final Group NONE = new Group("", Optional.empty(), Optional.empty());

  public Group {
    requireNonNull(name, "name == null");
    requireNonNull(meetingUrl, "meetingUrl == null");
    requireNonNull(schedule, "schedule == null");
  }

  public boolean hasMeeting() {
    return meetingUrl.isPresent();
  }
}
