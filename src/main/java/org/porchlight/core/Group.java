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

  /**
   * "Harbour Lights meets Tuesdays at 19:00: https://…", or without the schedule; with a meeting.
   */
  public String said(Messages texts) {
    String url = meetingUrl.orElseThrow(() -> new IllegalStateException("no meeting to say"));
    return schedule.isPresent()
        ? texts.get(Text.GROUP, "name", name, "schedule", schedule.get(), "url", url)
        : texts.get(Text.GROUP_NO_SCHEDULE, "name", name, "url", url);
  }
}
