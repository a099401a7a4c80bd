package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One member's check-in for one local day: when it was asked, how it was answered, and when its one
 * reminder went (if it did).
 */
public record CheckIn(
    MemberId member,
    LocalDate date,
    Optional<Instant> promptedAt,
    Optional<Instant> answeredAt,
    Optional<Mood> mood,
    Optional<Via> via,
    Optional<Instant> remindedAt) {

  public CheckIn {
    requireNonNull(member, "member == null");
    requireNonNull(date, "date == null");
    requireNonNull(promptedAt, "promptedAt == null");
    requireNonNull(answeredAt, "answeredAt == null");
    requireNonNull(mood, "mood == null");
    requireNonNull(via, "via == null");
    requireNonNull(remindedAt, "remindedAt == null");
    if (mood.isPresent() != answeredAt.isPresent() || mood.isPresent() != via.isPresent()) {
      throw new IllegalArgumentException("mood, answeredAt and via go together");
    }
  }

  /** A day's check-in not asked for yet: what an answer is recorded on when nothing was asked. */
  public static CheckIn unasked(MemberId member, LocalDate date) {
    return new CheckIn(
        member,
        date,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public static CheckIn prompted(MemberId member, LocalDate date, Instant at) {
    return unasked(member, date).withPromptedAt(at);
  }

  /** This check-in answered; a later answer on the same day replaces an earlier one. */
  public CheckIn answered(Mood answer, Via how, Instant at) {
    return new CheckIn(
        member,
        date,
        promptedAt,
        Optional.of(at),
        Optional.of(answer),
        Optional.of(how),
        remindedAt);
  }

  private CheckIn withPromptedAt(Instant at) {
    return new CheckIn(member, date, Optional.of(at), answeredAt, mood, via, remindedAt);
  }

  public boolean isAnswered() {
    return mood.isPresent();
  }
}
