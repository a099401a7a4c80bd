package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A member's settings: everything Porchlight keeps about them besides their check-ins and the steps
 * they were given.
 *
 * @param paused whether check-ins are paused; {@code pausedUntil} empty means until /resume
 * @param awaiting what the conversation is waiting for: a setting during onboarding, a name for the
 *     pod, an answer for the safety plan
 * @param contact when the member last wrote, and how Porchlight has reached out to them
 * @param awaitingAbout which entry or section {@code awaiting} is about, or empty
 */
public record Member(
    MemberId id,
    String locale,
    Optional<LocalTime> checkInTime,
    Optional<ZoneId> zone,
    Optional<String> country,
    Set<DayOfWeek> days,
    QuietHours quietHours,
    boolean paused,
    Optional<LocalDate> pausedUntil,
    Awaiting awaiting,
    Instant joinedAt,
    Optional<Instant> nextCheckInAt,
    Contact contact,
    String awaitingAbout) {

  /** What the conversation waits for from a member who has not finished onboarding. */
  public enum Awaiting {
    NOTHING,
    TIME,
    ZONE,
    /** A name to add to the pod, in the ring {@code awaitingAbout} names. */
    POD_NAME,
    /** A new name for the pod entry at the position {@code awaitingAbout} gives. */
    POD_RENAME,
    /** An answer to the safety plan's section {@code awaitingAbout} names. */
    PLAN_ANSWER,
    /** The name a member's buddy should know them by, for an invitation. */
    BUDDY_NAME
  }

  /** A member as stored before anything was awaited about an entry or a section. */
  public Member(
      MemberId id,
      String locale,
      Optional<LocalTime> checkInTime,
      Optional<ZoneId> zone,
      Optional<String> country,
      Set<DayOfWeek> days,
      QuietHours quietHours,
      boolean paused,
      Optional<LocalDate> pausedUntil,
      Awaiting awaiting,
      Instant joinedAt,
      Optional<Instant> nextCheckInAt,
      Contact contact) {
    this(
        id,
        locale,
        checkInTime,
        zone,
        country,
        days,
        quietHours,
        paused,
        pausedUntil,
        awaiting,
        joinedAt,
        nextCheckInAt,
        contact,
        "");
  }

  public Member {
    requireNonNull(id, "id == null");
    requireNonNull(locale, "locale == null");
    requireNonNull(checkInTime, "checkInTime == null");
    requireNonNull(zone, "zone == null");
    requireNonNull(country, "country == null");
    requireNonNull(days, "days == null");
    requireNonNull(quietHours, "quietHours == null");
    requireNonNull(pausedUntil, "pausedUntil == null");
    requireNonNull(awaiting, "awaiting == null");
    requireNonNull(joinedAt, "joinedAt == null");
    requireNonNull(nextCheckInAt, "nextCheckInAt == null");
    requireNonNull(contact, "contact == null");
    requireNonNull(awaitingAbout, "awaitingAbout == null");
    if (days.isEmpty()) throw new IllegalArgumentException("days is empty");
    days = Set.copyOf(days);
  }

  /** A member who has just arrived: every day, default quiet hours, nothing else chosen yet. */
  public static Member arriving(MemberId id, String locale, Instant now) {
    return new Member(
        id,
        locale,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        EnumSet.allOf(DayOfWeek.class),
        QuietHours.DEFAULT,
        false,
        Optional.empty(),
        Awaiting.NOTHING,
        now,
        Optional.empty(),
        Contact.since(now),
        "");
  }

  /** True once a check-in time and a time zone are both chosen. */
  public boolean isSetUp() {
    return checkInTime.isPresent() && zone.isPresent();
  }

  /** The member's zone, or UTC until they choose one. */
  public ZoneId zoneOrUtc() {
    return zone.orElse(ZoneId.of("UTC"));
  }

  public Member withCheckInTime(LocalTime time) {
    return new Member(
        id,
        locale,
        Optional.of(time),
        zone,
        country,
        days,
        quietHours,
        paused,
        pausedUntil,
        awaiting,
        joinedAt,
        nextCheckInAt,
        contact,
        awaitingAbout);
  }

  public Member withZone(ZoneId newZone) {
    return new Member(
        id,
        locale,
        checkInTime,
        Optional.of(newZone),
        country,
        days,
        quietHours,
        paused,
        pausedUntil,
        awaiting,
        joinedAt,
        nextCheckInAt,
        contact,
        awaitingAbout);
  }

  public Member withCountry(Optional<String> newCountry) {
    return new Member(
        id,
        locale,
        checkInTime,
        zone,
        newCountry,
        days,
        quietHours,
        paused,
        pausedUntil,
        awaiting,
        joinedAt,
        nextCheckInAt,
        contact,
        awaitingAbout);
  }

  public Member withDays(Set<DayOfWeek> newDays) {
    return new Member(
        id,
        locale,
        checkInTime,
        zone,
        country,
        newDays,
        quietHours,
        paused,
        pausedUntil,
        awaiting,
        joinedAt,
        nextCheckInAt,
        contact,
        awaitingAbout);
  }

  public Member withQuietHours(QuietHours hours) {
    return new Member(
        id,
        locale,
        checkInTime,
        zone,
        country,
        days,
        hours,
        paused,
        pausedUntil,
        awaiting,
        joinedAt,
        nextCheckInAt,
        contact,
        awaitingAbout);
  }

  public Member withPause(boolean isPaused, Optional<LocalDate> until) {
    return new Member(
        id,
        locale,
        checkInTime,
        zone,
        country,
        days,
        quietHours,
        isPaused,
        until,
        awaiting,
        joinedAt,
        nextCheckInAt,
        contact,
        awaitingAbout);
  }

  public Member withAwaiting(Awaiting next) {
    return withAwaiting(next, "");
  }

  /**
   * Awaiting words for {@code next} since {@code since}: a name, an answer of the plan. The time is
   * kept with {@code about}, so that a wait left long ago does not catch words meant otherwise.
   */
  public Member awaitingWords(Awaiting next, String about, Instant since) {
    return withAwaiting(next, about + SINCE + since.getEpochSecond());
  }

  private static final char SINCE = '@';

  /** The entry or section awaited, without when the wait began. */
  public String awaitingFor() {
    int at = awaitingAbout.lastIndexOf(SINCE);
    return at < 0 ? awaitingAbout : awaitingAbout.substring(0, at);
  }

  /** When the wait for words began, when it was noted. */
  public Optional<Instant> awaitingSince() {
    int at = awaitingAbout.lastIndexOf(SINCE);
    if (at < 0) return Optional.empty();
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(awaitingAbout.substring(at + 1))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Awaiting {@code next}, about the entry or section {@code about}. */
  public Member withAwaiting(Awaiting next, String about) {
    return new Member(
        id,
        locale,
        checkInTime,
        zone,
        country,
        days,
        quietHours,
        paused,
        pausedUntil,
        next,
        joinedAt,
        nextCheckInAt,
        contact,
        about);
  }

  public Member withNextCheckInAt(Optional<Instant> next) {
    return new Member(
        id,
        locale,
        checkInTime,
        zone,
        country,
        days,
        quietHours,
        paused,
        pausedUntil,
        awaiting,
        joinedAt,
        next,
        contact,
        awaitingAbout);
  }

  public Member withContact(Contact newContact) {
    return new Member(
        id,
        locale,
        checkInTime,
        zone,
        country,
        days,
        quietHours,
        paused,
        pausedUntil,
        awaiting,
        joinedAt,
        nextCheckInAt,
        newContact,
        awaitingAbout);
  }

  /** True when check-ins are paused on {@code date}. */
  public boolean isPausedOn(LocalDate date) {
    return paused && pausedUntil.map(until -> !date.isAfter(until)).orElse(true);
  }
}
