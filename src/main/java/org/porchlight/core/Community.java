package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A server or group whose hosts set Porchlight up: its meeting, where check-ins are posted, and the
 * check-in time and zone that members who arrive from it start with.
 */
public record Community(
    Id id,
    String name,
    List<String> meetingLinks,
    Optional<String> meetingSchedule,
    Optional<String> checkInChannel,
    Optional<LocalTime> defaultTime,
    Optional<ZoneId> defaultZone,
    List<Meeting> meetings,
    Set<LocalDate> cancelled) {

  /** A community on one platform, such as a Discord server's id. */
  public record Id(String platform, String placeId) {
    public Id {
      requireNonNull(platform, "platform == null");
      requireNonNull(placeId, "placeId == null");
    }
  }

  /** Where a member used Porchlight: a community, with its name as the platform shows it now. */
  public record Place(Id id, String name) {
    public Place {
      requireNonNull(id, "id == null");
      requireNonNull(name, "name == null");
    }
  }

  /** A member's use of a community: which, and when last. */
  public record Visit(Id id, String name, Instant lastSeenAt) {
    public Visit {
      requireNonNull(id, "id == null");
      requireNonNull(name, "name == null");
      requireNonNull(lastSeenAt, "lastSeenAt == null");
    }
  }

  public Community {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    requireNonNull(meetingSchedule, "meetingSchedule == null");
    requireNonNull(checkInChannel, "checkInChannel == null");
    requireNonNull(defaultTime, "defaultTime == null");
    requireNonNull(defaultZone, "defaultZone == null");
    meetingLinks = List.copyOf(meetingLinks);
    meetings = List.copyOf(meetings);
    cancelled = Set.copyOf(cancelled);
  }

  /** A community with no weekly meetings: one meeting, its links and its schedule in words. */
  public Community(
      Id id,
      String name,
      List<String> meetingLinks,
      Optional<String> meetingSchedule,
      Optional<String> checkInChannel,
      Optional<LocalTime> defaultTime,
      Optional<ZoneId> defaultZone) {
    this(
        id,
        name,
        meetingLinks,
        meetingSchedule,
        checkInChannel,
        defaultTime,
        defaultZone,
        List.of(),
        Set.of());
  }

  /**
   * The next of the weekly meetings after {@code now}, in the community's zone: empty without
   * meetings or a zone.
   */
  public Optional<Meeting.Next> nextMeeting(Instant now) {
    if (meetings.isEmpty() || defaultZone.isEmpty()) return Optional.empty();
    return Meeting.soonest(meetings, now, defaultZone.get(), cancelled);
  }

  /** The same community under another id, as when a Telegram group becomes a supergroup. */
  public Community withId(Id newId) {
    return new Community(
        newId,
        name,
        meetingLinks,
        meetingSchedule,
        checkInChannel,
        defaultTime,
        defaultZone,
        meetings,
        cancelled);
  }

  /** A community nobody has set up yet. */
  public static Community unset(Id id, String name) {
    return new Community(
        id,
        name,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The meeting as a rough day shows it; without links there is none. */
  public Group group() {
    return new Group(
        name,
        meetingLinks.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", meetingLinks)),
        meetingSchedule);
  }
}
