package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One member's check-in for one local day: when it was asked, and how it was answered. */
public record CheckIn(
    MemberId member,
    LocalDate date,
    Optional<Instant> promptedAt,
    Optional<Instant> answeredAt,
    Optional<Mood> mood,
    Optional<Via> via) {

  public CheckIn {
    requireNonNull(member, "member == null");
    requireNonNull(date, "date == null");
    requireNonNull(promptedAt, "promptedAt == null");
    requireNonNull(answeredAt, "answeredAt == null");
    requireNonNull(mood, "mood == null");
    requireNonNull(via, "via == null");
    if (mood.isPresent() != answeredAt.isPresent() || mood.isPresent() != via.isPresent()) {
      throw new IllegalArgumentException("mood, answeredAt and via go together");
    }
  }

  public static CheckIn prompted(MemberId member, LocalDate date, Instant at) {
    return new CheckIn(
        member, date, Optional.of(at), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This check-in answered; a later answer on the same day replaces an earlier one. */
  public CheckIn answered(Mood answer, Via how, Instant at) {
    return new CheckIn(
        member, date, promptedAt, Optional.of(at), Optional.of(answer), Optional.of(how));
  }

  public boolean isAnswered() {
    return mood.isPresent();
  }
}
