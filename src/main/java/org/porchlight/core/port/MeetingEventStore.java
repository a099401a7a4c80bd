package org.porchlight.core.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.porchlight.core.Community;
import org.porchlight.core.Meeting;

/**
 * The events a platform shows for a community's weekly meetings (a Discord server's Events), one a
 * meeting: which event stands for which meeting, so that the next setup changes or removes that one
 * instead of adding another. Nothing here is about a person.
 */
public interface MeetingEventStore {
  /** The community's events, in no particular order. */
  List<MeetingEvent> eventsOf(Community.Id community);

  /** Inserts the event, or replaces the one with the same id in the community. */
  void save(Community.Id community, MeetingEvent event);

  /** Forgets the event; nothing happens when it is not stored. */
  void remove(Community.Id community, String eventId);

  /**
   * One event: the meeting as it was when the event was last written, the platform's id for it, and
   * when the occurrence it shows starts and ends.
   */
  record MeetingEvent(Meeting meeting, String eventId, Instant start, Instant end) {
    public MeetingEvent {
      requireNonNull(meeting, "meeting == null");
      requireNonNull(eventId, "eventId == null");
      requireNonNull(start, "start == null");
      requireNonNull(end, "end == null");
      if (!end.isAfter(start)) throw new IllegalArgumentException("an event ends after it starts");
    }
  }
}
