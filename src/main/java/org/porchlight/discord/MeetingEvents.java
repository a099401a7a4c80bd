package org.porchlight.discord;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ScheduledEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.porchlight.core.Community;
import org.porchlight.core.Meeting;
import org.porchlight.core.Messages;
import org.porchlight.core.Text;
import org.porchlight.core.port.MeetingEventStore;
import org.porchlight.core.port.MeetingEventStore.MeetingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's weekly meetings as its scheduled events: one external event a meeting, at its next
 * time (days off skipped, in the community's zone), with the link or place as its location. An
 * event that has ended makes way for the next one; a changed meeting changes its event; a removed
 * meeting's event is deleted. Which event is whose is kept in the {@link MeetingEventStore}, so a
 * restart changes the same events. Discord's answers never break a setup: a refusal is logged in a
 * line and the next pass tries again.
 */
final class MeetingEvents {
  /**
   * How long an event lasts: Discord needs an end for an external event, and a weekly meeting fits
   * in an hour and a half.
   */
  static final Duration LENGTH = Duration.ofMinutes(90);

  private static final Logger LOG = LoggerFactory.getLogger(MeetingEvents.class);
  // Each call to Discord is waited for this long at most (rate limits included): a host is waiting.
  private static final Duration CALL_WITHIN = Duration.ofSeconds(10);
  private static final String ELLIPSIS = "…";

  /** What became of a server's events. */
  enum Outcome {
    /** No weekly meetings and no events: nothing to keep. */
    NONE,
    /** Every meeting's event is as it should be. */
    KEPT,
    /** The bot may not create events in the server: nothing was asked of Discord. */
    NOT_ALLOWED,
    /** Discord refused or failed some of it; the next pass tries again. */
    FAILED
  }

  /** One thing to do to a server's events. */
  sealed interface Change {
    /** A meeting with no event gets one at {@code start}. */
    record Create(Meeting meeting, Instant start) implements Change {}

    /** An event still to come shows its meeting as it now is, at {@code start}. */
    record Update(MeetingEvent event, Meeting meeting, Instant start) implements Change {}

    /** An event whose meeting is gone, or which has ended, goes. */
    record Delete(MeetingEvent event) implements Change {}
  }

  private final MeetingEventStore store;
  private final Function<String, Messages> texts;
  private final Clock clock;
  // One pass at a time, so /setup and the hourly pass never make the same event twice.
  private final Object oneAtATime = new Object();

  MeetingEvents(MeetingEventStore store, Function<String, Messages> texts, Clock clock) {
    this.store = requireNonNull(store, "store == null");
    this.texts = requireNonNull(texts, "texts == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /**
   * Brings the server's events in line with {@code community} as stored. {@code checkDiscord}
   * (after a setup) also asks Discord which events still exist, and replaces any that someone
   * deleted; without it, Discord is asked only when something changes.
   */
  Outcome keep(Guild guild, Community community, boolean checkDiscord) {
    synchronized (oneAtATime) {
      List<MeetingEvent> stored = new ArrayList<>(store.eventsOf(community.id()));
      if (stored.isEmpty() && community.meetings().isEmpty()) return Outcome.NONE;
      Instant now = clock.instant();
      if (!checkDiscord && plan(stored, community, now).isEmpty()) return Outcome.KEPT;
      if (!guild.getSelfMember().hasPermission(Permission.CREATE_SCHEDULED_EVENTS)) {
        return Outcome.NOT_ALLOWED;
      }
      Map<String, ScheduledEvent> onDiscord = new HashMap<>();
      try {
        for (ScheduledEvent event :
            DiscordCalls.complete(
                guild.retrieveScheduledEvents(), CALL_WITHIN, "retrieveScheduledEvents")) {
          if (event.getStatus() == ScheduledEvent.Status.SCHEDULED
              || event.getStatus() == ScheduledEvent.Status.ACTIVE) {
            onDiscord.put(event.getId(), event);
          }
        }
      } catch (RuntimeException e) {
        refused("the server's events", e);
        return Outcome.FAILED;
      }
      // An event someone deleted, or one Discord has ended, is ours no longer.
      for (MeetingEvent gone :
          stored.stream().filter(event -> !onDiscord.containsKey(event.eventId())).toList()) {
        store.remove(community.id(), gone.eventId());
        stored.remove(gone);
      }
      boolean failed = false;
      for (Change change : plan(stored, community, now)) {
        try {
          apply(change, guild, community, onDiscord);
        } catch (RuntimeException e) {
          refused("a meeting's event", e);
          failed = true;
        }
      }
      return failed ? Outcome.FAILED : Outcome.KEPT;
    }
  }

  private void apply(
      Change change, Guild guild, Community community, Map<String, ScheduledEvent> onDiscord) {
    if (change instanceof Change.Create create) {
      Instant end = create.start().plus(LENGTH);
      ScheduledEvent made =
          DiscordCalls.complete(
              guild
                  .createScheduledEvent(
                      name(create.meeting(), community),
                      location(create.meeting(), guild),
                      create.start().atOffset(ZoneOffset.UTC),
                      end.atOffset(ZoneOffset.UTC))
                  .setDescription(description(create.meeting(), community, guild)),
              CALL_WITHIN,
              "createScheduledEvent");
      store.save(
          community.id(), new MeetingEvent(create.meeting(), made.getId(), create.start(), end));
    } else if (change instanceof Change.Update update) {
      Instant end = update.start().plus(LENGTH);
      DiscordCalls.complete(
          onDiscord
              .get(update.event().eventId())
              .getManager()
              .setName(name(update.meeting(), community))
              .setLocation(location(update.meeting(), guild))
              .setDescription(description(update.meeting(), community, guild))
              .setStartTime(update.start().atOffset(ZoneOffset.UTC))
              .setEndTime(end.atOffset(ZoneOffset.UTC)),
          CALL_WITHIN,
          "modifyScheduledEvent");
      store.save(
          community.id(),
          new MeetingEvent(update.meeting(), update.event().eventId(), update.start(), end));
    } else if (change instanceof Change.Delete delete) {
      try {
        DiscordCalls.complete(
            onDiscord.get(delete.event().eventId()).delete(), CALL_WITHIN, "deleteScheduledEvent");
      } catch (ErrorResponseException e) {
        if (e.getErrorResponse() != ErrorResponse.UNKNOWN_SCHEDULED_EVENT) throw e;
      }
      store.remove(community.id(), delete.event().eventId());
    }
  }

  /**
   * What to do so that each of the community's meetings has one event at its next time: stored
   * events are matched to meetings (the same meeting, else the same name, else the same day and
   * time, else the same place), so that an edited meeting keeps its event. An event under way is
   * left until it ends, unless its meeting changed or went.
   */
  static List<Change> plan(List<MeetingEvent> stored, Community community, Instant now) {
    List<MeetingEvent> events = new ArrayList<>(stored);
    List<Meeting> meetings = new ArrayList<>(community.meetings());
    List<Change> changes = new ArrayList<>();
    List<BiPredicate<MeetingEvent, Meeting>> alike =
        List.of(
            (event, meeting) -> event.meeting().equals(meeting),
            (event, meeting) ->
                !meeting.name().isEmpty()
                    && event.meeting().name().equalsIgnoreCase(meeting.name()),
            (event, meeting) ->
                event.meeting().day() == meeting.day()
                    && event.meeting().time().equals(meeting.time()),
            (event, meeting) ->
                !meeting.where().isEmpty() && event.meeting().where().equals(meeting.where()));
    for (BiPredicate<MeetingEvent, Meeting> same : alike) {
      for (MeetingEvent event : List.copyOf(events)) {
        Optional<Meeting> match = meetings.stream().filter(m -> same.test(event, m)).findFirst();
        if (match.isEmpty()) continue;
        events.remove(event);
        meetings.remove(match.get());
        changes.addAll(follow(event, match.get(), next(match.get(), community, now), now));
      }
    }
    events.forEach(event -> changes.add(new Change.Delete(event)));
    for (Meeting meeting : meetings) {
      next(meeting, community, now)
          .ifPresent(start -> changes.add(new Change.Create(meeting, start)));
    }
    return changes;
  }

  private static List<Change> follow(
      MeetingEvent event, Meeting meeting, Optional<Instant> next, Instant now) {
    boolean same = event.meeting().equals(meeting);
    boolean started = !event.start().isAfter(now);
    boolean ended = !event.end().isAfter(now);
    if (started && !ended && same) return List.of();
    if (next.isEmpty()) return List.of(new Change.Delete(event));
    if (!started) {
      return same && event.start().equals(next.get())
          ? List.of()
          : List.of(new Change.Update(event, meeting, next.get()));
    }
    // Discord moves no event that has begun: the next time is a new event.
    return List.of(new Change.Delete(event), new Change.Create(meeting, next.get()));
  }

  private static Optional<Instant> next(Meeting meeting, Community community, Instant now) {
    if (community.defaultZone().isEmpty()) return Optional.empty();
    return meeting
        .nextAfter(now, community.defaultZone().get(), community.cancelled())
        .map(at -> at.toInstant());
  }

  private static String name(Meeting meeting, Community community) {
    return cut(
        meeting.name().isEmpty() ? community.name() : meeting.name(),
        ScheduledEvent.MAX_NAME_LENGTH);
  }

  private String location(Meeting meeting, Guild guild) {
    String where =
        meeting.where().isEmpty() ? textsOf(guild).get(Text.EVENTS_NO_PLACE) : meeting.where();
    return cut(where, ScheduledEvent.MAX_LOCATION_LENGTH);
  }

  private String description(Meeting meeting, Community community, Guild guild) {
    String language = language(guild);
    String text =
        textsOf(guild)
            .get(
                Text.EVENTS_DESCRIPTION,
                "day",
                meeting.day().getDisplayName(TextStyle.FULL, Locale.forLanguageTag(language)),
                "time",
                meeting.time(),
                "zone",
                community.defaultZone().map(ZoneId::getId).orElse(""));
    // A place too long for the location is there in full.
    if (meeting.where().length() > ScheduledEvent.MAX_LOCATION_LENGTH) {
      text = meeting.where() + "\n" + text;
    }
    return cut(text, ScheduledEvent.MAX_DESCRIPTION_LENGTH);
  }

  private Messages textsOf(Guild guild) {
    return texts.apply(language(guild));
  }

  private static String language(Guild guild) {
    String tag = guild.getLocale().getLocale();
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
  }

  private static void refused(String what, RuntimeException e) {
    // Routine (a 403, a 429 waited out too long, a 5xx, no answer): one line, no stack trace.
    LOG.warn("Discord refused {}: {}", what, e.getMessage());
  }
}
